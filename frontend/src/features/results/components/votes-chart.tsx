import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../../lib/format';
import { useResultsT } from '../../../lib/i18n/results';

type District = ResultsView['districts'][number];

const SELECTED = '#0b5cad';
const NOT_SELECTED = '#8a96a3';
const COST = '#b35900';

/**
 * Votes and cost of each proposal of a district, side by side. The table next to it carries
 * the same figures for screen readers, so the chart itself is hidden from them.
 */
export function VotesChart({ district }: { district: District }) {
  const t = useResultsT();
  const format = useFormat();
  const data = district.proposals.map((p) => ({ name: p.title, votes: p.votes, cost: p.cost, selected: p.selected }));
  const height = Math.max(200, data.length * 56 + 60);
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
          <XAxis xAxisId="votes" type="number" orientation="top" allowDecimals={false} tick={{ fontSize: 12 }} />
          <XAxis
            xAxisId="cost"
            type="number"
            orientation="bottom"
            tick={{ fontSize: 12 }}
            tickFormatter={(value: number) => format.compactMoney(value)}
          />
          <Tooltip
            formatter={(value, name) =>
              name === 'cost' ? [format.money(Number(value)), t('cost')] : [format.number(Number(value)), t('votes')]
            }
          />
          <Legend formatter={(name) => (name === 'cost' ? t('cost') : t('votes'))} />
          <Bar dataKey="votes" xAxisId="votes" name="votes" fill={SELECTED}>
            {data.map((entry) => (
              <Cell key={entry.name} fill={entry.selected ? SELECTED : NOT_SELECTED} />
            ))}
          </Bar>
          <Bar dataKey="cost" xAxisId="cost" name="cost" fill={COST} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

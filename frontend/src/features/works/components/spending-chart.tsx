import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface DistrictSpending {
  id: string;
  name: string;
  works: number;
  awarded: number;
  spent: number;
}

const AWARDED = '#0b5cad';
const SPENT = '#b35900';

interface SpendingChartProps {
  districts: DistrictSpending[];
  /** The words and money formats of the page, handed down so this chunk imports nothing of the app's. */
  labels: { awarded: string; spent: string };
  money: (pesos: number) => string;
  compactMoney: (pesos: number) => string;
}

/**
 * Awarded and spent per district, side by side. The table beside it carries the same
 * figures for screen readers, so the chart itself is hidden from them. Loaded on its own
 * (the default export), so recharts comes only with the dashboard.
 */
export default function SpendingChart({ districts, labels, money, compactMoney }: SpendingChartProps) {
  const height = Math.max(160, districts.length * 64 + 60);
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={districts} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <YAxis type="category" dataKey="name" width={100} tick={{ fontSize: 12 }} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(value: number) => compactMoney(value)} />
          <Tooltip
            formatter={(value, name) => [money(Number(value)), name === 'spent' ? labels.spent : labels.awarded]}
          />
          <Legend formatter={(name) => (name === 'spent' ? labels.spent : labels.awarded)} />
          <Bar dataKey="awarded" name="awarded" fill={AWARDED} />
          <Bar dataKey="spent" name="spent" fill={SPENT} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

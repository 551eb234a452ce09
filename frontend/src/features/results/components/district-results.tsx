import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { VotesChart } from './votes-chart';
import { paths } from '../../../lib/paths';
import { useResultsT } from '../../../lib/i18n/results';

type District = ResultsView['districts'][number];

/**
 * One pool's outcome (a district's, or the citywide pool's): the winners first, then every
 * proposal's votes and cost in a table and a chart.
 */
export function DistrictResults({ district }: { district: District }) {
  const t = useResultsT();
  const format = useFormat();
  const winners = district.proposals.filter((p) => p.selected);
  const headingId = `district-${district.id}`;
  return (
    <section className="card district-results" aria-labelledby={headingId}>
      <h2 id={headingId}>{district.name}</h2>
      {district.citywide ? <p className="hint">{t('citywide')}</p> : null}
      <p className="card-figures">
        <span>{t('spent', { spent: format.money(district.spent), budget: format.money(district.budget) })}</span>
        <span>{t('voters', { count: district.voters, formatted: format.number(district.voters) })}</span>
      </p>
      <h3>{t('winners', { count: winners.length })}</h3>
      {winners.length === 0 ? (
        <p>{t('noWinners')}</p>
      ) : (
        <ol className="winners" data-testid={`winners-${district.id}`}>
          {winners.map((p) => (
            <li key={p.id}>
              <Link to={paths.proposal(p.id)}>{p.title}</Link>{' '}
              <span className="hint">
                {t('winnerFigures', {
                  votes: format.number(p.votes),
                  cost: format.money(p.cost),
                  count: p.votes,
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
      {district.proposals.length > 0 ? (
        <>
          <table className="data-table responsive">
            <caption>{t('tableCaption', { district: district.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposal')}</th>
                <th scope="col" className="numeric">
                  {t('votes')}
                </th>
                <th scope="col" className="numeric">
                  {t('cost')}
                </th>
                <th scope="col">{t('outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {district.proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td data-label={t('votes')} className="numeric">
                    {format.number(p.votes)}
                  </td>
                  <td data-label={t('cost')} className="numeric">
                    {format.money(p.cost)}
                  </td>
                  <td data-label={t('outcome')}>{p.selected ? t('selected') : t('notSelected')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <VotesChart district={district} />
        </>
      ) : null}
    </section>
  );
}

import type { ResultsView } from '@decidimos/contracts/api/schemas';
import { csvText } from '../../../lib/csv';
import { resultsPath } from '../api/get-results';
import { useResultsT } from '../../../lib/i18n/results';

export function resultsCsv(results: ResultsView): string {
  const header = [
    'district',
    'district_name',
    'budget',
    'spent',
    'voters',
    'proposal',
    'title',
    'cost',
    'votes',
    'selected',
  ];
  const rows = results.districts.flatMap((d) =>
    d.proposals.map((p) => [d.id, d.name, d.budget, d.spent, d.voters, p.id, p.title, p.cost, p.votes, p.selected]),
  );
  return csvText([header, ...rows]);
}

/**
 * The results as files anyone can reuse: CSV and JSON from this page, one pabulib file per
 * pool (pabulib keeps one per district) and the event log from the server.
 */
export function OpenData({ results }: { results: ResultsView }) {
  const t = useResultsT();
  const base = `/api/processes/${encodeURIComponent(results.editionId)}`;
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(resultsCsv(results))}`;
  return (
    <section aria-labelledby="open-data-title">
      <h2 id="open-data-title">{t('openData')}</h2>
      <p>{t('openDataLead')}</p>
      <ul className="plain-list downloads">
        <li>
          <a href={csvHref} download={`resultados-${results.editionId}.csv`}>
            {t('downloadCsv')}
          </a>
        </li>
        <li>
          <a href={resultsPath(results.editionId)} download={`resultados-${results.editionId}.json`}>
            {t('downloadJson')}
          </a>
        </li>
        {results.districts.map((pool) => (
          <li key={pool.id}>
            <a
              href={`${base}/results.pb?district=${encodeURIComponent(pool.id)}`}
              download={`${results.editionId}_${pool.id}.pb`}
            >
              {t('downloadPabulib', { name: pool.name })}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}/audit/export`} download={`${results.editionId}.jsonl`}>
            {t('downloadLog')}
          </a>
        </li>
      </ul>
    </section>
  );
}

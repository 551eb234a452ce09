import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useResults } from '../../features/results/api/get-results';
import { DistrictResults } from '../../features/results/components/district-results';
import { OpenData } from '../../features/results/components/open-data';
import { useEdition } from '../../lib/api/get-edition';
import { useFormat } from '../../lib/format';

const PUBLISHED = new Set(['results', 'closed']);

export function ResultsRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  const published = Boolean(edition.data && PUBLISHED.has(edition.data.phase));
  const results = useResults(editionId, published);
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  const title = t('results.title');
  if (!published) {
    const when = edition.data.calendar.results;
    return (
      <Page title={title} lead={edition.data.title}>
        <p className="alert alert-info">
          {when ? t('results.notYetOn', { date: format.date(when) }) : t('results.notYet')}
        </p>
      </Page>
    );
  }
  return (
    <Page title={title} lead={edition.data.title}>
      {results.error ? <ProblemAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.isPending ? <Loading /> : null}
      {results.data ? (
        <>
          <p>
            {t('results.summary', {
              count: results.data.ballots,
              ballots: format.number(results.data.ballots),
              rule: t(
                `edition.rule.counting.${results.data.rule.startsWith('equal-shares') ? 'equal-shares' : 'greedy'}`,
              ),
            })}
          </p>
          <TreeHeadNote editionId={editionId} treeHead={results.data.treeHead} />
          {results.data.districts.map((district) => (
            <DistrictResults key={district.id} district={district} />
          ))}
          <OpenData results={results.data} />
        </>
      ) : null}
    </Page>
  );
}

/** The signed tree head the results rest on (API.md), once the backend signs one, with the way to check it. */
function TreeHeadNote({ editionId, treeHead }: { editionId: string; treeHead: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const head = treeHead as { treeSize?: unknown; rootHash?: unknown } | null;
  if (typeof head?.rootHash !== 'string' || typeof head.treeSize !== 'number') return null;
  return (
    <p className="hint">
      {t('results.treeHead', { size: format.number(head.treeSize), root: head.rootHash.slice(0, 16) })}{' '}
      <Link to={`/editions/${editionId}/audit`}>{t('results.checkIt')}</Link>
    </p>
  );
}

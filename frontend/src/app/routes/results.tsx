import { isPublished } from '@decidimos/contracts/editions/phases';
import { treeHeadSchema } from '@decidimos/contracts/audit/audit-documents';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useResults } from '../../features/results/api/get-results';
import { ChannelCounts } from '../../features/results/components/channel-counts';
import { DistrictResults } from '../../features/results/components/district-results';
import { OpenData } from '../../features/results/components/open-data';
import { WorksLink } from '../../features/works/components/works-link';
import { useFormat } from '../../lib/format';
import { useResultsT } from '../../lib/i18n/results';
import { paths } from '../../lib/paths';
import { useRouteEdition } from '../route-data';

export function ResultsRoute() {
  const { t } = useTranslation();
  const rt = useResultsT();
  const format = useFormat();
  const edition = useRouteEdition();
  const published = isPublished(edition.phase);
  const results = useResults(edition.id, published);
  const title = rt('title');
  if (!published) {
    const when = edition.calendar.results;
    return (
      <Page title={title} lead={edition.title}>
        <p className="alert alert-info">{when ? rt('notYetOn', { date: format.date(when) }) : rt('notYet')}</p>
      </Page>
    );
  }
  return (
    <Page title={title} lead={edition.title}>
      {results.error ? <ProblemAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.isPending ? <Loading /> : null}
      {results.data ? (
        <>
          <p>
            {rt('summary', {
              count: results.data.ballots,
              ballots: format.number(results.data.ballots),
              rule: t(
                `edition.rule.counting.${results.data.rule.startsWith('equal-shares') ? 'equal-shares' : 'greedy'}`,
              ),
            })}
          </p>
          <WorksLink editionId={edition.id} />
          {results.data.districts.map((district) => (
            <DistrictResults key={district.id} district={district} />
          ))}
          <ChannelCounts results={results.data} />
          <TreeHeadNote editionId={edition.id} treeHead={results.data.treeHead} />
          <OpenData results={results.data} />
        </>
      ) : null}
    </Page>
  );
}

/** The signed tree head the results rest on: the one signed when voting closed, which the count replays. */
function TreeHeadNote({ editionId, treeHead }: { editionId: string; treeHead: unknown }) {
  const t = useResultsT();
  const format = useFormat();
  const parsed = treeHeadSchema.safeParse(treeHead);
  if (!parsed.success) return null;
  const head = parsed.data;
  return (
    <section aria-labelledby="tree-head-title" data-testid="results-tree-head">
      <h2 id="tree-head-title">{t('treeHeadTitle')}</h2>
      <p>{t('treeHead', { size: format.number(head.treeSize), when: format.dateTime(head.timestamp) })}</p>
      <dl className="facts">
        <dt>{t('treeHeadRoot')}</dt>
        <dd className="mono">{head.rootHash}</dd>
      </dl>
      <p>
        <Link to={paths.audit(editionId)}>{t('checkIt')}</Link>
      </p>
    </section>
  );
}

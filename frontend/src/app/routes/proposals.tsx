import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { ProposalBrowser } from '../../features/proposals/components/proposal-browser';
import { useEdition } from '../../lib/api/get-edition';

export function ProposalsRoute() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  return (
    <Page title={t('proposals.title')} lead={edition.data.title}>
      {edition.data.phase === 'proposals' ? (
        <p>
          <Link className="button" to={`/editions/${editionId}/proposals/new`}>
            {t('edition.action.propose')}
          </Link>
        </p>
      ) : null}
      {edition.data.phase === 'supports' ? <p className="alert alert-info">{t('proposals.supportsHint')}</p> : null}
      <ProposalBrowser edition={edition.data} />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { AuthorActions } from '../../features/proposals/components/author-actions';
import { ProposalDetails } from '../../features/proposals/components/proposal-details';
import { SupportButton } from '../../features/supports/components/support-button';
import { useEdition } from '../../lib/api/get-edition';
import { hasRole, useMe } from '../../lib/api/get-me';
import { useProposal } from '../../lib/api/get-proposal';

export function ProposalRoute() {
  const { t } = useTranslation();
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  const editionId = proposal.data?.editionId ?? '';
  const edition = useEdition(editionId);
  const me = useMe();
  const error = proposal.error ?? (editionId ? edition.error : null);
  if (error) return <ProblemAlert error={error} onRetry={() => void proposal.refetch()} />;
  if (!proposal.data || !edition.data) return <Loading />;
  const reviewing =
    edition.data.phase === 'review' && proposal.data.status === 'submitted' && hasRole(me.data, 'reviewer');
  return (
    <Page key={proposalId} title={proposal.data.title}>
      <p>
        <Link to={`/editions/${editionId}/proposals`}>{t('proposal.backToList')}</Link>
      </p>
      <SupportButton edition={edition.data} proposal={proposal.data} me={me.data ?? null} />
      <AuthorActions edition={edition.data} proposal={proposal.data} me={me.data ?? null} />
      {reviewing ? (
        <p>
          <Link className="button" to={`/proposals/${proposalId}/assess`}>
            {t('review.assess')}
          </Link>
        </p>
      ) : null}
      <ProposalDetails proposal={proposal.data} edition={edition.data} />
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { FollowButton } from '../../features/notifications/components/follow-button';
import { ModerationNotice } from '../../features/moderation/components/moderation-notice';
import { ReportProposal } from '../../features/moderation/components/report-proposal';
import { AuthorActions } from '../../features/proposals/components/author-actions';
import { ProposalDetails } from '../../features/proposals/components/proposal-details';
import { SupportButton } from '../../features/supports/components/support-button';
import { hasRole, useMe } from '../../lib/api/get-me';
import { paths } from '../../lib/paths';
import { useRouteProposal } from '../route-data';

export function ProposalRoute() {
  const { t } = useTranslation();
  const { proposal, edition } = useRouteProposal();
  const me = useMe();
  const reviewing = edition.phase === 'review' && proposal.status === 'submitted' && hasRole(me.data, 'reviewer');
  return (
    <Page key={proposal.id} title={proposal.title}>
      <p>
        <Link to={paths.proposals(edition.id)}>{t('proposal.backToList')}</Link>
      </p>
      <ModerationNotice proposal={proposal} />
      <SupportButton edition={edition} proposal={proposal} me={me.data ?? null} />
      <FollowButton target="proposals" id={proposal.id} me={me.data ?? null} />
      <AuthorActions edition={edition} proposal={proposal} me={me.data ?? null} />
      {reviewing ? (
        <p>
          <Link className="button" to={paths.assess(proposal.id)}>
            {t('proposal.assess')}
          </Link>
        </p>
      ) : null}
      <ProposalDetails proposal={proposal} edition={edition} />
      <ReportProposal proposal={proposal} me={me.data ?? null} />
    </Page>
  );
}

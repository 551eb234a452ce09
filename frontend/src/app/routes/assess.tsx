import { Link } from 'react-router';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { StatusBadge } from '../../components/status-badge';
import { AssessmentForm } from '../../features/review/components/assessment-form';
import { useFormat } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useRouteProposal } from '../route-data';
import { useReviewT } from '../../lib/i18n/review';

export function AssessRoute() {
  const rt = useReviewT();
  const format = useFormat();
  const { proposal, edition } = useRouteProposal();
  return (
    <StaffOnly role="reviewer" title={rt('assessTitle')}>
      <Page title={rt('assessTitle')} lead={proposal.title}>
        <p>
          <StatusBadge status={proposal.status} /> · {format.money(proposal.estimatedCost)} ·{' '}
          <Link to={paths.proposal(proposal.id)}>{rt('readProposal')}</Link>
        </p>
        <p className="prose">{proposal.description}</p>
        {edition.phase !== 'review' ? <p className="alert alert-info">{rt('notReviewPhase')}</p> : null}
        <AssessmentForm edition={edition} proposal={proposal} />
      </Page>
    </StaffOnly>
  );
}

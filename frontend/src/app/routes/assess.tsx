import { useReviewT } from '../../lib/i18n/review';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { StatusBadge } from '../../components/status-badge';
import { AssessmentForm } from '../../features/review/components/assessment-form';
import { useFormat } from '../../lib/format';
import { paths } from '../../lib/paths';
import { useRouteProposal } from '../route-data';

export function AssessRoute() {
  const tr = useReviewT();
  const format = useFormat();
  const { proposal, edition } = useRouteProposal();
  return (
    <StaffOnly role="reviewer" title={tr('review.assessTitle')}>
      <Page title={tr('review.assessTitle')} lead={proposal.title}>
        <p>
          <StatusBadge status={proposal.status} /> · {format.money(proposal.estimatedCost)} ·{' '}
          <Link to={paths.proposal(proposal.id)}>{tr('review.readProposal')}</Link>
        </p>
        <p className="prose">{proposal.description}</p>
        {edition.phase !== 'review' ? <p className="alert alert-info">{tr('review.notReviewPhase')}</p> : null}
        <AssessmentForm edition={edition} proposal={proposal} />
      </Page>
    </StaffOnly>
  );
}

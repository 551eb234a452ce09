import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { StaffOnly } from '../../components/staff-only';
import { StatusBadge } from '../../components/status-badge';
import { AssessmentForm } from '../../features/review/components/assessment-form';
import { useEdition } from '../../lib/api/get-edition';
import { useProposal } from '../../lib/api/get-proposal';
import { useFormat } from '../../lib/format';

export function AssessRoute() {
  const { t } = useTranslation();
  const format = useFormat();
  const { proposalId = '' } = useParams();
  const proposal = useProposal(proposalId);
  const edition = useEdition(proposal.data?.editionId ?? '');
  if (proposal.error) return <ProblemAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (!proposal.data || !edition.data) return <Loading />;
  const p = proposal.data;
  return (
    <StaffOnly role="reviewer" title={t('review.assessTitle')}>
      <Page title={t('review.assessTitle')} lead={p.title}>
        <p>
          <StatusBadge status={p.status} /> · {format.money(p.estimatedCost)} ·{' '}
          <Link to={`/proposals/${p.id}`}>{t('review.readProposal')}</Link>
        </p>
        <p className="prose">{p.description}</p>
        {edition.data.phase !== 'review' ? <p className="alert alert-info">{t('review.notReviewPhase')}</p> : null}
        <AssessmentForm edition={edition.data} proposal={p} />
      </Page>
    </StaffOnly>
  );
}

import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { StaffOnly } from '../../components/staff-only';
import { ReviewQueue } from '../../features/review/components/review-queue';
import { useEdition } from '../../lib/api/get-edition';

export function ReviewRoute() {
  const { t } = useTranslation();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  if (edition.error) return <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} />;
  if (!edition.data) return <Loading />;
  return (
    <StaffOnly role="reviewer" title={t('review.title')}>
      <Page
        title={t('review.title')}
        lead={edition.data.phase === 'review' ? edition.data.title : t('review.notReviewPhase')}
      >
        <ReviewQueue edition={edition.data} />
      </Page>
    </StaffOnly>
  );
}

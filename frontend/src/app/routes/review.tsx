import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { ReviewQueue } from '../../features/review/components/review-queue';
import { useRouteEdition } from '../route-data';

export function ReviewRoute() {
  const { t } = useTranslation();
  const edition = useRouteEdition();
  return (
    <StaffOnly role="reviewer" title={t('review.title')}>
      <Page title={t('review.title')} lead={edition.phase === 'review' ? edition.title : t('review.notReviewPhase')}>
        <ReviewQueue edition={edition} />
      </Page>
    </StaffOnly>
  );
}

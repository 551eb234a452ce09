import { useReviewT } from '../../lib/i18n/review';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { ReviewQueue } from '../../features/review/components/review-queue';
import { useRouteEdition } from '../route-data';

export function ReviewRoute() {
  const tr = useReviewT();
  const edition = useRouteEdition();
  return (
    <StaffOnly role="reviewer" title={tr('review.title')}>
      <Page title={tr('review.title')} lead={edition.phase === 'review' ? edition.title : tr('review.notReviewPhase')}>
        <ReviewQueue edition={edition} />
      </Page>
    </StaffOnly>
  );
}

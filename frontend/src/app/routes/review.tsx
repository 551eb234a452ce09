import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { ReviewQueue } from '../../features/review/components/review-queue';
import { useRouteEdition } from '../route-data';
import { useReviewT } from '../../lib/i18n/review';

export function ReviewRoute() {
  const rt = useReviewT();
  const edition = useRouteEdition();
  return (
    <StaffOnly role="reviewer" title={rt('title')}>
      <Page title={rt('title')} lead={edition.phase === 'review' ? edition.title : rt('notReviewPhase')}>
        <ReviewQueue edition={edition} />
      </Page>
    </StaffOnly>
  );
}

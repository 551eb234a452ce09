import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { ModerationQueue } from '../../features/moderation/components/moderation-queue';
import { useModerationT } from '../../lib/i18n/moderation';
import { useRouteEdition } from '../route-data';

export function ModerationRoute() {
  const t = useModerationT();
  const edition = useRouteEdition();
  return (
    <StaffOnly role="moderator" title={t('queue.title')}>
      <Page title={t('queue.title')} lead={t('queue.lead')}>
        <ModerationQueue edition={edition} />
      </Page>
    </StaffOnly>
  );
}

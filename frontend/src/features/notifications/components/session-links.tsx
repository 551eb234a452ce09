import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../lib/api-client';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { paths } from '../../../lib/paths';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The bell with my unread count (from the one query the centre also reads) and the link to
 * my activity, beside my name in the header. The layout loads it lazily, so none of it
 * weighs on the voting page's first download.
 */
export default function SessionLinks() {
  const t = useNotificationsT();
  const notifications = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => api.get<{ unread: number }>('/api/me/notifications'),
  });
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <Link to={paths.notifications()} className="button link-button small" aria-label={t('bell', { count: unread })}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 ? <span className="badge">{unread}</span> : null}
      </Link>
      <Link to={paths.activity()} className="button link-button small">
        {t('activity.title')}
      </Link>
    </>
  );
}

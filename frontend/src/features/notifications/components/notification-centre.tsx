import type { Notification } from '@decidimos/contracts/api/notifications';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { paths } from '../../../lib/paths';
import { useMarkAllRead, useNotifications } from '../api/notifications';

/** The words of one notice, from its subject and the public facts it carries. */
export function useNoticeText() {
  const t = useNotificationsT();
  return (notice: Notification) => {
    const { params } = notice;
    return t(`notice.${notice.subject}`, {
      ...params,
      status: params.status ? t(`status.${params.status}`) : '',
      verdict: params.feasible ? t('notice.feasible') : t('notice.unfeasible'),
      interpolation: { escapeValue: false },
    });
  };
}

function target(notice: Notification): string | null {
  const { params } = notice;
  if (params.receipt) return paths.receipts(params.receipt);
  if (params.proposalId) return paths.proposal(params.proposalId);
  if (params.workId) return paths.works(params.editionId, params.workId);
  return paths.edition(params.editionId);
}

export function NotificationCentre() {
  const t = useNotificationsT();
  const format = useFormat();
  const text = useNoticeText();
  const notifications = useNotifications();
  const markAll = useMarkAllRead();
  if (notifications.isPending) return <Loading />;
  if (notifications.error) return <ProblemAlert error={notifications.error} />;
  const { items, unread } = notifications.data;
  return (
    <>
      <p>
        <Link to={paths.notificationSettings()}>{t('centre.settings')}</Link>
      </p>
      {unread > 0 ? (
        <p>
          <button
            type="button"
            className="button secondary"
            disabled={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('centre.markAll')}
          </button>
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('centre.none')}</p> : null}
      <ul className="notifications">
        {items.map((notice) => {
          const link = target(notice);
          return (
            <li key={notice.id} className={notice.read ? 'notice' : 'notice unread'}>
              <p>
                {notice.read ? null : <strong>{t('centre.unread')}: </strong>}
                {text(notice)}
              </p>
              <p className="hint">
                <time dateTime={notice.createdAt}>{format.dateTime(notice.createdAt)}</time>
                {link ? (
                  <>
                    {' · '}
                    <Link to={link}>{notice.params.receipt ? t('notice.receipt') : t('notice.open')}</Link>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
      {markAll.error ? <ProblemAlert error={markAll.error} /> : null}
    </>
  );
}

import { useLocation, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { NotificationCentre } from '../../features/notifications/components/notification-centre';
import { SettingsForm } from '../../features/notifications/components/settings-form';
import { UnsubscribeForm } from '../../features/notifications/components/unsubscribe-form';
import { useMe } from '../../lib/api/get-me';
import { useNotificationsT } from '../../lib/i18n/notifications';
import { loginUrl } from '../../lib/login';

/** /notifications (my notices), /notifications/settings, and /notifications/unsubscribe (no login needed). */
export function Component() {
  const { page } = useParams();
  if (page === 'unsubscribe') return <Unsubscribe />;
  return <MyNotifications settings={page === 'settings'} />;
}

function MyNotifications({ settings }: { settings: boolean }) {
  const t = useNotificationsT();
  const location = useLocation();
  const me = useMe();
  const title = settings ? t('settings.title') : t('centre.title');
  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Page title={title} lead={t('centre.loginLead')}>
        <a className="button" href={loginUrl(location.pathname)}>
          {title}
        </a>
      </Page>
    );
  }
  return (
    <Page key={String(settings)} title={title} lead={settings ? t('settings.lead') : t('centre.lead')}>
      {settings ? <SettingsForm /> : <NotificationCentre />}
    </Page>
  );
}

function Unsubscribe() {
  const t = useNotificationsT();
  const [search] = useSearchParams();
  return (
    <Page title={t('unsubscribe.title')} lead={t('unsubscribe.lead')}>
      <UnsubscribeForm token={search.get('token') ?? ''} />
    </Page>
  );
}

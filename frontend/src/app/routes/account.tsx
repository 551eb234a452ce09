import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { PublicNameForm } from '../../features/account/components/public-name-form';
import { useMe } from '../../lib/api/get-me';
import { loginUrl } from '../../lib/login';
import { useAccountT } from '../../lib/i18n/account';

export function AccountRoute() {
  const { t } = useTranslation();
  const ta = useAccountT();
  const location = useLocation();
  const me = useMe();
  const title = ta('title');
  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Page title={title} lead={ta('loginLead')}>
        <a className="button" href={loginUrl(location.pathname)}>
          {t('auth.login')}
        </a>
      </Page>
    );
  }
  return (
    <Page title={title} lead={ta('lead', { name: me.data.displayName })}>
      <PublicNameForm current={me.data.publicDisplayName} />
    </Page>
  );
}

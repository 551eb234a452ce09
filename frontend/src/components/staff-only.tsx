import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { hasRole, useMe } from '../lib/api/get-me';
import { loginUrl } from '../lib/login';
import { Loading } from './loading';
import { Page } from './page';

/** Screens for staff: a clear word for anyone else (the server refuses them anyway). */
export function StaffOnly({ role, title, children }: { role: string; title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Page title={title} lead={t('staff.loginLead')}>
        <a className="button" href={loginUrl(location.pathname + location.search)}>
          {t('auth.login')}
        </a>
      </Page>
    );
  }
  if (!hasRole(me.data, role)) return <Page title={title} lead={t('staff.needsRole', { role: t(`role.${role}`) })} />;
  return <>{children}</>;
}

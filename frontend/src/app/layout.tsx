import { isPublished } from '@decidimos/contracts/editions/phases';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { currentEdition, useEditions } from '../lib/api/get-editions';
import { hasRole, useMe } from '../lib/api/get-me';
import { useLogout } from '../lib/api/logout';
import { api } from '../lib/api-client';
import { switchLanguage } from '../lib/i18n/i18n';
import { loginUrl } from '../lib/login';
import { paths } from '../lib/paths';
import { ProblemAlert } from '../components/problem-alert';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'es' : 'en';
  return (
    <button type="button" className="button link-button" lang={other} onClick={() => void switchLanguage(i18n, other)}>
      {t('language.switchTo')}
    </button>
  );
}

function Session() {
  const { t } = useTranslation();
  const me = useMe();
  // My unread count: the one query the bell makes (the centre reads the same key).
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ unread: number }>('/api/me/notifications'),
    enabled: Boolean(me.data),
  });
  const unread = notifications.data?.unread ?? 0;
  const logout = useLogout();
  const location = useLocation();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <a className="button" href={loginUrl(location.pathname + location.search)}>
        {t('auth.login')}
      </a>
    );
  }
  return (
    <div className="session">
      <span>{t('auth.greeting', { name: me.data.displayName })}</span>
      <Link
        to={paths.notifications()}
        className="button link-button small"
        aria-label={t('auth.bell', { count: unread })}
      >
        {t('auth.notices')}
        {unread > 0 ? <span className="badge">{unread}</span> : null}
      </Link>
      <Link to={paths.activity()} className="button link-button small">
        {t('auth.activity')}
      </Link>
      <Link to={paths.account()} className="button link-button small">
        {t('auth.account')}
      </Link>
      <button
        type="button"
        className="button secondary small"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t('auth.logout')}
      </button>
      {logout.error ? <ProblemAlert error={logout.error} /> : null}
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const me = useMe();
  const editions = useEditions();
  const edition = editions.data ? currentEdition(editions.data) : undefined;
  const links: { to: string; label: string }[] = [{ to: paths.home(), label: t('nav.home') }];
  if (edition) links.push({ to: paths.proposals(edition.id), label: t('nav.proposals') });
  if (edition?.phase === 'voting') links.push({ to: paths.ballot(edition.id), label: t('nav.vote') });
  if (edition && isPublished(edition.phase)) links.push({ to: paths.results(edition.id), label: t('nav.results') });
  links.push({ to: paths.receipts(), label: t('nav.receipts') });
  if (edition && hasRole(me.data, 'reviewer')) links.push({ to: paths.review(edition.id), label: t('nav.review') });
  if (edition && hasRole(me.data, 'moderator')) {
    links.push({ to: paths.moderation(edition.id), label: t('nav.moderation') });
  }
  if (edition && hasRole(me.data, 'poll-officer')) {
    links.push({ to: paths.assistedBallot(edition.id), label: t('nav.assisted') });
  }
  if (hasRole(me.data, 'admin')) links.push({ to: paths.admin(), label: t('nav.admin') });
  if (edition) links.push({ to: paths.audit(edition.id), label: t('nav.audit') });
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link to={paths.home()} className="brand">
            {t('app.name')}
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <Session />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" tabIndex={-1}>
        {navigation.state === 'loading' ? (
          <p role="status" className="loading">
            {t('common.loading')}
          </p>
        ) : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

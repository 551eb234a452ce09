import { useLocation, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { MyActivity } from '../../features/activity/components/my-activity';
import { currentEdition, useEditions } from '../../lib/api/get-editions';
import { useMe } from '../../lib/api/get-me';
import { useNotificationsT } from '../../lib/i18n/notifications';
import { loginUrl } from '../../lib/login';

export function Component() {
  const t = useNotificationsT();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const editions = useEditions();
  if (me.isPending || editions.isPending) return <Loading />;
  if (!me.data) {
    return (
      <Page title={t('activity.title')} lead={t('activity.loginLead')}>
        <a className="button" href={loginUrl(location.pathname)}>
          {t('activity.title')}
        </a>
      </Page>
    );
  }
  if (editions.error) return <ProblemAlert error={editions.error} />;
  const chosen = editions.data.find((e) => e.id === search.get('edition')) ?? currentEdition(editions.data);
  return (
    <Page title={t('activity.title')} lead={t('activity.lead')}>
      {editions.data.length > 1 ? (
        <label>
          {t('activity.edition')}{' '}
          <select value={chosen?.id ?? ''} onChange={(event) => setSearch({ edition: event.target.value })}>
            {editions.data.map((edition) => (
              <option key={edition.id} value={edition.id}>
                {edition.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {chosen ? <MyActivity key={chosen.id} edition={chosen} /> : <p>{t('activity.none')}</p>}
    </Page>
  );
}

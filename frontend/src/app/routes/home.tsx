import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { PhaseBadge } from '../../components/phase-badge';
import { ProblemAlert } from '../../components/problem-alert';
import { EditionOverview } from '../../features/editions/components/edition-overview';
import { currentEdition, useEditions } from '../../lib/api/get-editions';
import { paths } from '../../lib/paths';

export function HomeRoute() {
  const { t } = useTranslation();
  const editions = useEditions();
  const [search] = useSearchParams();
  if (editions.error) return <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} />;
  if (!editions.data) return <Loading />;
  const current = currentEdition(editions.data);
  if (!current) return <Page title={t('home.noEditionTitle')} lead={t('home.noEdition')} />;
  // A booth's tablet opened at the site's address: the kiosk of the current edition.
  if (search.get('kiosk') === '1') return <Navigate to={`${paths.edition(current.id)}?kiosk=1`} replace />;
  const others = editions.data.filter((e) => e.id !== current.id);
  return (
    <>
      <EditionOverview edition={current} />
      {others.length > 0 ? (
        <section aria-labelledby="other-editions">
          <h2 id="other-editions">{t('home.otherEditions')}</h2>
          <ul className="plain-list">
            {others.map((e) => (
              <li key={e.id}>
                <Link to={paths.edition(e.id)}>{e.title}</Link> <PhaseBadge phase={e.phase} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

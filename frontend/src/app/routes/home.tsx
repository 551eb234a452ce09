import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
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
  const navigate = useNavigate();
  const current = editions.data ? currentEdition(editions.data) : undefined;
  const kiosk = search.get('kiosk') === '1';
  useEffect(() => {
    // A booth's tablet opened at the site's address: the kiosk of the current edition.
    if (kiosk && current) void navigate(`${paths.edition(current.id)}?kiosk=1`, { replace: true });
  }, [kiosk, current, navigate]);
  if (editions.error) return <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} />;
  if (!editions.data) return <Loading />;
  if (!current) return <Page title={t('home.noEditionTitle')} lead={t('home.noEdition')} />;
  if (kiosk) return <Loading />;
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

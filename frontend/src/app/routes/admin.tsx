import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { StaffOnly } from '../../components/staff-only';
import { BoothsSection } from '../../features/admin/components/booths-form';
import { PhaseControl } from '../../features/admin/components/phase-control';
import { RolesForm } from '../../features/admin/components/roles-form';
import { useEditions } from '../../lib/api/get-editions';
import { paths } from '../../lib/paths';

export function AdminRoute() {
  const { t } = useTranslation();
  const editions = useEditions();
  return (
    <StaffOnly role="admin" title={t('admin.title')}>
      <Page title={t('admin.title')} lead={t('admin.lead')}>
        <p>
          <Link className="button" to={paths.newEdition()}>
            {t('admin.newEdition')}
          </Link>
        </p>
        <section aria-labelledby="admin-editions">
          <h2 id="admin-editions">{t('admin.editions')}</h2>
          {editions.error ? <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} /> : null}
          {editions.isPending ? <Loading /> : null}
          {editions.data?.length === 0 ? <p>{t('admin.noEditions')}</p> : null}
          <ul className="cards">
            {[...(editions.data ?? [])]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((edition) => (
                <PhaseControl key={edition.id} edition={edition} />
              ))}
          </ul>
        </section>
        <RolesForm />
        {editions.data ? <BoothsSection editions={editions.data} /> : null}
      </Page>
    </StaffOnly>
  );
}

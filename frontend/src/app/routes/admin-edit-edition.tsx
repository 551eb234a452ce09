import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { StaffOnly } from '../../components/staff-only';
import { useEditEdition } from '../../features/admin/api/edit-edition';
import { EditEditionForm } from '../../features/admin/components/edition-form';
import { useEditionFormT } from '../../features/admin/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { useEditions } from '../../lib/api/get-editions';
import { paths } from '../../lib/paths';

export function EditEditionRoute() {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const { editionId = '' } = useParams();
  // From the list the admin page has loaded already (it is fresh after every edit).
  const editions = useEditions();
  const edition = editions.data?.find((e) => e.id === editionId);
  const edit = useEditEdition();
  const title = tf('edit.pageTitle');
  return (
    <StaffOnly role="admin" title={title}>
      <Page title={title} lead={tf('edit.lead')}>
        {editions.error ? <ProblemAlert error={editions.error} onRetry={() => void editions.refetch()} /> : null}
        {editions.isPending ? <Loading /> : null}
        {editions.data && !edition ? <p>{t('notFound.title')}</p> : null}
        {edit.isSuccess ? (
          <p role="status" className="alert alert-success">
            {tf('edit.saved')} <Link to={paths.edition(editionId)}>{tf('form.seeEdition')}</Link> ·{' '}
            <Link to={paths.admin()}>{t('admin.backToAdmin')}</Link>
          </p>
        ) : null}
        {edition ? (
          <EditEditionForm
            // A saved edit answers with the edition as it now is: the form starts again from it.
            key={JSON.stringify(edition)}
            edition={edition}
            pending={edit.isPending}
            error={edit.error}
            // Each save is a new change; a retry of the same one would keep its key.
            onSubmit={(changes) => edit.mutate({ editionId, changes, idempotencyKey: newIdempotencyKey() })}
          />
        ) : null}
      </Page>
    </StaffOnly>
  );
}

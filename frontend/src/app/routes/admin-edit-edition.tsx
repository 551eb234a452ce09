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
import { useEdition } from '../../lib/api/get-edition';
import { paths } from '../../lib/paths';

export function EditEditionRoute() {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const { editionId = '' } = useParams();
  const edition = useEdition(editionId);
  const edit = useEditEdition();
  const title = tf('edit.pageTitle');
  return (
    <StaffOnly role="admin" title={title}>
      <Page title={title} lead={tf('edit.lead')}>
        {edition.error ? <ProblemAlert error={edition.error} onRetry={() => void edition.refetch()} /> : null}
        {edition.isPending ? <Loading /> : null}
        {edit.isSuccess ? (
          <p role="status" className="alert alert-success">
            {tf('edit.saved')} <Link to={paths.edition(editionId)}>{t('admin.form.seeEdition')}</Link> ·{' '}
            <Link to={paths.admin()}>{t('admin.backToAdmin')}</Link>
          </p>
        ) : null}
        {edition.data ? (
          <EditEditionForm
            // A saved edit answers with the edition as it now is: the form starts again from it.
            key={JSON.stringify(edition.data)}
            edition={edition.data}
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

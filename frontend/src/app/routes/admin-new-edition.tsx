import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NextSteps } from '../../components/next-steps';
import { Page } from '../../components/page';
import { StaffOnly } from '../../components/staff-only';
import { useCreateEdition } from '../../features/admin/api/create-edition';
import { EditionForm } from '../../features/admin/components/edition-form';
import { useEditionFormT } from '../../features/admin/i18n';
import { newIdempotencyKey } from '../../lib/api-client';
import { paths } from '../../lib/paths';

export function NewEditionRoute() {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const create = useCreateEdition();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const title = tf('form.pageTitle');
  return (
    <StaffOnly role="admin" title={title}>
      <Page title={title} lead={tf('form.lead')}>
        {create.data ? (
          <NextSteps title={tf('form.created')}>
            <p>{tf('form.next')}</p>
            <p>
              <Link to={paths.admin()}>{t('admin.backToAdmin')}</Link> ·{' '}
              <Link to={paths.edition(create.data.id)}>{tf('form.seeEdition')}</Link>
            </p>
          </NextSteps>
        ) : (
          <EditionForm
            pending={create.isPending}
            error={create.error}
            onSubmit={(edition) => create.mutate({ edition, idempotencyKey })}
          />
        )}
      </Page>
    </StaffOnly>
  );
}

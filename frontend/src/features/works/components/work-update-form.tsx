import { workUpdateRequest, type WorkDetail, type WorkUpdateRequest } from '@decidimos/contracts/api/works';
import { WORK_STATUSES } from '@decidimos/contracts/works/work-status';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { newIdempotencyKey } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';
import { useUpdateWork } from '../api/update-work';
import { useWorksT } from '../i18n';

interface WorkUpdateValues {
  status: string;
  progress: string;
  spent: string;
  department: string;
  expectedEnd: string;
  milestoneDate: string;
  milestoneTitle: string;
  milestoneDescription: string;
  reason: string;
}

const blank: WorkUpdateValues = {
  status: '',
  progress: '',
  spent: '',
  department: '',
  expectedEnd: '',
  milestoneDate: '',
  milestoneTitle: '',
  milestoneDescription: '',
  reason: '',
};

const amount = (typed: string) => (typed.trim() === '' ? undefined : Number(typed.replace(/[\s$,%]/g, '')));

/** What was typed as the request: blanks are what does not change, so they are left out. */
function toRequest(values: WorkUpdateValues): WorkUpdateRequest {
  const milestone = [values.milestoneDate, values.milestoneTitle, values.milestoneDescription].some((v) => v.trim())
    ? { date: values.milestoneDate, title: values.milestoneTitle, description: values.milestoneDescription }
    : undefined;
  const request = {
    status: values.status || undefined,
    progress: amount(values.progress),
    spent: amount(values.spent),
    department: values.department.trim() || undefined,
    expectedEnd: values.expectedEnd || undefined,
    milestone,
    reason: values.reason.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as WorkUpdateRequest;
}

/** An implementer records what changed on a work; the rules (a reason to go back, 100 % to finish) are the server's. */
export default function WorkUpdateForm({ work }: { work: WorkDetail }) {
  const t = useWorksT();
  // The contract's issues are worded in the app's own validation strings.
  const { t: appT } = useTranslation();
  const format = useFormat();
  const update = useUpdateWork();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const form = useForm<WorkUpdateValues, unknown, z.output<typeof workUpdateRequest>>({
    reValidateMode: 'onSubmit',
    defaultValues: blank,
    resolver: contractResolver(
      {
        schema: workUpdateRequest,
        toRequest,
        extra: (request) =>
          Object.keys(request).some((field) => field !== 'reason')
            ? []
            : [{ path: ['status'], message: t('form.nothing') }],
      },
      appT,
    ),
  });
  const shown = { ...serverFieldErrors(update.error), ...formErrorMessages(form.formState.errors) };
  const closed = work.status === 'finished' || work.status === 'cancelled';

  const send = form.handleSubmit((request) =>
    update.mutate(
      { workId: work.id, update: request, idempotencyKey },
      {
        onSuccess: () => {
          form.reset(blank);
          setIdempotencyKey(newIdempotencyKey());
        },
      },
    ),
  );

  return (
    <section aria-labelledby="work-update-title">
      <h2 id="work-update-title">{t('form.title')}</h2>
      {update.isSuccess ? (
        <p role="status" className="alert alert-info">
          {t('form.recorded')}
        </p>
      ) : null}
      {closed ? null : (
        <form className="form" onSubmit={send} noValidate>
          <p>{t('form.lead')}</p>
          <SelectField label={t('form.status')} {...form.register('status')} error={shown['status']}>
            <option value="">{t('form.unchanged', { current: t(`status.${work.status}`) })}</option>
            {WORK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('form.progress')}
            hint={t('form.progressHint', { current: work.progress })}
            {...form.register('progress')}
            error={shown['progress']}
            inputMode="numeric"
          />
          <TextField
            label={t('form.spent')}
            hint={t('form.spentHint', { current: format.money(work.spent), awarded: format.money(work.awarded) })}
            {...form.register('spent')}
            error={shown['spent']}
            inputMode="numeric"
          />
          <TextField
            label={t('form.department')}
            hint={work.department ?? undefined}
            {...form.register('department')}
            error={shown['department']}
          />
          <TextField
            label={t('form.expectedEnd')}
            type="date"
            {...form.register('expectedEnd')}
            error={shown['expectedEnd']}
          />
          <fieldset className="field">
            <legend>{t('form.milestone')}</legend>
            <TextField
              label={t('form.milestoneDate')}
              type="date"
              {...form.register('milestoneDate')}
              error={shown['milestone.date']}
            />
            <TextField
              label={t('form.milestoneTitle')}
              {...form.register('milestoneTitle')}
              error={shown['milestone.title']}
            />
            <TextArea
              label={t('form.milestoneDescription')}
              {...form.register('milestoneDescription')}
              error={shown['milestone.description']}
              rows={3}
            />
          </fieldset>
          <TextArea
            label={t('form.reason')}
            hint={t('form.reasonHint')}
            {...form.register('reason')}
            error={shown['reason']}
            rows={3}
          />
          {update.error ? <ProblemAlert error={update.error} /> : null}
          <div className="actions">
            <button type="submit" className="button" disabled={update.isPending}>
              {t('form.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

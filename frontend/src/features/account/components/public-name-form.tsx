import type { DisplayNameRequest } from '@decidimos/contracts/api/schemas';
import { displayNameRequest } from '@decidimos/contracts/api/schemas';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';
import { useErasePublicName, useSetPublicName } from '../api/public-name';
import { useAccountT } from '../../../lib/i18n/account';

interface PublicNameFormProps {
  /** The name shown now, or null when the resident's proposals show as anonymous. */
  current: string | null;
}

/**
 * The name shown next to my proposals: set, change or erase it. It lives outside the
 * public record, so erasing it takes it off every proposal at once and for good.
 */
export function PublicNameForm({ current }: PublicNameFormProps) {
  const { t } = useTranslation();
  const ta = useAccountT();
  const save = useSetPublicName();
  const erase = useErasePublicName();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<'saved' | 'erased' | null>(null);
  const form = useForm<{ displayName: string }, unknown, DisplayNameRequest>({
    reValidateMode: 'onSubmit',
    defaultValues: { displayName: current ?? '' },
    resolver: contractResolver(
      { schema: displayNameRequest, toRequest: (values) => ({ displayName: values.displayName }) },
      t,
    ),
  });
  const shown = { ...serverFieldErrors(save.error), ...formErrorMessages(form.formState.errors) };

  return (
    <section aria-labelledby="public-name-title">
      <h2 id="public-name-title">{ta('publicName.title')}</h2>
      <p>{ta('publicName.explain')}</p>
      <p>{current === null ? ta('publicName.anonymousNow') : ta('publicName.shownNow', { name: current })}</p>
      <form
        noValidate
        className="form"
        onSubmit={form.handleSubmit((body) => {
          setDone(null);
          save.mutate(body, { onSuccess: () => setDone('saved') });
        })}
      >
        <TextField
          id="account-displayName"
          label={ta('publicName.label')}
          hint={ta('publicName.hint')}
          {...form.register('displayName')}
          error={shown['displayName']}
          autoComplete="nickname"
          maxLength={80}
        />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? t('common.sending') : ta('publicName.save')}
          </button>
        </div>
      </form>
      {current !== null && !confirming ? (
        <div className="actions">
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            {ta('publicName.erase')}
          </button>
        </div>
      ) : null}
      {current !== null && confirming ? (
        <div className="confirm" role="group" aria-labelledby="erase-question">
          <p id="erase-question">{ta('publicName.eraseQuestion')}</p>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              disabled={erase.isPending}
              onClick={() => {
                setDone(null);
                erase.mutate(undefined, {
                  onSuccess: () => {
                    setConfirming(false);
                    form.reset({ displayName: '' });
                    setDone('erased');
                  },
                });
              }}
            >
              {ta('publicName.eraseConfirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {erase.error ? <ProblemAlert error={erase.error} /> : null}
      <p role="status" className={done ? 'alert alert-success' : undefined}>
        {done ? ta(`publicName.${done}`) : ''}
      </p>
    </section>
  );
}

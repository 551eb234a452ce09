import { NOTIFICATION_KINDS, type NotificationKind } from '@decidimos/contracts/api/notifications';
import { useState, type FormEvent } from 'react';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useNotificationsT } from '../../../lib/i18n/notifications';
import { useEraseNotificationData, useSaveSettings, useSettings } from '../api/settings';

type Channel = 'email' | 'inApp';

/** Opt in per channel and kind, the language of the e-mails, and erasing it all. */
export function SettingsForm() {
  const t = useNotificationsT();
  const settings = useSettings();
  const save = useSaveSettings();
  const erase = useEraseNotificationData();
  const [draft, setDraft] = useState<{
    email: NotificationKind[];
    inApp: NotificationKind[];
    language: 'es' | 'en';
  } | null>(null);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <ProblemAlert error={settings.error} />;
  const current = draft ?? {
    email: settings.data.email.kinds,
    inApp: settings.data.inApp.kinds,
    language: settings.data.language,
  };
  const address = settings.data.emailAddress;

  function toggle(channel: Channel, kind: NotificationKind, on: boolean) {
    const kinds = current[channel].filter((k) => k !== kind);
    setDraft({ ...current, [channel]: on ? [...kinds, kind] : kinds });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    erase.reset();
    save.mutate(
      { email: { kinds: current.email }, inApp: { kinds: current.inApp }, language: current.language },
      { onSuccess: () => setDraft(null) },
    );
  }

  const channels: { channel: Channel; legend: string; disabled: boolean }[] = [
    { channel: 'inApp', legend: t('settings.inApp'), disabled: false },
    {
      channel: 'email',
      legend: address ? t('settings.emailTo', { address }) : t('settings.email'),
      disabled: !address,
    },
  ];
  return (
    <>
      <form onSubmit={onSubmit} className="stack">
        {channels.map(({ channel, legend, disabled }) => (
          <fieldset key={channel}>
            <legend>{legend}</legend>
            {disabled ? <p className="hint">{t('settings.noEmail')}</p> : null}
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  disabled={disabled}
                  checked={current[channel].includes(kind)}
                  onChange={(event) => toggle(channel, kind, event.target.checked)}
                />{' '}
                {t(`settings.kinds.${kind}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <label>
          {t('settings.language')}{' '}
          <select
            value={current.language}
            onChange={(event) => setDraft({ ...current, language: event.target.value === 'en' ? 'en' : 'es' })}
          >
            <option value="es" lang="es">
              Español
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
        <p>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('settings.save')}
          </button>
        </p>
        {save.isSuccess && !draft ? <p role="status">{t('settings.saved')}</p> : null}
        {save.error ? <ProblemAlert error={save.error} /> : null}
      </form>
      <p>
        <button
          type="button"
          className="button secondary"
          disabled={erase.isPending}
          onClick={() => {
            save.reset();
            erase.mutate();
          }}
        >
          {t('settings.erase')}
        </button>
      </p>
      {erase.isSuccess ? <p role="status">{t('settings.erased')}</p> : null}
      {erase.error ? <ProblemAlert error={erase.error} /> : null}
    </>
  );
}

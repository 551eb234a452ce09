import { ROLES, type Role } from '@decidimos/contracts/events/catalog';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { useChangeRole } from '../api/change-role';

/** Grant or revoke a staff role for a person, named by their iD Digital subject. */
export function RolesForm() {
  const { t } = useTranslation();
  const change = useChangeRole();
  const [subject, setSubject] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [error, setError] = useState<string>();

  function send(action: 'grant' | 'revoke') {
    return (event?: FormEvent) => {
      event?.preventDefault();
      if (!subject.trim()) {
        setError(t('validation.required'));
        return;
      }
      setError(undefined);
      change.mutate({ action, subject: subject.trim(), role });
    };
  }

  const done = change.data;
  return (
    <form className="form" onSubmit={send('grant')} noValidate aria-labelledby="roles-title">
      <h2 id="roles-title">{t('admin.roles')}</h2>
      <TextField
        label={t('admin.subject')}
        hint={t('admin.subjectHint')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        error={error}
        autoComplete="off"
      />
      <SelectField label={t('admin.role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t('admin.grant')}
        </button>
        <button type="button" className="button secondary" disabled={change.isPending} onClick={() => send('revoke')()}>
          {t('admin.revoke')}
        </button>
      </div>
      <p role="status">
        {done
          ? t(done.changed ? `admin.roleChanged.${change.variables?.action}` : 'admin.roleUnchanged', {
              subject: done.subject,
              role: t(`role.${done.role}`),
            }) + (done.changed ? ` ${t('admin.roleNext')}` : '')
          : ''}
      </p>
      {change.error ? <ProblemAlert error={change.error} /> : null}
    </form>
  );
}

import type { BoothView, EditionView } from '@decidimos/contracts/api/schemas';
import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { useStaffT } from '../../../lib/i18n/staff';
import { useAssignShift, useBooths, useDefineBooth } from '../api/booths';

/** A `datetime-local` value (the admin's own time zone) as an instant with its offset, as the API takes it. */
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/** Server field errors by field name (`body.closesAt` → `closesAt`). */
const fieldErrors = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fieldErrors() : {});

/** The voting booths (mesas) of the editions that have not closed voting, and the officers' shifts at each. */
export function BoothsSection({ editions }: { editions: EditionView[] }) {
  const t = useStaffT();
  const open = editions.filter((e) => !['counting', 'results', 'closed'].includes(e.phase));
  const [editionId, setEditionId] = useState('');
  const edition = open.find((e) => e.id === editionId) ?? open[0];
  if (!edition) return null;
  return (
    <section aria-labelledby="admin-booths">
      <h2 id="admin-booths">{t('booths.title')}</h2>
      <p>{t('booths.lead')}</p>
      <SelectField
        id="booths-edition"
        label={t('booths.edition')}
        value={edition.id}
        onChange={(e) => setEditionId(e.target.value)}
      >
        {open.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </SelectField>
      <BoothList key={edition.id} edition={edition} />
      <DefineBoothForm key={`define-${edition.id}`} edition={edition} />
    </section>
  );
}

function BoothList({ edition }: { edition: EditionView }) {
  const t = useStaffT();
  const format = useFormat();
  const booths = useBooths(edition.id);
  if (booths.isPending) return <Loading />;
  if (booths.error) return <ProblemAlert error={booths.error} onRetry={() => void booths.refetch()} />;
  if (booths.data.length === 0) return <p>{t('booths.none')}</p>;
  return (
    <ul className="cards">
      {booths.data.map((booth) => (
        <li key={booth.id} className="card">
          <h3>{booth.name}</h3>
          <p>
            {booth.address} · {edition.districts.find((d) => d.id === booth.district)?.name ?? booth.district}
          </p>
          <p>{t('booths.hours', { from: format.dateTime(booth.opensAt), to: format.dateTime(booth.closesAt) })}</p>
          <ShiftForm booth={booth} />
        </li>
      ))}
    </ul>
  );
}

function DefineBoothForm({ edition }: { edition: EditionView }) {
  const t = useStaffT();
  const define = useDefineBooth(edition.id);
  const [values, setValues] = useState({
    name: '',
    address: '',
    district: edition.districts[0]?.id ?? '',
    opensAt: '',
    closesAt: '',
  });
  const [order, setOrder] = useState<string>();
  const errors: Record<string, string> = { ...fieldErrors(define.error), ...(order ? { closesAt: order } : {}) };
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    // Said in the admin's language before asking the server, which says it in English to API clients.
    const backwards = values.opensAt !== '' && values.closesAt !== '' && values.closesAt <= values.opensAt;
    setOrder(backwards ? t('booths.closesBeforeOpens') : undefined);
    if (backwards) return;
    define.mutate(
      { ...values, opensAt: instant(values.opensAt), closesAt: instant(values.closesAt) },
      { onSuccess: () => setValues((v) => ({ ...v, name: '', address: '' })) },
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="define-booth-title">
      <h3 id="define-booth-title">{t('booths.define')}</h3>
      <TextField
        id="booth-name"
        label={t('booths.name')}
        value={values.name}
        onChange={set('name')}
        error={errors['name']}
      />
      <TextField
        id="booth-address"
        label={t('booths.address')}
        value={values.address}
        onChange={set('address')}
        error={errors['address']}
      />
      <SelectField
        id="booth-district"
        label={t('booths.district')}
        value={values.district}
        onChange={set('district')}
        error={errors['district']}
      >
        {edition.districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="booth-opens"
        type="datetime-local"
        label={t('booths.opensAt')}
        value={values.opensAt}
        onChange={set('opensAt')}
        error={errors['opensAt']}
      />
      <TextField
        id="booth-closes"
        type="datetime-local"
        label={t('booths.closesAt')}
        value={values.closesAt}
        onChange={set('closesAt')}
        error={errors['closesAt']}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={define.isPending}>
          {t('booths.defineButton')}
        </button>
      </div>
      <p role="status">{define.isSuccess ? t('booths.defined') : ''}</p>
      {define.error && Object.keys(fieldErrors(define.error)).length === 0 ? (
        <ProblemAlert error={define.error} />
      ) : null}
    </form>
  );
}

function ShiftForm({ booth }: { booth: BoothView }) {
  const t = useStaffT();
  const assign = useAssignShift();
  const [values, setValues] = useState({ officer: '', from: '', to: '' });
  const [order, setOrder] = useState<string>();
  const errors: Record<string, string> = { ...fieldErrors(assign.error), ...(order ? { to: order } : {}) };
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const backwards = values.from !== '' && values.to !== '' && values.to <= values.from;
    setOrder(backwards ? t('booths.endsBeforeStarts') : undefined);
    if (backwards) return;
    assign.mutate({
      boothId: booth.id,
      officer: values.officer.trim(),
      from: instant(values.from),
      to: instant(values.to),
    });
  }

  return (
    <form className="form compact" onSubmit={submit} noValidate aria-label={t('booths.shiftAt', { booth: booth.name })}>
      <TextField
        id={`shift-officer-${booth.id}`}
        label={t('booths.officer')}
        hint={t('booths.officerHint')}
        value={values.officer}
        onChange={set('officer')}
        error={errors['officer']}
        autoComplete="off"
      />
      <TextField
        id={`shift-from-${booth.id}`}
        type="datetime-local"
        label={t('booths.from')}
        value={values.from}
        onChange={set('from')}
        error={errors['from']}
      />
      <TextField
        id={`shift-to-${booth.id}`}
        type="datetime-local"
        label={t('booths.to')}
        value={values.to}
        onChange={set('to')}
        error={errors['to']}
      />
      <div className="actions">
        <button type="submit" className="button secondary" disabled={assign.isPending}>
          {t('booths.assign')}
        </button>
      </div>
      <p role="status">{assign.isSuccess ? t('booths.assigned') : ''}</p>
      {assign.error && Object.keys(fieldErrors(assign.error)).length === 0 ? (
        <ProblemAlert error={assign.error} />
      ) : null}
    </form>
  );
}

import type { EditionView } from '@decidimos/contracts/api/schemas';
import { inPersonCredential } from '@decidimos/contracts/api/schemas';
import { ballotViolations, type BallotViolation } from '@decidimos/contracts/ballots/ballot-rules';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBallotIssueText } from '../../../components/ballot-issue-text';
import { BudgetBar, SelectionCounter } from '../../../components/budget-bar';
import { SelectField, TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { newIdempotencyKey } from '../../../lib/api-client';
import { useProposals } from '../../../lib/api/get-proposals';
import { ballotTally, districtBallot } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useCastAssistedBallot, type AssistedReceipt } from '../api/cast-assisted-ballot';

const BALLOT_PAGE_SIZE = 200;

/**
 * The poll officer's screen: one form per resident, typed top to bottom with Tab and Space,
 * sent with Enter; after the receipt, "next resident" clears it and puts the cursor back on the CURP.
 */
export function AssistedBallotForm({ edition }: { edition: EditionView }) {
  const [served, setServed] = useState(0);
  const [last, setLast] = useState<AssistedReceipt | null>(null);
  return (
    <>
      {last ? <LastReceipt receipt={last} /> : null}
      <OneResident
        key={served}
        edition={edition}
        onCast={(receipt) => {
          setLast(receipt);
          setServed((n) => n + 1);
        }}
      />
    </>
  );
}

function LastReceipt({ receipt }: { receipt: AssistedReceipt }) {
  const { t } = useTranslation();
  return (
    <section className="alert alert-success" aria-labelledby="assisted-done" data-testid="assisted-receipt">
      <h2 id="assisted-done" className="alert-title">
        {t('assisted.recorded')}
      </h2>
      <p>{t('assisted.giveReceipt')}</p>
      <p className="receipt-code">{receipt.receipt}</p>
      <div className="actions no-print">
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </div>
    </section>
  );
}

function OneResident({ edition, onCast }: { edition: EditionView; onCast: (receipt: AssistedReceipt) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cast = useCastAssistedBallot();
  const curpRef = useRef<HTMLInputElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [curp, setCurp] = useState('');
  const [birthdate, setBirthdate] = useState('');
  const [district, setDistrict] = useState(edition.districts[0]?.id ?? '');
  const [selection, setSelection] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<BallotViolation[]>([]);
  const ballot = useProposals(
    edition.id,
    { district, status: 'on-ballot', pageSize: BALLOT_PAGE_SIZE },
    district !== '',
  );
  const options = (ballot.data?.items ?? []).map((p) => ({ id: p.id, title: p.title, cost: p.cost }));
  const rules = edition.rules.ballot;
  const budget = edition.districts.find((d) => d.id === district)?.budget ?? 0;
  const current = ballotTally(selection, options, rules, budget);

  useEffect(() => {
    curpRef.current?.focus();
  }, []);

  function toggle(id: string) {
    setIssues([]);
    setSelection((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = inPersonCredential.safeParse({ curp, birthdate, district });
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'curp') found['curp'] = t('assisted.curpInvalid');
        if (issue.path[0] === 'birthdate') found['birthdate'] = t('assisted.birthdateInvalid');
      }
    }
    setErrors(found);
    const broken = ballotViolations(rules, districtBallot(options, budget), selection);
    setIssues(broken);
    if (!parsed.success) {
      document.getElementById(`assisted-${Object.keys(found)[0] ?? 'curp'}`)?.focus();
      return;
    }
    if (broken.length > 0) return;
    cast.mutate(
      { editionId: edition.id, credential: parsed.data, selections: selection, idempotencyKey },
      { onSuccess: onCast },
    );
  }

  return (
    <form className="form assisted" onSubmit={submit} noValidate aria-labelledby="assisted-form-title">
      <h2 id="assisted-form-title">{t('assisted.formTitle')}</h2>
      <TextField
        ref={curpRef}
        id="assisted-curp"
        label={t('assisted.curp')}
        hint={t('assisted.curpHint')}
        value={curp}
        onChange={(e) => setCurp(e.target.value.toUpperCase())}
        error={errors['curp']}
        autoComplete="off"
        spellCheck={false}
        maxLength={18}
        className="mono"
      />
      <TextField
        id="assisted-birthdate"
        type="date"
        label={t('assisted.birthdate')}
        value={birthdate}
        onChange={(e) => setBirthdate(e.target.value)}
        error={errors['birthdate']}
      />
      <SelectField
        id="assisted-district"
        label={t('assisted.district')}
        value={district}
        onChange={(e) => {
          setDistrict(e.target.value);
          setSelection([]);
        }}
        error={errors['district']}
      >
        {edition.districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <div className="ballot-summary">
        {rules.method === 'knapsack' ? <BudgetBar tally={current} /> : null}
        <SelectionCounter tally={current} />
      </div>
      {ballot.error ? <ProblemAlert error={ballot.error} onRetry={() => void ballot.refetch()} /> : null}
      {ballot.isPending ? <Loading /> : null}
      <fieldset>
        <legend>{t('assisted.selections')}</legend>
        {ballot.data && options.length === 0 ? <p>{t('ballot.noOptions')}</p> : null}
        <ul className="options compact">
          {options.map((option) => (
            <li key={option.id} className={selection.includes(option.id) ? 'option option-selected' : 'option'}>
              <input
                type="checkbox"
                id={`assisted-option-${option.id}`}
                checked={selection.includes(option.id)}
                onChange={() => toggle(option.id)}
              />
              <label htmlFor={`assisted-option-${option.id}`}>
                <span className="option-title">{option.title}</span>
                <span className="option-cost">{format.money(option.cost)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {issues.length > 0 ? <BallotIssues issues={issues} /> : null}
      {cast.error ? <ProblemAlert error={cast.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={cast.isPending}>
          {cast.isPending ? t('common.sending') : t('assisted.record')}
        </button>
      </div>
      <p className="hint">{t('assisted.keyboard')}</p>
    </form>
  );
}

function BallotIssues({ issues }: { issues: BallotViolation[] }) {
  const issueText = useBallotIssueText();
  return (
    <div role="alert" className="alert alert-error">
      <ul>
        {issues.map((issue) => (
          <li key={JSON.stringify(issue)}>{issueText(issue)}</li>
        ))}
      </ul>
    </div>
  );
}

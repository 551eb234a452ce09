import type { EditionView } from '@decidimos/contracts/api/schemas';
import { CURP_MESSAGES } from '@decidimos/contracts/api/curp';
import { inPersonCredential } from '@decidimos/contracts/api/schemas';
import { ballotViolations, type BallotViolation } from '@decidimos/contracts/ballots/ballot-rules';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useBallotIssueText } from '../../../components/ballot-issue-text';
import { BudgetBar, SelectionCounter } from '../../../components/budget-bar';
import { SelectField, TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { ApiError, newIdempotencyKey } from '../../../lib/api-client';
import { useProposals } from '../../../lib/api/get-proposals';
import { ballotTally, districtBallot, type BallotPoolView } from '../../../lib/ballot';
import { useFormat } from '../../../lib/format';
import { useStaffT } from '../../../lib/i18n/staff';
import { contractResolver, formErrorMessages } from '../../../lib/form-errors';
import { useCastAssistedBallot, type AssistedReceipt } from '../api/cast-assisted-ballot';
import { useMyShifts } from '../api/get-my-shifts';

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
  const ts = useStaffT();
  return (
    <section className="alert alert-success" aria-labelledby="assisted-done" data-testid="assisted-receipt">
      <h2 id="assisted-done" className="alert-title">
        {ts('assisted.recorded')}
      </h2>
      <p>{ts('assisted.giveReceipt')}</p>
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
  const ts = useStaffT();
  const format = useFormat();
  const cast = useCastAssistedBallot();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [selection, setSelection] = useState<string[]>([]);
  const [issues, setIssues] = useState<PoolIssue[]>([]);
  const shifts = useMyShifts();
  // Only the booths of this edition where the officer is on shift now: the server refuses any other.
  const booths = (shifts.data?.items ?? [])
    .filter((s) => s.now && s.booth.editionId === edition.id)
    .map((s) => s.booth);
  const [boothId, setBoothId] = useState('');
  const booth = booths.find((b) => b.id === boothId) ?? booths[0];
  const form = useForm<z.input<typeof inPersonCredential>, unknown, z.output<typeof inPersonCredential>>({
    // Messages change when the form is sent again, not while someone types (the summary is a live alert).
    reValidateMode: 'onSubmit',
    defaultValues: { curp: '', birthdate: '' },
    resolver: contractResolver(
      {
        schema: inPersonCredential,
        toRequest: (values) => values,
        reword: (issue) =>
          issue.path[0] === 'curp'
            ? issue.message === CURP_MESSAGES.checkDigit
              ? ts('assisted.curpCheckDigit')
              : issue.message === CURP_MESSAGES.state
                ? ts('assisted.curpState')
                : ts('assisted.curpInvalid')
            : issue.path[0] === 'birthdate'
              ? ts('assisted.birthdateInvalid')
              : issue.path[0] === 'sex'
                ? ts('assisted.sexInvalid')
                : undefined,
      },
      t,
    ),
  });
  const errors = formErrorMessages(form.formState.errors);
  // The district is the booth's: a person votes at a booth of their own district.
  const district = booth?.district ?? '';
  const ballot = useProposals(
    edition.id,
    { district, status: 'on-ballot', pageSize: BALLOT_PAGE_SIZE },
    district !== '',
  );
  // Every resident also votes in the citywide pool, when the edition has one.
  const citywide = edition.citywidePool;
  const poolBallot = useProposals(
    edition.id,
    { district: citywide?.id ?? '', status: 'on-ballot', pageSize: BALLOT_PAGE_SIZE },
    citywide !== null,
  );
  const rules = edition.rules.ballot;
  const pools: BallotPoolView[] = [
    {
      id: district,
      name: edition.districts.find((d) => d.id === district)?.name ?? district,
      budget: edition.districts.find((d) => d.id === district)?.budget ?? 0,
      options: (ballot.data?.items ?? []).map((p) => ({ id: p.id, title: p.title, cost: p.cost })),
    },
  ];
  if (citywide) {
    pools.push({
      ...citywide,
      options: (poolBallot.data?.items ?? []).map((p) => ({ id: p.id, title: p.title, cost: p.cost })),
    });
  }
  const picksIn = (pool: BallotPoolView) => selection.filter((id) => pool.options.some((o) => o.id === id));
  const curp = form.register('curp');

  const curpInput = useRef<HTMLInputElement | null>(null);
  // At once, not through react-hook-form's setFocus (a timer): the officer may start typing straight away.
  useEffect(() => curpInput.current?.focus(), [shifts.isSuccess]);

  function toggle(id: string) {
    setIssues([]);
    setSelection((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  }

  /** The ballot's rules, pool by pool, are checked with the credential, so the officer sees every problem at once. */
  function checkBallot(): boolean {
    const broken = pools.flatMap((pool) =>
      ballotViolations(rules, districtBallot(pool.options, pool.budget), picksIn(pool)).map((issue) => ({
        pool: pools.length > 1 ? pool.name : null,
        issue,
      })),
    );
    setIssues(broken);
    return broken.length === 0;
  }

  const wouldReplace = cast.error instanceof ApiError && cast.error.code === 'WOULD_REPLACE';
  const send = (confirmReplace: boolean) =>
    form.handleSubmit((credential) => {
      if (!checkBallot() || !booth) return;
      cast.mutate(
        { editionId: edition.id, booth: booth.id, credential, selections: selection, confirmReplace, idempotencyKey },
        { onSuccess: onCast },
      );
    }, checkBallot);
  const submit = send(false);

  if (shifts.isPending) return <Loading />;
  if (shifts.error) return <ProblemAlert error={shifts.error} onRetry={() => void shifts.refetch()} />;
  if (!booth) return <p className="alert alert-info">{ts('assisted.noShift')}</p>;

  return (
    <form className="form assisted" onSubmit={submit} noValidate aria-labelledby="assisted-form-title">
      <h2 id="assisted-form-title">{ts('assisted.formTitle')}</h2>
      <TextField
        id="assisted-curp"
        label={ts('assisted.curp')}
        hint={ts('assisted.curpHint')}
        {...curp}
        ref={(input) => {
          curp.ref(input);
          curpInput.current = input;
        }}
        onChange={(event) => {
          // Typed in capitals, as printed on the ID, whatever the keyboard's state.
          event.target.value = event.target.value.toUpperCase();
          return curp.onChange(event);
        }}
        error={errors['curp']}
        autoComplete="off"
        spellCheck={false}
        maxLength={18}
        className="mono"
      />
      <TextField
        id="assisted-birthdate"
        type="date"
        label={ts('assisted.birthdate')}
        {...form.register('birthdate')}
        error={errors['birthdate']}
      />
      <SelectField
        id="assisted-sex"
        label={ts('assisted.sex')}
        {...form.register('sex', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
        error={errors['sex']}
      >
        <option value="">{ts('assisted.sexUnstated')}</option>
        <option value="M">{ts('assisted.sexM')}</option>
        <option value="H">{ts('assisted.sexH')}</option>
        <option value="X">{ts('assisted.sexX')}</option>
      </SelectField>
      <SelectField
        id="assisted-residence-proof"
        label={ts('assisted.residenceProof')}
        hint={ts('assisted.residenceProofHint')}
        {...form.register('residenceProof', { setValueAs: (v: string) => (v === '' ? undefined : v) })}
        error={errors['residenceProof']}
      >
        <option value="">{ts('assisted.residenceProofNone')}</option>
        <option value="ine-address">{ts('assisted.residenceProofIne')}</option>
        <option value="utility-bill">{ts('assisted.residenceProofBill')}</option>
      </SelectField>
      <SelectField
        id="assisted-booth"
        label={ts('assisted.booth')}
        value={booth.id}
        onChange={(event) => {
          setBoothId(event.target.value);
          setSelection([]);
        }}
      >
        {booths.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name} ({b.district})
          </option>
        ))}
      </SelectField>
      {[ballot, poolBallot].map((query, index) =>
        query.error ? <ProblemAlert key={index} error={query.error} onRetry={() => void query.refetch()} /> : null,
      )}
      {ballot.isPending || (citywide && poolBallot.isPending) ? <Loading /> : null}
      {pools.map((pool) => {
        const current = ballotTally(picksIn(pool), pool.options, rules, pool.budget);
        return (
          <div key={pool.id} className="ballot-pool">
            <div className="ballot-summary">
              {rules.method === 'knapsack' ? <BudgetBar tally={current} /> : null}
              <SelectionCounter tally={current} />
            </div>
            <fieldset>
              <legend>
                {pools.length > 1 ? `${ts('assisted.selections')}: ${pool.name}` : ts('assisted.selections')}
              </legend>
              {ballot.data && pool.options.length === 0 ? <p>{t('ballot.noOptions')}</p> : null}
              <ul className="options compact">
                {pool.options.map((option) => (
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
          </div>
        );
      })}
      {issues.length > 0 ? <BallotIssues issues={issues} /> : null}
      {wouldReplace ? (
        <div role="alert" className="alert alert-warning" data-testid="would-replace">
          <p>{ts('assisted.wouldReplace')}</p>
          <button type="button" className="button secondary" onClick={() => void send(true)()}>
            {ts('assisted.confirmReplace')}
          </button>
        </div>
      ) : cast.error ? (
        <ProblemAlert error={cast.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={cast.isPending}>
          {cast.isPending ? t('common.sending') : ts('assisted.record')}
        </button>
      </div>
      <p className="hint">{ts('assisted.keyboard')}</p>
    </form>
  );
}

/** A rule the ballot breaks, and the pool it breaks it in when the ballot has more than one. */
interface PoolIssue {
  pool: string | null;
  issue: BallotViolation;
}

function BallotIssues({ issues }: { issues: PoolIssue[] }) {
  const issueText = useBallotIssueText();
  return (
    <div role="alert" className="alert alert-error">
      <ul>
        {issues.map(({ pool, issue }) => (
          <li key={JSON.stringify([pool, issue])}>{(pool ? `${pool}: ` : '') + issueText(issue)}</li>
        ))}
      </ul>
    </div>
  );
}

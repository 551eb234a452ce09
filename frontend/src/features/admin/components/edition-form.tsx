import { editEditionRequest, type EditEditionRequest } from '@decidimos/contracts/api/edition-editing';
import { createEditionRequest, type CreateEditionRequest, type EditionView } from '@decidimos/contracts/api/schemas';
import { CALENDAR_PHASES, type CalendarPhase } from '@decidimos/contracts/editions/calendar';
import { calendarReasonRequired, detailsEditable, rulesFrozen } from '@decidimos/contracts/editions/editing';
import type { TFunction } from 'i18next';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';
import { useEditionFormT } from '../i18n';

type CalendarPhaseName = CalendarPhase['phase'];

/** What the admin types, shaped like the request so each message lands on its field ('rules.minAge'). */
interface EditionFormValues {
  title: string;
  description: string;
  districts: { id: string; name: string; budget: string }[];
  citywidePool: { enabled: boolean; id: string; name: string; budget: string };
  rules: {
    minAge: string;
    proposals: { perResident: string; minCost: string; maxCost: string };
    supports: { enabled: boolean; perResident: string; threshold: string };
    ballot: {
      method: 'knapsack' | 'approval';
      maxSelections: string;
      minSelections: string;
      /** A percentage of the district's budget; the rule itself is a share from 0 to 1. */
      minSpendShare: string;
      revoting: boolean;
    };
    counting: {
      rule: 'greedy' | 'equal-shares';
      completion: 'add1' | 'add1-greedy';
      utility: 'cost' | 'cardinality';
    };
  };
  /** One row per phase the form offers, in lifecycle order, each as `datetime-local` text in the browser's time zone. */
  calendar: { phase: CalendarPhaseName; startsAt: string; endsAt: string }[];
  reason: string;
}

/** The draft opens when the proposals window starts, so the form schedules from proposals on. */
const SCHEDULED_PHASES = CALENDAR_PHASES.filter((phase) => phase !== 'draft');

// DESIGN.md's defaults.
const DEFAULTS: EditionFormValues = {
  title: '',
  description: '',
  districts: [{ id: '', name: '', budget: '' }],
  citywidePool: { enabled: false, id: 'ciudad', name: '', budget: '' },
  rules: {
    minAge: '16',
    proposals: { perResident: '3', minCost: '10000', maxCost: '5000000' },
    supports: { enabled: true, perResident: '5', threshold: '2' },
    ballot: { method: 'knapsack', maxSelections: '', minSelections: '0', minSpendShare: '0', revoting: true },
    counting: { rule: 'greedy', completion: 'add1', utility: 'cost' },
  },
  calendar: SCHEDULED_PHASES.map((phase) => ({ phase, startsAt: '', endsAt: '' })),
  reason: '',
};

/** Whole pesos or counts typed with separators ("5,000,000"); NaN when it is not a whole number. */
function whole(text: string): number {
  const digits = text.replace(/[\s$,.']/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A percentage typed as "25" or "12.5" as a share (0.25); NaN when it is not a number. */
function share(text: string): number {
  const number = text.trim().replace(',', '.').replace(/%$/, '');
  return /^\d+(\.\d+)?$/.test(number) ? Number(number) / 100 : Number.NaN;
}

/** `datetime-local` text (the browser's time zone) as an instant; '' stays '' so the contract says it is missing. */
function instant(local: string): string {
  if (!local) return '';
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
}

/** An instant as `datetime-local` text in the browser's time zone. */
function localText(iso: string): string {
  const time = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/** The rows of the calendar the admin filled in (either end), by row number: the rest are not scheduled, nor is a supports phase the rules skip. */
function filledRows(values: EditionFormValues): number[] {
  const skipped = (phase: CalendarPhaseName) => phase === 'supports' && !values.rules.supports.enabled;
  return values.calendar.flatMap((row, index) => ((row.startsAt || row.endsAt) && !skipped(row.phase) ? [index] : []));
}

function calendarOf(values: EditionFormValues) {
  return filledRows(values).map((index) => {
    const { phase, startsAt, endsAt } = values.calendar[index]!;
    return { phase, startsAt: instant(startsAt), endsAt: instant(endsAt) };
  });
}

function rulesOf({ rules }: EditionFormValues) {
  return {
    minAge: whole(rules.minAge),
    proposals: {
      perResident: whole(rules.proposals.perResident),
      minCost: whole(rules.proposals.minCost),
      maxCost: whole(rules.proposals.maxCost),
    },
    supports: {
      enabled: rules.supports.enabled,
      perResident: whole(rules.supports.perResident),
      threshold: whole(rules.supports.threshold),
    },
    ballot: {
      method: rules.ballot.method,
      maxSelections: rules.ballot.maxSelections.trim() ? whole(rules.ballot.maxSelections) : null,
      minSelections: whole(rules.ballot.minSelections),
      minSpendShare: share(rules.ballot.minSpendShare),
      revoting: rules.ballot.revoting,
    },
    counting: { ...rules.counting },
  };
}

const districtsOf = ({ districts }: EditionFormValues) =>
  districts.map((d) => ({ id: d.id.trim(), name: d.name, budget: whole(d.budget) }));

const citywidePoolOf = ({ citywidePool: pool }: EditionFormValues) =>
  pool.enabled ? { id: pool.id.trim(), name: pool.name, budget: whole(pool.budget) } : null;

function toCreateRequest(values: EditionFormValues): CreateEditionRequest {
  return {
    title: values.title,
    description: values.description,
    districts: districtsOf(values),
    citywidePool: citywidePoolOf(values),
    rules: rulesOf(values),
    calendar: calendarOf(values),
  };
}

/** Only what the edition's phase still lets change is sent; the calendar always is. */
function toEditRequest(values: EditionFormValues, edition: EditionView): EditEditionRequest {
  return {
    ...(detailsEditable(edition.phase)
      ? {
          title: values.title,
          description: values.description,
          districts: districtsOf(values),
          citywidePool: citywidePoolOf(values),
        }
      : {}),
    ...(rulesFrozen(edition.phase) ? {} : { rules: rulesOf(values) }),
    calendar: { phases: calendarOf(values), reason: values.reason.trim() || null },
  };
}

function valuesOf(edition: EditionView): EditionFormValues {
  const { rules } = edition;
  const text = (n: number) => String(n);
  return {
    title: edition.title,
    description: edition.description,
    districts: edition.districts.map((d) => ({ id: d.id, name: d.name, budget: text(d.budget) })),
    citywidePool: edition.citywidePool
      ? { enabled: true, ...edition.citywidePool, budget: text(edition.citywidePool.budget) }
      : { ...DEFAULTS.citywidePool },
    rules: {
      minAge: text(rules.minAge),
      proposals: {
        perResident: text(rules.proposals.perResident),
        minCost: text(rules.proposals.minCost),
        maxCost: text(rules.proposals.maxCost),
      },
      supports: {
        enabled: rules.supports.enabled,
        perResident: text(rules.supports.perResident),
        threshold: text(rules.supports.threshold),
      },
      ballot: {
        method: rules.ballot.method,
        maxSelections: rules.ballot.maxSelections === null ? '' : text(rules.ballot.maxSelections),
        minSelections: text(rules.ballot.minSelections),
        minSpendShare: text(Math.round(rules.ballot.minSpendShare * 10_000) / 100),
        revoting: rules.ballot.revoting,
      },
      counting: { ...rules.counting },
    },
    calendar: SCHEDULED_PHASES.map((phase) => {
      const window = edition.calendarPhases.find((w) => w.phase === phase);
      return {
        phase,
        startsAt: window ? localText(window.startsAt) : '',
        endsAt: window ? localText(window.endsAt) : '',
      };
    }),
    reason: '',
  };
}

/**
 * The contract checks the calendar as the request sends it (only the rows filled in); its
 * messages go back to the rows the admin sees.
 */
function withCalendarRows<Output>(
  resolver: Resolver<EditionFormValues, unknown, Output>,
  nested: boolean,
): Resolver<EditionFormValues, unknown, Output> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors = result.errors as FieldErrors & { calendar?: unknown };
    const sent = (nested ? (errors.calendar as { phases?: unknown } | undefined)?.phases : errors.calendar) as
      Record<number, unknown> | undefined;
    if (!sent || typeof sent !== 'object') return result;
    const rows = filledRows(values);
    const mapped: Record<number, unknown> = {};
    for (const [index, error] of Object.entries(sent)) {
      const row = rows[Number(index)];
      if (row !== undefined) mapped[row] = error;
    }
    const calendar = nested ? { ...(errors.calendar as object), phases: undefined, ...mapped } : mapped;
    return { ...result, errors: { ...errors, calendar } } as typeof result;
  };
}

/** The form's own words for the contract's issues it can say better. */
function reworder(t: TFunction, tf: TFunction) {
  return (issue: { path: PropertyKey[]; code: string }) => {
    const [first, , third, fourth] = issue.path;
    const slugField = (first === 'districts' && third === 'id') || issue.path.join('.') === 'citywidePool.id';
    if (slugField && issue.code === 'invalid_format') return tf('form.districtIdFormat');
    if (issue.path.join('.') === 'rules.ballot.minSpendShare') return tf('ballot.minSpendShareRange');
    if (first === 'calendar') {
      const field = typeof third === 'string' ? third : fourth;
      if (issue.code === 'invalid_format') return tf('calendar.bothOrNeither');
      if (field === 'endsAt') return tf('calendar.endsBeforeStarts');
      if (field === 'startsAt') return tf('calendar.overlaps');
    }
    return undefined;
  };
}

interface CreateProps {
  pending: boolean;
  error: unknown;
  onSubmit: (edition: CreateEditionRequest) => void;
}

/** Creating an edition: its districts with their budgets, the rules it will carry, and its calendar. */
export function EditionForm({ pending, error, onSubmit }: CreateProps) {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const form = useForm<EditionFormValues, unknown, CreateEditionRequest>({
    // Messages change when the form is sent again, not while someone types (the summary is a live alert).
    reValidateMode: 'onSubmit',
    defaultValues: DEFAULTS,
    resolver: withCalendarRows(
      contractResolver(
        { schema: createEditionRequest, toRequest: toCreateRequest, reword: reworder(t, tf) },
        t,
      ) as Resolver<EditionFormValues, unknown, CreateEditionRequest>,
      false,
    ),
  });
  return (
    <EditionFields
      form={form}
      error={error}
      onSubmit={form.handleSubmit(onSubmit)}
      submit={pending ? t('common.sending') : tf('form.create')}
      pending={pending}
    />
  );
}

interface EditProps {
  edition: EditionView;
  pending: boolean;
  error: unknown;
  onSubmit: (changes: EditEditionRequest) => void;
}

/** Editing an edition: what its phase still allows, checked as the API checks it (contracts' editions/editing.ts). */
export function EditEditionForm({ edition, pending, error, onSubmit }: EditProps) {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const form = useForm<EditionFormValues, unknown, EditEditionRequest>({
    reValidateMode: 'onSubmit',
    defaultValues: valuesOf(edition),
    resolver: withCalendarRows(
      contractResolver(
        { schema: editEditionRequest, toRequest: (values) => toEditRequest(values, edition), reword: reworder(t, tf) },
        t,
      ) as Resolver<EditionFormValues, unknown, EditEditionRequest>,
      true,
    ),
  });
  return (
    <EditionFields
      form={form}
      edition={edition}
      error={error}
      onSubmit={form.handleSubmit(onSubmit)}
      submit={pending ? t('common.sending') : tf('edit.save')}
      pending={pending}
    />
  );
}

interface FieldsProps<Output> {
  form: ReturnType<typeof useForm<EditionFormValues, unknown, Output>>;
  edition?: EditionView;
  error: unknown;
  onSubmit: () => void;
  submit: string;
  pending: boolean;
}

function EditionFields<Output>({ form, edition, error, onSubmit, submit, pending }: FieldsProps<Output>) {
  const { t } = useTranslation();
  const tf = useEditionFormT();
  const districts = useFieldArray({ control: form.control, name: 'districts' });
  const supportsEnabled = form.watch('rules.supports.enabled');
  const poolEnabled = form.watch('citywidePool.enabled');
  const method = form.watch('rules.ballot.method');
  const countingRule = form.watch('rules.counting.rule');
  const errors = formErrorMessages(form.formState.errors);
  const shown = { ...serverFieldErrors(error), ...errors };
  const detailsLocked = edition !== undefined && !detailsEditable(edition.phase);
  const rulesLocked = edition !== undefined && rulesFrozen(edition.phase);
  const reasonRequired = edition !== undefined && calendarReasonRequired(edition.phase);
  const rows = form
    .watch('calendar')
    .map((row, index) => ({ ...row, index }))
    .filter((row) => row.phase !== 'supports' || supportsEnabled);

  const count = Object.keys(errors).length;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {count > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('validation.summary', { count })}
        </p>
      ) : null}
      {detailsLocked ? <p className="alert alert-info">{tf('edit.detailsFrozen')}</p> : null}
      <TextField
        id="edition-title"
        label={tf('form.title')}
        {...form.register('title')}
        error={shown['title']}
        readOnly={detailsLocked}
      />
      <TextArea
        id="edition-description"
        label={tf('form.description')}
        hint={t('proposalForm.optional')}
        {...form.register('description')}
        error={shown['description']}
        rows={3}
        readOnly={detailsLocked}
      />
      <fieldset disabled={detailsLocked}>
        <legend>{tf('form.districts')}</legend>
        {shown['districts'] ? <p className="field-error">{shown['districts']}</p> : null}
        {districts.fields.map((d, index) => (
          <div key={d.id} className="district-row" role="group" aria-label={tf('form.districtN', { n: index + 1 })}>
            <TextField
              id={`edition-districts-${index}-id`}
              label={tf('form.districtId')}
              hint={tf('form.districtIdHint')}
              {...form.register(`districts.${index}.id`)}
              error={shown[`districts.${index}.id`]}
              autoCapitalize="none"
            />
            <TextField
              id={`edition-districts-${index}-name`}
              label={tf('form.districtName')}
              {...form.register(`districts.${index}.name`)}
              error={shown[`districts.${index}.name`]}
            />
            <TextField
              id={`edition-districts-${index}-budget`}
              label={tf('form.districtBudget')}
              {...form.register(`districts.${index}.budget`)}
              error={shown[`districts.${index}.budget`]}
              inputMode="numeric"
            />
            {districts.fields.length > 1 ? (
              <button type="button" className="button secondary small" onClick={() => districts.remove(index)}>
                {tf('form.removeDistrict', { n: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => districts.append({ id: '', name: '', budget: '' }, { shouldFocus: false })}
        >
          {tf('form.addDistrict')}
        </button>
      </fieldset>
      <fieldset disabled={detailsLocked}>
        <legend>{tf('pool.legend')}</legend>
        <label className="choice">
          <input type="checkbox" {...form.register('citywidePool.enabled')} /> {tf('pool.enabled')}
        </label>
        {poolEnabled ? (
          <div className="district-row">
            <TextField
              id="edition-citywidePool-id"
              label={tf('pool.id')}
              hint={tf('form.districtIdHint')}
              {...form.register('citywidePool.id')}
              error={shown['citywidePool.id']}
              autoCapitalize="none"
            />
            <TextField
              id="edition-citywidePool-name"
              label={tf('pool.name')}
              {...form.register('citywidePool.name')}
              error={shown['citywidePool.name']}
            />
            <TextField
              id="edition-citywidePool-budget"
              label={tf('pool.budget')}
              {...form.register('citywidePool.budget')}
              error={shown['citywidePool.budget']}
              inputMode="numeric"
            />
          </div>
        ) : null}
      </fieldset>
      {rulesLocked ? <p className="alert alert-info">{tf('edit.rulesFrozen')}</p> : null}
      <fieldset disabled={rulesLocked}>
        <legend>{tf('form.participation')}</legend>
        <TextField
          id="edition-rules-minAge"
          label={tf('form.minAge')}
          {...form.register('rules.minAge')}
          error={shown['rules.minAge']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-perResident"
          label={tf('form.proposalsPerResident')}
          {...form.register('rules.proposals.perResident')}
          error={shown['rules.proposals.perResident']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-minCost"
          label={tf('form.minCost')}
          {...form.register('rules.proposals.minCost')}
          error={shown['rules.proposals.minCost']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-maxCost"
          label={tf('form.maxCost')}
          {...form.register('rules.proposals.maxCost')}
          error={shown['rules.proposals.maxCost']}
          inputMode="numeric"
        />
      </fieldset>
      <fieldset disabled={rulesLocked}>
        <legend>{tf('form.supports')}</legend>
        <label className="choice">
          <input type="checkbox" {...form.register('rules.supports.enabled')} /> {tf('form.supportsEnabled')}
        </label>
        {supportsEnabled ? (
          <>
            <TextField
              id="edition-rules-supports-perResident"
              label={tf('form.supportsPerResident')}
              {...form.register('rules.supports.perResident')}
              error={shown['rules.supports.perResident']}
              inputMode="numeric"
            />
            <TextField
              id="edition-rules-supports-threshold"
              label={tf('form.threshold')}
              {...form.register('rules.supports.threshold')}
              error={shown['rules.supports.threshold']}
              inputMode="numeric"
            />
          </>
        ) : null}
      </fieldset>
      <fieldset disabled={rulesLocked}>
        <legend>{tf('form.ballot')}</legend>
        <SelectField
          id="edition-rules-ballot-method"
          label={tf('form.method')}
          {...form.register('rules.ballot.method')}
        >
          <option value="knapsack">{tf('form.knapsack')}</option>
          <option value="approval">{tf('form.approval')}</option>
        </SelectField>
        <TextField
          id="edition-rules-ballot-maxSelections"
          label={tf('form.maxSelections')}
          hint={method === 'approval' ? tf('form.maxSelectionsRequired') : t('proposalForm.optional')}
          {...form.register('rules.ballot.maxSelections')}
          error={shown['rules.ballot.maxSelections']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-ballot-minSelections"
          label={tf('ballot.minSelections')}
          {...form.register('rules.ballot.minSelections')}
          error={shown['rules.ballot.minSelections']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-ballot-minSpendShare"
          label={tf('ballot.minSpendShare')}
          hint={tf('ballot.minSpendShareHint')}
          {...form.register('rules.ballot.minSpendShare')}
          error={shown['rules.ballot.minSpendShare']}
          inputMode="decimal"
        />
        <label className="choice">
          <input type="checkbox" {...form.register('rules.ballot.revoting')} /> {tf('form.revoting')}
        </label>
        <SelectField
          id="edition-rules-counting-rule"
          label={tf('form.counting')}
          {...form.register('rules.counting.rule')}
        >
          <option value="greedy">{t('edition.rule.counting.greedy')}</option>
          <option value="equal-shares">{t('edition.rule.counting.equal-shares')}</option>
        </SelectField>
        {countingRule === 'equal-shares' ? (
          <>
            <SelectField
              id="edition-rules-counting-completion"
              label={tf('ballot.completion')}
              {...form.register('rules.counting.completion')}
            >
              <option value="add1">{tf('ballot.add1')}</option>
              <option value="add1-greedy">{tf('ballot.add1Greedy')}</option>
            </SelectField>
            <SelectField
              id="edition-rules-counting-utility"
              label={tf('ballot.utility')}
              {...form.register('rules.counting.utility')}
            >
              <option value="cost">{tf('ballot.utilityCost')}</option>
              <option value="cardinality">{tf('ballot.utilityCardinality')}</option>
            </SelectField>
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{tf('calendar.legend')}</legend>
        <p className="hint">{tf('calendar.lead')}</p>
        {rows.map(({ phase, index }) => (
          <div
            key={phase}
            className="district-row"
            role="group"
            aria-label={tf('calendar.phase', { phase: t(`phase.${phase}`) })}
          >
            <TextField
              id={`edition-calendar-${phase}-startsAt`}
              type="datetime-local"
              label={`${t(`phase.${phase}`)}: ${tf('calendar.startsAt')}`}
              {...form.register(`calendar.${index}.startsAt`)}
              error={shown[`calendar.${index}.startsAt`]}
            />
            <TextField
              id={`edition-calendar-${phase}-endsAt`}
              type="datetime-local"
              label={`${t(`phase.${phase}`)}: ${tf('calendar.endsAt')}`}
              {...form.register(`calendar.${index}.endsAt`)}
              error={shown[`calendar.${index}.endsAt`]}
            />
          </div>
        ))}
        {edition ? (
          <TextArea
            id="edition-calendar-reason"
            label={tf('calendar.reason')}
            hint={reasonRequired ? tf('calendar.reasonHint') : t('proposalForm.optional')}
            {...form.register('reason')}
            error={shown['calendar.reason']}
            rows={2}
          />
        ) : null}
      </fieldset>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}

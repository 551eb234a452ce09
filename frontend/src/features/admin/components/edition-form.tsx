import { createEditionRequest, type CreateEditionRequest } from '@decidimos/contracts/api/schemas';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';

/** What the admin types, shaped like the request so each message lands on its field ('rules.minAge'). */
interface EditionFormValues {
  title: string;
  description: string;
  districts: { id: string; name: string; budget: string }[];
  rules: {
    minAge: string;
    proposals: { perResident: string; minCost: string; maxCost: string };
    supports: { enabled: boolean; perResident: string; threshold: string };
    ballot: { method: 'knapsack' | 'approval'; maxSelections: string; revoting: boolean };
    counting: { rule: 'greedy' | 'equal-shares' };
  };
}

// DESIGN.md's defaults.
const DEFAULTS: EditionFormValues = {
  title: '',
  description: '',
  districts: [{ id: '', name: '', budget: '' }],
  rules: {
    minAge: '16',
    proposals: { perResident: '3', minCost: '10000', maxCost: '5000000' },
    supports: { enabled: true, perResident: '5', threshold: '2' },
    ballot: { method: 'knapsack', maxSelections: '', revoting: true },
    counting: { rule: 'greedy' },
  },
};

interface EditionFormProps {
  pending: boolean;
  error: unknown;
  onSubmit: (edition: CreateEditionRequest) => void;
}

/** Whole pesos or counts typed with separators ("5,000,000"); NaN when it is not a whole number. */
function whole(text: string): number {
  const digits = text.replace(/[\s$,.']/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

function toRequest({ title, description, districts, rules }: EditionFormValues): CreateEditionRequest {
  return {
    title,
    description,
    districts: districts.map((d) => ({ id: d.id.trim(), name: d.name, budget: whole(d.budget) })),
    rules: {
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
        minSelections: 0,
        minSpendShare: 0,
        revoting: rules.ballot.revoting,
      },
      counting: { rule: rules.counting.rule, completion: 'add1', utility: 'cost' },
    },
  };
}

/** Creating an edition: its districts with their budgets, and the rules it will carry. */
export function EditionForm({ pending, error, onSubmit }: EditionFormProps) {
  const { t } = useTranslation();
  const form = useForm<EditionFormValues, unknown, CreateEditionRequest>({
    // Messages change when the form is sent again, not while someone types (the summary is a live alert).
    reValidateMode: 'onSubmit',
    defaultValues: DEFAULTS,
    resolver: contractResolver(
      {
        schema: createEditionRequest,
        toRequest,
        // A district id is a slug; say which form it takes rather than "wrong format".
        reword: (issue) =>
          issue.path[0] === 'districts' && issue.path[2] === 'id' && issue.code === 'invalid_format'
            ? t('admin.form.districtIdFormat')
            : undefined,
      },
      t,
    ),
  });
  const districts = useFieldArray({ control: form.control, name: 'districts' });
  const supportsEnabled = form.watch('rules.supports.enabled');
  const method = form.watch('rules.ballot.method');
  const errors = formErrorMessages(form.formState.errors);
  const shown = { ...serverFieldErrors(error), ...errors };

  const count = Object.keys(errors).length;
  return (
    <form className="form" onSubmit={form.handleSubmit(onSubmit)} noValidate>
      {count > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('validation.summary', { count })}
        </p>
      ) : null}
      <TextField id="edition-title" label={t('admin.form.title')} {...form.register('title')} error={shown['title']} />
      <TextArea
        id="edition-description"
        label={t('admin.form.description')}
        hint={t('proposalForm.optional')}
        {...form.register('description')}
        error={shown['description']}
        rows={3}
      />
      <fieldset>
        <legend>{t('admin.form.districts')}</legend>
        {shown['districts'] ? <p className="field-error">{shown['districts']}</p> : null}
        {districts.fields.map((d, index) => (
          <div
            key={d.id}
            className="district-row"
            role="group"
            aria-label={t('admin.form.districtN', { n: index + 1 })}
          >
            <TextField
              id={`edition-districts-${index}-id`}
              label={t('admin.form.districtId')}
              hint={t('admin.form.districtIdHint')}
              {...form.register(`districts.${index}.id`)}
              error={shown[`districts.${index}.id`]}
              autoCapitalize="none"
            />
            <TextField
              id={`edition-districts-${index}-name`}
              label={t('admin.form.districtName')}
              {...form.register(`districts.${index}.name`)}
              error={shown[`districts.${index}.name`]}
            />
            <TextField
              id={`edition-districts-${index}-budget`}
              label={t('admin.form.districtBudget')}
              {...form.register(`districts.${index}.budget`)}
              error={shown[`districts.${index}.budget`]}
              inputMode="numeric"
            />
            {districts.fields.length > 1 ? (
              <button type="button" className="button secondary small" onClick={() => districts.remove(index)}>
                {t('admin.form.removeDistrict', { n: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button secondary"
          onClick={() => districts.append({ id: '', name: '', budget: '' }, { shouldFocus: false })}
        >
          {t('admin.form.addDistrict')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('admin.form.participation')}</legend>
        <TextField
          id="edition-rules-minAge"
          label={t('admin.form.minAge')}
          {...form.register('rules.minAge')}
          error={shown['rules.minAge']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-perResident"
          label={t('admin.form.proposalsPerResident')}
          {...form.register('rules.proposals.perResident')}
          error={shown['rules.proposals.perResident']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-minCost"
          label={t('admin.form.minCost')}
          {...form.register('rules.proposals.minCost')}
          error={shown['rules.proposals.minCost']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-maxCost"
          label={t('admin.form.maxCost')}
          {...form.register('rules.proposals.maxCost')}
          error={shown['rules.proposals.maxCost']}
          inputMode="numeric"
        />
      </fieldset>
      <fieldset>
        <legend>{t('admin.form.supports')}</legend>
        <label className="choice">
          <input type="checkbox" {...form.register('rules.supports.enabled')} /> {t('admin.form.supportsEnabled')}
        </label>
        {supportsEnabled ? (
          <>
            <TextField
              id="edition-rules-supports-perResident"
              label={t('admin.form.supportsPerResident')}
              {...form.register('rules.supports.perResident')}
              error={shown['rules.supports.perResident']}
              inputMode="numeric"
            />
            <TextField
              id="edition-rules-supports-threshold"
              label={t('admin.form.threshold')}
              {...form.register('rules.supports.threshold')}
              error={shown['rules.supports.threshold']}
              inputMode="numeric"
            />
          </>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('admin.form.ballot')}</legend>
        <SelectField
          id="edition-rules-ballot-method"
          label={t('admin.form.method')}
          {...form.register('rules.ballot.method')}
        >
          <option value="knapsack">{t('admin.form.knapsack')}</option>
          <option value="approval">{t('admin.form.approval')}</option>
        </SelectField>
        <TextField
          id="edition-rules-ballot-maxSelections"
          label={t('admin.form.maxSelections')}
          hint={method === 'approval' ? t('admin.form.maxSelectionsRequired') : t('proposalForm.optional')}
          {...form.register('rules.ballot.maxSelections')}
          error={shown['rules.ballot.maxSelections']}
          inputMode="numeric"
        />
        <label className="choice">
          <input type="checkbox" {...form.register('rules.ballot.revoting')} /> {t('admin.form.revoting')}
        </label>
        <SelectField
          id="edition-rules-counting-rule"
          label={t('admin.form.counting')}
          {...form.register('rules.counting.rule')}
        >
          <option value="greedy">{t('edition.rule.counting.greedy')}</option>
          <option value="equal-shares">{t('edition.rule.counting.equal-shares')}</option>
        </SelectField>
      </fieldset>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('common.sending') : t('admin.form.create')}
        </button>
      </div>
    </form>
  );
}

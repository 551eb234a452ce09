import { createEditionRequest, type CreateEditionRequest } from '@decidimos/contracts/api/schemas';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/form-errors';

interface DistrictRow {
  key: number;
  id: string;
  name: string;
  budget: string;
}

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

/** Creating an edition: its districts with their budgets, and the rules it will carry (the defaults are DESIGN.md's). */
export function EditionForm({ pending, error, onSubmit }: EditionFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [districts, setDistricts] = useState<DistrictRow[]>([{ key: 0, id: '', name: '', budget: '' }]);
  const [minAge, setMinAge] = useState('16');
  const [perResident, setPerResident] = useState('3');
  const [minCost, setMinCost] = useState('10000');
  const [maxCost, setMaxCost] = useState('5000000');
  const [supportsEnabled, setSupportsEnabled] = useState(true);
  const [supportsPerResident, setSupportsPerResident] = useState('5');
  const [threshold, setThreshold] = useState('2');
  const [method, setMethod] = useState<'knapsack' | 'approval'>('knapsack');
  const [maxSelections, setMaxSelections] = useState('');
  const [revoting, setRevoting] = useState(true);
  const [rule, setRule] = useState<'greedy' | 'equal-shares'>('greedy');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...serverFieldErrors(error), ...errors };

  function changeDistrict(key: number, field: 'id' | 'name' | 'budget', value: string) {
    setDistricts((rows) => rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  function addDistrict() {
    setDistricts((rows) => [...rows, { key: Math.max(...rows.map((r) => r.key)) + 1, id: '', name: '', budget: '' }]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      title,
      description,
      districts: districts.map((d) => ({ id: d.id.trim(), name: d.name, budget: whole(d.budget) })),
      rules: {
        minAge: whole(minAge),
        proposals: { perResident: whole(perResident), minCost: whole(minCost), maxCost: whole(maxCost) },
        supports: { enabled: supportsEnabled, perResident: whole(supportsPerResident), threshold: whole(threshold) },
        ballot: {
          method,
          maxSelections: maxSelections.trim() ? whole(maxSelections) : null,
          minSelections: 0,
          minSpendShare: 0,
          revoting,
        },
        counting: { rule, completion: 'add1' as const, utility: 'cost' as const },
      },
    };
    const parsed = createEditionRequest.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    // A district id is a slug; say which form it takes rather than "wrong format".
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const [first, index, field] = issue.path;
      if (first === 'districts' && field === 'id' && issue.code === 'invalid_format') {
        found[`districts.${String(index)}.id`] = t('admin.form.districtIdFormat');
      }
    }
    setErrors(found);
    if (!parsed.success) {
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`edition-${first.replaceAll('.', '-')}`)?.focus();
      return;
    }
    onSubmit(body);
  }

  const count = Object.keys(errors).length;
  return (
    <form className="form" onSubmit={submit} noValidate>
      {count > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('validation.summary', { count })}
        </p>
      ) : null}
      <TextField
        id="edition-title"
        label={t('admin.form.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={shown['title']}
      />
      <TextArea
        id="edition-description"
        label={t('admin.form.description')}
        hint={t('proposalForm.optional')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={shown['description']}
        rows={3}
      />
      <fieldset>
        <legend>{t('admin.form.districts')}</legend>
        {shown['districts'] ? <p className="field-error">{shown['districts']}</p> : null}
        {districts.map((d, index) => (
          <div
            key={d.key}
            className="district-row"
            role="group"
            aria-label={t('admin.form.districtN', { n: index + 1 })}
          >
            <TextField
              id={`edition-districts-${index}-id`}
              label={t('admin.form.districtId')}
              hint={t('admin.form.districtIdHint')}
              value={d.id}
              onChange={(e) => changeDistrict(d.key, 'id', e.target.value)}
              error={shown[`districts.${index}.id`]}
              autoCapitalize="none"
            />
            <TextField
              id={`edition-districts-${index}-name`}
              label={t('admin.form.districtName')}
              value={d.name}
              onChange={(e) => changeDistrict(d.key, 'name', e.target.value)}
              error={shown[`districts.${index}.name`]}
            />
            <TextField
              id={`edition-districts-${index}-budget`}
              label={t('admin.form.districtBudget')}
              value={d.budget}
              onChange={(e) => changeDistrict(d.key, 'budget', e.target.value)}
              error={shown[`districts.${index}.budget`]}
              inputMode="numeric"
            />
            {districts.length > 1 ? (
              <button
                type="button"
                className="button secondary small"
                onClick={() => setDistricts((rows) => rows.filter((row) => row.key !== d.key))}
              >
                {t('admin.form.removeDistrict', { n: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button secondary" onClick={addDistrict}>
          {t('admin.form.addDistrict')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('admin.form.participation')}</legend>
        <TextField
          id="edition-rules-minAge"
          label={t('admin.form.minAge')}
          value={minAge}
          onChange={(e) => setMinAge(e.target.value)}
          error={shown['rules.minAge']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-perResident"
          label={t('admin.form.proposalsPerResident')}
          value={perResident}
          onChange={(e) => setPerResident(e.target.value)}
          error={shown['rules.proposals.perResident']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-minCost"
          label={t('admin.form.minCost')}
          value={minCost}
          onChange={(e) => setMinCost(e.target.value)}
          error={shown['rules.proposals.minCost']}
          inputMode="numeric"
        />
        <TextField
          id="edition-rules-proposals-maxCost"
          label={t('admin.form.maxCost')}
          value={maxCost}
          onChange={(e) => setMaxCost(e.target.value)}
          error={shown['rules.proposals.maxCost']}
          inputMode="numeric"
        />
      </fieldset>
      <fieldset>
        <legend>{t('admin.form.supports')}</legend>
        <label className="choice">
          <input type="checkbox" checked={supportsEnabled} onChange={(e) => setSupportsEnabled(e.target.checked)} />{' '}
          {t('admin.form.supportsEnabled')}
        </label>
        {supportsEnabled ? (
          <>
            <TextField
              id="edition-rules-supports-perResident"
              label={t('admin.form.supportsPerResident')}
              value={supportsPerResident}
              onChange={(e) => setSupportsPerResident(e.target.value)}
              error={shown['rules.supports.perResident']}
              inputMode="numeric"
            />
            <TextField
              id="edition-rules-supports-threshold"
              label={t('admin.form.threshold')}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
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
          value={method}
          onChange={(e) => setMethod(e.target.value as 'knapsack' | 'approval')}
        >
          <option value="knapsack">{t('admin.form.knapsack')}</option>
          <option value="approval">{t('admin.form.approval')}</option>
        </SelectField>
        <TextField
          id="edition-rules-ballot-maxSelections"
          label={t('admin.form.maxSelections')}
          hint={method === 'approval' ? t('admin.form.maxSelectionsRequired') : t('proposalForm.optional')}
          value={maxSelections}
          onChange={(e) => setMaxSelections(e.target.value)}
          error={shown['rules.ballot.maxSelections']}
          inputMode="numeric"
        />
        <label className="choice">
          <input type="checkbox" checked={revoting} onChange={(e) => setRevoting(e.target.checked)} />{' '}
          {t('admin.form.revoting')}
        </label>
        <SelectField
          id="edition-rules-counting-rule"
          label={t('admin.form.counting')}
          value={rule}
          onChange={(e) => setRule(e.target.value as 'greedy' | 'equal-shares')}
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

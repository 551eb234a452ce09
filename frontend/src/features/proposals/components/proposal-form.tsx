import type { EditionView, ProposalView, SubmitProposalRequest } from '@decidimos/contracts/api/schemas';
import { submitProposalRequest } from '@decidimos/contracts/api/schemas';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/form-errors';

export interface ProposalFormValues {
  title: string;
  description: string;
  district: string;
  estimatedCost: string;
  category: string;
  location: string;
  authorDisplayName: string;
}

interface ProposalFormProps {
  edition: EditionView;
  initial: ProposalFormValues;
  /** Editing hides the author name: it is chosen once, when submitting. */
  mode: 'submit' | 'edit';
  pending: boolean;
  error: unknown;
  onSubmit: (proposal: SubmitProposalRequest) => void;
}

export function proposalFormValues(
  proposal: ProposalView | null,
  district: string | null,
  displayName: string,
): ProposalFormValues {
  return {
    title: proposal?.title ?? '',
    description: proposal?.description ?? '',
    district: proposal?.district ?? district ?? '',
    estimatedCost: proposal ? String(proposal.estimatedCost) : '',
    category: proposal?.category ?? '',
    location: proposal?.location ?? '',
    authorDisplayName: displayName,
  };
}

/** Pesos typed the way people type them: "1,200,000", "$ 450 000" or "450000". */
function parsePesos(text: string): number {
  const digits = text.replace(/[\s$,.']/g, '');
  return digits === '' || !/^\d+$/.test(digits) ? Number.NaN : Number(digits);
}

/** Checks every field before sending, with the contract's schema, and shows each message next to its field. */
export function ProposalForm({ edition, initial, mode, pending, error, onSubmit }: ProposalFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { minCost, maxCost } = edition.rules.proposals;
  const shown = { ...serverFieldErrors(error), ...errors };

  const set = (field: keyof ProposalFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      title: values.title,
      description: values.description,
      district: values.district,
      estimatedCost: parsePesos(values.estimatedCost),
      category: values.category.trim() || null,
      location: values.location.trim() || null,
      ...(mode === 'submit' && values.authorDisplayName.trim() ? { authorDisplayName: values.authorDisplayName } : {}),
    };
    const parsed = submitProposalRequest.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (Number.isNaN(body.estimatedCost)) found['estimatedCost'] = t('validation.pesos');
    else if (body.estimatedCost < minCost || body.estimatedCost > maxCost) {
      found['estimatedCost'] = t('validation.costRange', { min: format.money(minCost), max: format.money(maxCost) });
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`proposal-${first}`)?.focus();
      return;
    }
    onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      {Object.keys(errors).length > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('validation.summary', { count: Object.keys(errors).length })}
        </p>
      ) : null}
      <TextField
        id="proposal-title"
        label={t('proposalForm.title')}
        hint={t('proposalForm.titleHint')}
        value={values.title}
        onChange={set('title')}
        error={shown['title']}
        required
        maxLength={150}
      />
      <TextArea
        id="proposal-description"
        label={t('proposalForm.description')}
        hint={t('proposalForm.descriptionHint')}
        value={values.description}
        onChange={set('description')}
        error={shown['description']}
        required
        rows={6}
      />
      <SelectField
        id="proposal-district"
        label={t('proposalForm.district')}
        value={values.district}
        onChange={set('district')}
        error={shown['district']}
        required
      >
        <option value="">{t('proposalForm.chooseDistrict')}</option>
        {edition.districts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="proposal-estimatedCost"
        label={t('proposalForm.cost')}
        hint={t('proposalForm.costHint', { min: format.money(minCost), max: format.money(maxCost) })}
        value={values.estimatedCost}
        onChange={set('estimatedCost')}
        error={shown['estimatedCost']}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField
        id="proposal-category"
        label={t('proposalForm.category')}
        hint={t('proposalForm.optional')}
        value={values.category}
        onChange={set('category')}
        error={shown['category']}
      />
      <TextField
        id="proposal-location"
        label={t('proposalForm.location')}
        hint={t('proposalForm.locationHint')}
        value={values.location}
        onChange={set('location')}
        error={shown['location']}
      />
      {mode === 'submit' ? (
        <TextField
          id="proposal-authorDisplayName"
          label={t('proposalForm.authorName')}
          hint={t('proposalForm.authorNameHint')}
          value={values.authorDisplayName}
          onChange={set('authorDisplayName')}
          error={shown['authorDisplayName']}
          autoComplete="nickname"
        />
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('common.sending') : mode === 'submit' ? t('proposalForm.submit') : t('proposalForm.save')}
        </button>
      </div>
    </form>
  );
}

import type { EditionView, ProposalView, SubmitProposalRequest } from '@decidimos/contracts/api/schemas';
import { submitProposalRequest } from '@decidimos/contracts/api/schemas';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, TextArea, TextField } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { editionPools } from '../../../lib/api/get-edition';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';

export interface ProposalFormValues {
  title: string;
  description: string;
  district: string;
  estimatedCost: string;
  category: string;
  location: string;
}

interface ProposalFormProps {
  edition: EditionView;
  initial: ProposalFormValues;
  mode: 'submit' | 'edit';
  /** When submitting: the author's public name as it will show (null: anonymous), set on the account page. */
  publicName?: string | null;
  pending: boolean;
  error: unknown;
  onSubmit: (proposal: SubmitProposalRequest) => void;
}

export function proposalFormValues(proposal: ProposalView | null, district: string | null): ProposalFormValues {
  return {
    title: proposal?.title ?? '',
    description: proposal?.description ?? '',
    district: proposal?.district ?? district ?? '',
    estimatedCost: proposal ? String(proposal.estimatedCost) : '',
    category: proposal?.category ?? '',
    location: proposal?.location ?? '',
  };
}

/** Pesos typed the way people type them: "1,200,000", "$ 450 000" or "450000". */
function parsePesos(text: string): number {
  const digits = text.replace(/[\s$,.']/g, '');
  return digits === '' || !/^\d+$/.test(digits) ? Number.NaN : Number(digits);
}

/** Checks every field before sending, with the contract's schema, and shows each message next to its field. */
export function ProposalForm({
  edition,
  initial,
  mode,
  publicName = null,
  pending,
  error,
  onSubmit,
}: ProposalFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { minCost, maxCost } = edition.rules.proposals;
  const form = useForm<ProposalFormValues, unknown, SubmitProposalRequest>({
    // Messages change when the form is sent again, not while someone types (the summary is a live alert).
    reValidateMode: 'onSubmit',
    defaultValues: initial,
    resolver: contractResolver(
      {
        schema: submitProposalRequest,
        toRequest: (values) => ({
          title: values.title,
          description: values.description,
          district: values.district,
          estimatedCost: parsePesos(values.estimatedCost),
          category: values.category.trim() || null,
          location: values.location.trim() || null,
        }),
        extra: ({ estimatedCost }) => {
          if (Number.isNaN(estimatedCost)) return [{ path: ['estimatedCost'], message: t('validation.pesos') }];
          if (estimatedCost >= minCost && estimatedCost <= maxCost) return [];
          const message = t('validation.costRange', { min: format.money(minCost), max: format.money(maxCost) });
          return [{ path: ['estimatedCost'], message }];
        },
      },
      t,
    ),
  });
  const errors = formErrorMessages(form.formState.errors);
  const shown = { ...serverFieldErrors(error), ...errors };
  const count = Object.keys(errors).length;

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="form">
      {count > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('validation.summary', { count })}
        </p>
      ) : null}
      <TextField
        id="proposal-title"
        label={t('proposalForm.title')}
        hint={t('proposalForm.titleHint')}
        {...form.register('title')}
        error={shown['title']}
        required
        maxLength={150}
      />
      <TextArea
        id="proposal-description"
        label={t('proposalForm.description')}
        hint={t('proposalForm.descriptionHint')}
        {...form.register('description')}
        error={shown['description']}
        required
        rows={6}
      />
      <SelectField
        id="proposal-district"
        label={t('proposalForm.district')}
        {...form.register('district')}
        error={shown['district']}
        required
      >
        <option value="">{t('proposalForm.chooseDistrict')}</option>
        {editionPools(edition).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="proposal-estimatedCost"
        label={t('proposalForm.cost')}
        hint={t('proposalForm.costHint', { min: format.money(minCost), max: format.money(maxCost) })}
        {...form.register('estimatedCost')}
        error={shown['estimatedCost']}
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField
        id="proposal-category"
        label={t('proposalForm.category')}
        hint={t('proposalForm.optional')}
        {...form.register('category')}
        error={shown['category']}
      />
      <TextField
        id="proposal-location"
        label={t('proposalForm.location')}
        hint={t('proposalForm.locationHint')}
        {...form.register('location')}
        error={shown['location']}
      />
      {mode === 'submit' ? (
        <p className="hint">
          {publicName === null ? t('proposalForm.shownAnonymous') : t('proposalForm.shownAs', { name: publicName })}{' '}
          <Link to={paths.account()}>{t('proposalForm.changePublicName')}</Link>
        </p>
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

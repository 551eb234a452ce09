import type { EditionView, ProposalView } from '@decidimos/contracts/api/schemas';
import { assessmentRequest } from '@decidimos/contracts/api/schemas';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { TextArea, TextField } from '../../../components/fields';
import { NextSteps } from '../../../components/next-steps';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { contractResolver, formErrorMessages, serverFieldErrors } from '../../../lib/form-errors';
import { paths } from '../../../lib/paths';
import { useAssessProposal } from '../api/assess-proposal';
import { useReviewT } from '../../../lib/i18n/review';

interface AssessmentFormValues {
  feasible: 'yes' | 'no' | '';
  cost: string;
  reason: string;
  technical: string;
  legal: string;
  financial: string;
}

/** The committee's verdict: feasible or not, the final cost, and a public reason. */
export function AssessmentForm({ edition, proposal }: { edition: EditionView; proposal: ProposalView }) {
  const { t } = useTranslation();
  const rt = useReviewT();
  const format = useFormat();
  const assess = useAssessProposal();
  const form = useForm<AssessmentFormValues, unknown, z.output<typeof assessmentRequest>>({
    // Messages change when the form is sent again, not while someone types (the summary is a live alert).
    reValidateMode: 'onSubmit',
    defaultValues: {
      feasible: '',
      cost: String(proposal.estimatedCost),
      reason: '',
      technical: '',
      legal: '',
      financial: '',
    },
    resolver: contractResolver(
      {
        schema: assessmentRequest,
        toRequest: (values) => ({
          feasible: values.feasible === 'yes' ? true : values.feasible === 'no' ? false : undefined,
          cost: Number(values.cost.replace(/[\s$,]/g, '')),
          reason: values.reason,
          technical: values.technical.trim() || null,
          legal: values.legal.trim() || null,
          financial: values.financial.trim() || null,
        }),
        reword: (issue) => (issue.path[0] === 'feasible' ? rt('chooseVerdict') : undefined),
      },
      t,
    ),
  });
  const shown = { ...serverFieldErrors(assess.error), ...formErrorMessages(form.formState.errors) };

  if (assess.data) {
    return (
      <NextSteps title={rt('recorded')}>
        <p>{assess.data.assessment?.feasible ? rt('next.feasible') : rt('next.unfeasible')}</p>
        <p>
          <Link to={paths.review(edition.id)}>{rt('backToQueue')}</Link>
        </p>
      </NextSteps>
    );
  }

  return (
    <form
      className="form"
      onSubmit={form.handleSubmit((assessment) => assess.mutate({ proposalId: proposal.id, assessment }))}
      noValidate
    >
      <fieldset
        className={shown['feasible'] ? 'field field-invalid' : 'field'}
        aria-describedby={shown['feasible'] ? 'feasible-error' : undefined}
      >
        <legend>{rt('verdict')}</legend>
        {shown['feasible'] ? (
          <p id="feasible-error" className="field-error">
            {shown['feasible']}
          </p>
        ) : null}
        <label className="choice">
          <input type="radio" value="yes" {...form.register('feasible')} /> {t('proposal.feasible')}
        </label>
        <label className="choice">
          <input type="radio" value="no" {...form.register('feasible')} /> {t('proposal.unfeasible')}
        </label>
      </fieldset>
      <TextField
        label={rt('finalCost')}
        hint={rt('finalCostHint', { estimate: format.money(proposal.estimatedCost) })}
        {...form.register('cost')}
        error={shown['cost']}
        inputMode="numeric"
        required
      />
      <TextArea
        label={rt('reason')}
        hint={rt('reasonHint')}
        {...form.register('reason')}
        error={shown['reason']}
        required
      />
      <TextArea
        label={t('proposal.aspect.technical')}
        hint={t('proposalForm.optional')}
        {...form.register('technical')}
        error={shown['technical']}
        rows={3}
      />
      <TextArea
        label={t('proposal.aspect.legal')}
        hint={t('proposalForm.optional')}
        {...form.register('legal')}
        error={shown['legal']}
        rows={3}
      />
      <TextArea
        label={t('proposal.aspect.financial')}
        hint={t('proposalForm.optional')}
        {...form.register('financial')}
        error={shown['financial']}
        rows={3}
      />
      {assess.error ? <ProblemAlert error={assess.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={assess.isPending}>
          {assess.isPending ? t('common.sending') : rt('record')}
        </button>
      </div>
    </form>
  );
}

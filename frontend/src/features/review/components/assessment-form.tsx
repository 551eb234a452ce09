import type { EditionView, ProposalView } from '@decidimos/contracts/api/schemas';
import { assessmentRequest } from '@decidimos/contracts/api/schemas';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextArea, TextField } from '../../../components/fields';
import { NextSteps } from '../../../components/next-steps';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/form-errors';
import { useAssessProposal } from '../api/assess-proposal';
import { paths } from '../../../lib/paths';

/** The committee's verdict: feasible or not, the final cost, and a public reason. */
export function AssessmentForm({ edition, proposal }: { edition: EditionView; proposal: ProposalView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const assess = useAssessProposal();
  const [feasible, setFeasible] = useState<'yes' | 'no' | ''>('');
  const [cost, setCost] = useState(String(proposal.estimatedCost));
  const [reason, setReason] = useState('');
  const [technical, setTechnical] = useState('');
  const [legal, setLegal] = useState('');
  const [financial, setFinancial] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...serverFieldErrors(assess.error), ...errors };

  if (assess.data) {
    return (
      <NextSteps title={t('review.recorded')}>
        <p>{assess.data.assessment?.feasible ? t('review.next.feasible') : t('review.next.unfeasible')}</p>
        <p>
          <Link to={paths.review(edition.id)}>{t('review.backToQueue')}</Link>
        </p>
      </NextSteps>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      feasible: feasible === 'yes' ? true : feasible === 'no' ? false : undefined,
      cost: Number(cost.replace(/[\s$,]/g, '')),
      reason,
      technical: technical.trim() || null,
      legal: legal.trim() || null,
      financial: financial.trim() || null,
    };
    const parsed = assessmentRequest.safeParse(body);
    const found = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (body.feasible === undefined) found['feasible'] = t('review.chooseVerdict');
    setErrors(found);
    if (!parsed.success) return;
    assess.mutate({ proposalId: proposal.id, assessment: parsed.data });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset
        className={shown['feasible'] ? 'field field-invalid' : 'field'}
        aria-describedby={shown['feasible'] ? 'feasible-error' : undefined}
      >
        <legend>{t('review.verdict')}</legend>
        {shown['feasible'] ? (
          <p id="feasible-error" className="field-error">
            {shown['feasible']}
          </p>
        ) : null}
        <label className="choice">
          <input
            type="radio"
            name="feasible"
            value="yes"
            checked={feasible === 'yes'}
            onChange={() => setFeasible('yes')}
          />{' '}
          {t('proposal.feasible')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="feasible"
            value="no"
            checked={feasible === 'no'}
            onChange={() => setFeasible('no')}
          />{' '}
          {t('proposal.unfeasible')}
        </label>
      </fieldset>
      <TextField
        label={t('review.finalCost')}
        hint={t('review.finalCostHint', { estimate: format.money(proposal.estimatedCost) })}
        value={cost}
        onChange={(e) => setCost(e.target.value)}
        error={shown['cost']}
        inputMode="numeric"
        required
      />
      <TextArea
        label={t('review.reason')}
        hint={t('review.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={shown['reason']}
        required
      />
      <TextArea
        label={t('proposal.aspect.technical')}
        hint={t('proposalForm.optional')}
        value={technical}
        onChange={(e) => setTechnical(e.target.value)}
        error={shown['technical']}
        rows={3}
      />
      <TextArea
        label={t('proposal.aspect.legal')}
        hint={t('proposalForm.optional')}
        value={legal}
        onChange={(e) => setLegal(e.target.value)}
        error={shown['legal']}
        rows={3}
      />
      <TextArea
        label={t('proposal.aspect.financial')}
        hint={t('proposalForm.optional')}
        value={financial}
        onChange={(e) => setFinancial(e.target.value)}
        error={shown['financial']}
        rows={3}
      />
      {assess.error ? <ProblemAlert error={assess.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={assess.isPending}>
          {assess.isPending ? t('common.sending') : t('review.record')}
        </button>
      </div>
    </form>
  );
}

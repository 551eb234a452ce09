import type { MeResponse, ProposalView } from '@decidimos/contracts/api/schemas';
import { REPORT_REASONS, type ReportReason } from '@decidimos/contracts/proposals/texts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '../../../components/fields';
import { ProblemAlert } from '../../../components/problem-alert';
import { useModerationT } from '../../../lib/i18n/moderation';
import { useReportProposal } from '../api/report-proposal';

/** A logged-in resident reports a proposal: a reason from the list, and details only the moderators see. */
export function ReportProposal({ proposal, me }: { proposal: ProposalView; me: MeResponse | null }) {
  const t = useModerationT();
  const { t: shell } = useTranslation();
  const report = useReportProposal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('personal-data');
  const [details, setDetails] = useState('');
  if (!me || proposal.moderation.hidden) return null;
  if (report.isSuccess) {
    return (
      <p role="status" className="alert alert-success">
        {t('report.sent')}
      </p>
    );
  }
  if (!open) {
    return (
      <p>
        <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
          {t('report.open')}
        </button>
      </p>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    report.mutate({ proposalId: proposal.id, report: { reason, ...(details.trim() ? { details } : {}) } });
  }

  return (
    <form className="form now" onSubmit={submit} noValidate aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <p>{t('report.lead')}</p>
      <fieldset>
        <legend>{t('report.reason')}</legend>
        {REPORT_REASONS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="report-reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />{' '}
            {t(`report.reasons.${value}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        id="report-details"
        label={t('report.details')}
        hint={t('report.detailsHint')}
        value={details}
        maxLength={2000}
        onChange={(e) => setDetails(e.target.value)}
      />
      {report.error ? <ProblemAlert error={report.error} /> : null}
      <div className="actions">
        <button type="submit" className="button" disabled={report.isPending}>
          {t('report.send')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {shell('common.cancel')}
        </button>
      </div>
    </form>
  );
}

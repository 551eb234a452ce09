import type { ModerationQueue as Queue } from '@decidimos/contracts/api/moderation';
import type { EditionView } from '@decidimos/contracts/api/schemas';
import { PROPOSAL_TEXT_FIELDS, type ProposalTextField } from '@decidimos/contracts/proposals/texts';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextArea } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { useModerationT } from '../../../lib/i18n/moderation';
import { paths } from '../../../lib/paths';
import { useModerationQueue } from '../api/get-moderation-queue';
import { useModerateProposal, type ModerationAction } from '../api/moderate-proposal';

type Item = Queue['items'][number];

/** Reported and hidden proposals, longest waiting first, each with its reports and the moderator's actions. */
export function ModerationQueue({ edition }: { edition: EditionView }) {
  const t = useModerationT();
  const queue = useModerationQueue(edition.id);
  if (queue.isPending) return <Loading />;
  if (queue.error) return <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <>
      <p role="status" className="result-count">
        {t('queue.count', { count: queue.data.total })}
      </p>
      {queue.data.total === 0 ? <p>{t('queue.empty')}</p> : null}
      <ul className="cards">
        {queue.data.items.map((item) => (
          <li key={item.proposal.id} className="card">
            <QueueItem item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

function QueueItem({ item }: { item: Item }) {
  const t = useModerationT();
  const format = useFormat();
  const { proposal, reports } = item;
  const titleId = `moderate-${proposal.id}`;
  return (
    <article aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        <Link to={paths.proposal(proposal.id)}>{proposal.title}</Link>
      </h2>
      {proposal.moderation.hidden ? (
        <p className="card-meta">{t('queue.hiddenNow', { reason: proposal.moderation.hidden.reason })}</p>
      ) : null}
      {reports.length > 0 ? (
        <>
          <h3>{t('queue.reports', { count: reports.length })}</h3>
          <ul className="plain-list">
            {reports.map((report) => (
              <li key={report.id}>
                <strong>{t(`report.reasons.${report.reason}`)}</strong> · {format.dateTime(report.at)}
                <p className="prose">{report.details ?? t('queue.noDetails')}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ActionForm item={item} labelledBy={titleId} />
    </article>
  );
}

function ActionForm({ item, labelledBy }: { item: Item; labelledBy: string }) {
  const t = useModerationT();
  const moderate = useModerateProposal();
  const { proposal } = item;
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<ProposalTextField[]>([]);
  const [problem, setProblem] = useState<string>();
  const id = (name: string) => `${name}-${proposal.id}`;

  function act(action: ModerationAction) {
    if (reason.trim().length < 5) return setProblem(t('queue.reasonTooShort'));
    if (action.action === 'redact' && action.fields.length === 0) return setProblem(t('queue.pickField'));
    setProblem(undefined);
    moderate.mutate({ ...action, proposalId: proposal.id, reason: reason.trim() });
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act({ action: proposal.moderation.hidden ? 'restore' : 'hide' });
  };
  const toggle = (field: ProposalTextField) =>
    setFields((chosen) => (chosen.includes(field) ? chosen.filter((f) => f !== field) : [...chosen, field]));

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      <TextArea
        id={id('reason')}
        label={t('queue.reason')}
        hint={t('queue.reasonHint')}
        value={reason}
        rows={2}
        maxLength={1000}
        error={problem}
        onChange={(e) => setReason(e.target.value)}
      />
      <fieldset>
        <legend>{t('queue.redactFields')}</legend>
        {PROPOSAL_TEXT_FIELDS.map((field) => (
          <label key={field} className="choice">
            <input type="checkbox" checked={fields.includes(field)} onChange={() => toggle(field)} />{' '}
            {t(`notice.fields.${field}`)}
          </label>
        ))}
      </fieldset>
      {moderate.error ? <ProblemAlert error={moderate.error} /> : null}
      {moderate.isSuccess ? (
        <p role="status" className="alert alert-success">
          {t('queue.done', { title: moderate.data.title })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button danger" disabled={moderate.isPending}>
          {proposal.moderation.hidden ? t('queue.restore') : t('queue.hide')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={moderate.isPending}
          onClick={() => act({ action: 'redact', fields })}
        >
          {t('queue.redact')}
        </button>
        {item.reports.length > 0 ? (
          <button
            type="button"
            className="button secondary"
            disabled={moderate.isPending}
            onClick={() => act({ action: 'dismiss-reports' })}
          >
            {t('queue.dismiss')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

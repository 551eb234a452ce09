import type { ReceiptProof } from '@decidimos/contracts/audit/audit-documents';
import { parseReceipt } from '@decidimos/contracts/events/public-event';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useEdition } from '../../../lib/api/get-edition';
import { useProposal } from '../../../lib/api/get-proposal';
import { ApiError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { phaseAtLeast } from '@decidimos/contracts/editions/phases';
import { treeHeadReason } from '../../../lib/tree-head-reason';
import { useReceiptProof } from '../api/get-receipt-proof';
import { receiptVerdict, type ReceiptVerdict } from '../verify';
import { paths } from '../../../lib/paths';
import { useReceiptsT } from '../../../lib/i18n/receipts';

/** Type or paste a receipt; the page address keeps it, so a saved link checks again later. */
export function ReceiptCheck({ receipt }: { receipt: string }) {
  const tr = useReceiptsT();
  const navigate = useNavigate();
  const [text, setText] = useState(receipt);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!parseReceipt(value)) {
      setError(tr('malformed'));
      return;
    }
    setError(undefined);
    void navigate(paths.receipts(value));
  }

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="receipt-input"
          label={tr('label')}
          hint={tr('hint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
        <div className="actions">
          <button type="submit" className="button">
            {tr('check')}
          </button>
        </div>
      </form>
      {receipt ? <ReceiptResult key={receipt} receipt={receipt} /> : null}
    </>
  );
}

type Tone = 'success' | 'info' | 'error';

/** One answer to "is my vote in the record?": `state` names it for tests and assistive tools alike. */
function Outcome({
  receipt,
  state,
  tone,
  title,
  children,
}: {
  receipt: string;
  state: string;
  tone: Tone;
  title: string;
  children: ReactNode;
}) {
  const tr = useReceiptsT();
  return (
    <section className={`alert alert-${tone}`} data-state={state} aria-labelledby="receipt-result">
      <h2 id="receipt-result" className="alert-title">
        {title}
      </h2>
      {children}
      {/* The field shows only part of a long receipt: here it is whole, to compare with the paper. */}
      <p className="hint">
        {tr('checked')} <span className="mono">{receipt}</span>
      </p>
    </section>
  );
}

function ReceiptResult({ receipt }: { receipt: string }) {
  const tr = useReceiptsT();
  const parsed = parseReceipt(receipt);
  const proof = useReceiptProof(parsed ? receipt : '');
  if (!parsed) return <Invalid receipt={receipt} />;
  if (proof.isPending) return <Loading label={tr('checking')} />;
  if (proof.error) {
    if (proof.error instanceof ApiError && proof.error.status === 404) {
      return (
        <Outcome receipt={receipt} state="not-found" tone="info" title={tr('notFoundTitle')}>
          <p>{tr('notFound')}</p>
          <p>{tr('notFoundNext')}</p>
        </Outcome>
      );
    }
    if (proof.error instanceof ApiError && proof.error.status === 400) return <Invalid receipt={receipt} />;
    return <ProblemAlert error={proof.error} onRetry={() => void proof.refetch()} />;
  }
  const verdict = receiptVerdict(parsed, proof.data);
  if (verdict.state === 'pending') return <Pending receipt={receipt} answer={proof.data} />;
  if (verdict.state === 'failed') return <Failed receipt={receipt} verdict={verdict} />;
  return <Verified receipt={receipt} answer={proof.data} verdict={verdict} />;
}

function Invalid({ receipt }: { receipt: string }) {
  const tr = useReceiptsT();
  return (
    <Outcome receipt={receipt} state="invalid" tone="error" title={tr('invalidTitle')}>
      <p>{tr('invalid')}</p>
    </Outcome>
  );
}

function Verified({
  receipt,
  answer,
  verdict,
}: {
  receipt: string;
  answer: ReceiptProof;
  verdict: Extract<ReceiptVerdict, { state: 'verified' }>;
}) {
  const { t } = useTranslation();
  const tr = useReceiptsT();
  const format = useFormat();
  const head = verdict.treeHead;
  return (
    <Outcome receipt={receipt} state="verified" tone="success" title={tr('verifiedTitle')}>
      <p>
        {tr('verified', {
          position: format.number(answer.leafIndex + 1),
          size: format.number(head.treeSize),
          when: format.dateTime(head.timestamp),
          reason: treeHeadReason(head.reason, t),
        })}
      </p>
      <WhatCounted answer={answer} />
      <p className="hint">{tr('verifiedHow', { keyId: head.keyId })}</p>
      <p>
        <Link to={paths.audit(answer.editionId)}>{tr('treeHeads')}</Link>
      </p>
    </Outcome>
  );
}

/** Recorded, but no signed head covers it yet: one is signed within the interval the server names. */
function Pending({ receipt, answer }: { receipt: string; answer: ReceiptProof }) {
  const tr = useReceiptsT();
  const format = useFormat();
  return (
    <Outcome receipt={receipt} state="pending" tone="info" title={tr('pendingTitle')}>
      <p>{tr('pending', { position: format.number(answer.leafIndex + 1) })}</p>
      <p>{tr('pendingWithin', { minutes: format.number(Math.ceil(answer.treeHeadIntervalSeconds / 60)) })}</p>
      <WhatCounted answer={answer} />
    </Outcome>
  );
}

/**
 * While voting is open a ballot is sealed, and the page says so; once voting has closed,
 * what the ballot counted for (its published opening), or that a later one replaced it
 * (a replaced ballot is never opened).
 */
function WhatCounted({ answer }: { answer: ReceiptProof }) {
  const tr = useReceiptsT();
  const edition = useEdition(answer.editionId);
  if (answer.replaced) return <p data-testid="receipt-replaced">{tr('replaced')}</p>;
  if (answer.counted) {
    const { selections } = answer.counted;
    if (selections.length === 0) return <p data-testid="receipt-counted">{tr('countedEmpty')}</p>;
    return (
      <div data-testid="receipt-counted">
        <p>{tr('counted')}</p>
        <ul>
          {selections.map((proposalId) => (
            <CountedProposal key={proposalId} proposalId={proposalId} />
          ))}
        </ul>
      </div>
    );
  }
  if (!edition.data) return null;
  const closed = phaseAtLeast(edition.data.phase, 'counting');
  return <p data-testid="receipt-sealed">{tr(closed ? 'notCounted' : 'sealed')}</p>;
}

/** A counted proposal by its title (its id until the title arrives, or if it cannot). */
function CountedProposal({ proposalId }: { proposalId: string }) {
  const proposal = useProposal(proposalId);
  return <li>{proposal.data?.title ?? proposalId}</li>;
}

function Failed({ receipt, verdict }: { receipt: string; verdict: Extract<ReceiptVerdict, { state: 'failed' }> }) {
  const tr = useReceiptsT();
  return (
    <Outcome receipt={receipt} state="failed" tone="error" title={tr('failedTitle')}>
      <p>{tr(verdict.cause === 'mismatch' ? 'mismatch' : 'proofFails')}</p>
      <p>{tr('failedMeans')}</p>
      <p>{tr('failedNext')}</p>
      <details>
        <summary>{tr('findings')}</summary>
        {/* The verifier's findings are the CLI's English text, marked so screen readers pronounce them right. */}
        <ul lang="en">
          {verdict.findings.map((finding) => (
            <li key={finding}>{finding}</li>
          ))}
        </ul>
      </details>
    </Outcome>
  );
}

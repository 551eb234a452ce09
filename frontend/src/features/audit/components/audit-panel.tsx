import { isPublished } from '@decidimos/contracts/editions/phases';
import type { EditionView } from '@decidimos/contracts/api/schemas';
import type { TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import { findingMessage } from '@decidimos/contracts/audit/findings';
import type { Verification } from '@decidimos/contracts/audit/verify';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditT } from '../../../lib/i18n/audit';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { useFormat } from '../../../lib/format';
import { treeHeadReason } from '../../../lib/tree-head-reason';
import { exportPath, getExport } from '../api/get-export';
import { getOpenings } from '../api/get-openings';
import { getTexts } from '../api/get-texts';
import { getPublishedResults } from '../api/get-published-results';
import { treeHeadsQueryOptions, useTreeHeads } from '../api/get-tree-heads';
import { createVerifyWorker } from '../create-verify-worker';
import { headSignatures } from '../verify';
import { verifyInWorker } from '../verify-protocol';

type Check =
  | { state: 'idle' }
  | { state: 'running'; progress: { checked: number; total: number } | null }
  | { state: 'done'; verification: Verification; resultsCompared: boolean }
  | { state: 'error'; error: unknown };

/** The auditor's screen: the signed tree heads, the public log, and `decidimos-audit verify` run in the browser. */
export function AuditPanel({ edition }: { edition: EditionView }) {
  const heads = useTreeHeads(edition.id);
  if (heads.isPending) return <Loading />;
  if (heads.error) return <ProblemAlert error={heads.error} onRetry={() => void heads.refetch()} />;
  return (
    <>
      <TreeHeads document={heads.data} />
      <ExportAndCheck edition={edition} />
    </>
  );
}

function TreeHeads({ document }: { document: TreeHeadsDocument }) {
  const { t } = useTranslation();
  const ta = useAuditT();
  const format = useFormat();
  const signatures = useMemo(() => headSignatures(document), [document]);
  return (
    <section aria-labelledby="heads-title">
      <h2 id="heads-title">{ta('audit.treeHeads')}</h2>
      <p>
        {ta('audit.key', { keyId: document.keyId })} <span className="mono">{document.publicKey}</span>
      </p>
      {document.treeHeads.length === 0 ? (
        <p>{ta('audit.noHeads')}</p>
      ) : (
        <table className="data-table responsive">
          <thead>
            <tr>
              <th scope="col">{ta('audit.reason')}</th>
              <th scope="col">{ta('audit.when')}</th>
              <th scope="col" className="numeric">
                {ta('audit.size')}
              </th>
              <th scope="col">{ta('audit.root')}</th>
              <th scope="col">{ta('audit.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {document.treeHeads.map((head, index) => (
              <tr key={`${head.treeSize}-${head.reason}`} data-testid="tree-head">
                <th scope="row">{treeHeadReason(head.reason, t)}</th>
                <td data-label={ta('audit.when')}>{format.dateTime(head.timestamp)}</td>
                <td data-label={ta('audit.size')} className="numeric">
                  {format.number(head.treeSize)}
                </td>
                <td data-label={ta('audit.root')} className="mono hash">
                  {head.rootHash}
                </td>
                <td data-label={ta('audit.signature')} data-signature={signatures[index] ? 'valid' : 'invalid'}>
                  {signatures[index] ? `✓ ${ta('audit.signatureOk')}` : `✗ ${ta('audit.signatureBad')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ExportAndCheck({ edition }: { edition: EditionView }) {
  const ta = useAuditT();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  async function verify() {
    setCheck({ state: 'running', progress: null });
    try {
      // Openings first (none while voting is open), then the export, then the heads, as the CLI
      // does: the export then holds the close of voting, and every head it records is published.
      const openingsText = await getOpenings(edition.id);
      const exportText = await getExport(edition.id);
      // After the export, so every text commitment it holds has its line.
      const textsText = await getTexts(edition.id);
      const treeHeads = await queryClient.fetchQuery({ ...treeHeadsQueryOptions(edition.id), staleTime: 0 });
      const published = isPublished(edition.phase);
      const results = published ? await getPublishedResults(edition.id) : null;
      // In a Web Worker: a city's export takes a while, and the page must stay usable meanwhile.
      const verification = await verifyInWorker(
        createVerifyWorker(),
        { exportText, treeHeads, results, openingsText, textsText },
        (progress) => setCheck({ state: 'running', progress }),
      );
      setCheck({
        state: 'done',
        verification,
        resultsCompared: published,
      });
    } catch (error) {
      setCheck({ state: 'error', error });
    }
  }

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{ta('audit.export')}</h2>
      <p>{ta('audit.exportLead')}</p>
      <div className="actions">
        <a className="button secondary" href={exportPath(edition.id)} download={`${edition.id}.jsonl`}>
          {ta('audit.download')}
        </a>
        <button type="button" className="button" onClick={() => void verify()} disabled={check.state === 'running'}>
          {ta('audit.verify')}
        </button>
      </div>
      <div aria-live="polite">
        {check.state === 'running' ? <Progress progress={check.progress} /> : null}
        {check.state === 'done' ? (
          <VerificationResult verification={check.verification} resultsCompared={check.resultsCompared} />
        ) : null}
      </div>
      {check.state === 'error' ? <ProblemAlert error={check.error} onRetry={() => void verify()} /> : null}
      <p className="hint">{ta('audit.cli')}</p>
    </section>
  );
}

/** Events checked of the export's total, once the worker has counted them. */
function Progress({ progress }: { progress: { checked: number; total: number } | null }) {
  const ta = useAuditT();
  const format = useFormat();
  if (progress === null) return <Loading label={ta('audit.verifying')} />;
  const label = ta('audit.progress', {
    checked: format.number(progress.checked),
    total: format.number(progress.total),
  });
  return (
    <div data-testid="verify-progress">
      <label htmlFor="verify-progress">{label}</label>
      <progress id="verify-progress" value={progress.checked} max={Math.max(progress.total, 1)}>
        {label}
      </progress>
    </div>
  );
}

function VerificationResult({
  verification,
  resultsCompared,
}: {
  verification: Verification;
  resultsCompared: boolean;
}) {
  // The findings' words come with the audit code (contracts/audit/findings.ts), not in the
  // first page's catalogs: only this page needs them.
  const { i18n } = useTranslation();
  const ta = useAuditT();
  const format = useFormat();
  const figures = ta('audit.figures', {
    events: format.number(verification.events),
    heads: format.number(verification.treeHeads),
    ballots: format.number(verification.ballotsCast),
    voters: format.number(verification.voters),
  });
  if (verification.ok) {
    return (
      <div className="alert alert-success" data-state="verified">
        <p className="alert-title">{ta('audit.verifiedTitle')}</p>
        <p>{figures}</p>
        <p>{ta('audit.scope')}</p>
        <p>{ta(recountNote(verification, resultsCompared))}</p>
        <TextsNote verification={verification} />
      </div>
    );
  }
  return (
    <div className="alert alert-error" data-state="failed">
      <p className="alert-title">{ta('audit.failedTitle', { count: verification.findings.length })}</p>
      <p>{figures}</p>
      <p>{ta('audit.findings')}</p>
      <ul data-testid="findings">
        {verification.findings.map((finding, index) => (
          <li key={index} data-code={finding.code}>
            {findingMessage(finding, i18n.language === 'en' ? 'en' : 'es')}
          </li>
        ))}
      </ul>
      <TextsNote verification={verification} />
      <p>{ta('audit.failedNext')}</p>
    </div>
  );
}

/** How many proposal texts matched their commitments, and which a moderator erased, with the log's reason. */
function TextsNote({ verification }: { verification: Verification }) {
  const ta = useAuditT();
  const format = useFormat();
  if (!verification.texts) return null;
  const { checked, redacted } = verification.texts;
  return (
    <>
      <p>{ta('audit.texts', { checked: format.number(checked), redacted: format.number(redacted.length) })}</p>
      {redacted.length > 0 ? (
        <ul data-testid="redacted-texts">
          {redacted.map((text) => (
            <li key={`${text.proposalId}-${text.field}`}>{ta('audit.redacted', { ...text })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function recountNote(verification: Verification, resultsCompared: boolean): string {
  if (!verification.recount) return 'audit.notCounted';
  return resultsCompared ? 'audit.recounted' : 'audit.countedNotPublished';
}

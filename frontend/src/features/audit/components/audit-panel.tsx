import type { EditionView } from '@decidimos/contracts/api/schemas';
import { verifyTreeHead } from '@decidimos/contracts/audit/tree-head';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { ApiError, NetworkError } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { exportPath, useTreeHeads, type TreeHeadList } from '../api/get-tree-heads';
import { leavesOfExport, matchesRoot } from '../verify';

type HeadCheck = { root: boolean; signature: boolean | null };
type Verification =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; events: number; checks: HeadCheck[] }
  | { state: 'error'; error: unknown };

/** The auditor's screen: the signed tree heads, the public log, and a check of one against the other. */
export function AuditPanel({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const heads = useTreeHeads(edition.id);
  if (heads.isPending) return <Loading />;
  if (heads.error) {
    if (heads.error instanceof ApiError && heads.error.status === 404) {
      return (
        <section className="alert alert-info" data-state="unavailable" aria-labelledby="audit-unavailable">
          <h2 id="audit-unavailable" className="alert-title">
            {t('audit.unavailableTitle')}
          </h2>
          <p>{t('audit.unavailable')}</p>
        </section>
      );
    }
    return <ProblemAlert error={heads.error} onRetry={() => void heads.refetch()} />;
  }
  return <AuditDetails edition={edition} heads={heads.data} />;
}

function AuditDetails({ edition, heads }: { edition: EditionView; heads: TreeHeadList }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [verification, setVerification] = useState<Verification>({ state: 'idle' });

  async function verify() {
    setVerification({ state: 'running' });
    try {
      const response = await fetch(exportPath(edition.id), { headers: { accept: 'application/x-ndjson' } });
      if (!response.ok)
        throw new ApiError({ type: 'about:blank', title: '', status: response.status, detail: '', code: 'NOT_FOUND' });
      const leaves = leavesOfExport(await response.text());
      const checks = heads.items.map((head) => ({
        root: matchesRoot(leaves, head.treeSize, head.rootHash),
        signature: heads.publicKey ? verifyTreeHead(head, heads.publicKey) : null,
      }));
      setVerification({ state: 'done', events: leaves.length, checks });
    } catch (error) {
      setVerification({ state: 'error', error: error instanceof TypeError ? new NetworkError(error) : error });
    }
  }

  const allGood = verification.state === 'done' && verification.checks.every((c) => c.root && c.signature !== false);
  return (
    <>
      <section aria-labelledby="heads-title">
        <h2 id="heads-title">{t('audit.treeHeads')}</h2>
        {heads.items.length === 0 ? <p>{t('audit.noHeads')}</p> : null}
        <table className="data-table responsive">
          <thead>
            <tr>
              <th scope="col">{t('audit.reason')}</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col" className="numeric">
                {t('audit.size')}
              </th>
              <th scope="col">{t('audit.root')}</th>
              {verification.state === 'done' ? <th scope="col">{t('audit.check')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {heads.items.map((head, index) => {
              const check = verification.state === 'done' ? verification.checks[index] : undefined;
              return (
                <tr key={`${head.treeSize}-${head.timestamp}`}>
                  <th scope="row">{head.reason}</th>
                  <td data-label={t('audit.when')}>{format.dateTime(head.timestamp)}</td>
                  <td data-label={t('audit.size')} className="numeric">
                    {format.number(head.treeSize)}
                  </td>
                  <td data-label={t('audit.root')} className="mono hash">
                    {head.rootHash}
                  </td>
                  {check ? (
                    <td data-label={t('audit.check')}>
                      {check.root ? t('audit.rootMatches') : t('audit.rootDiffers')}
                      {check.signature === null
                        ? ''
                        : ` · ${check.signature ? t('audit.signatureOk') : t('audit.signatureBad')}`}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('audit.export')}</h2>
        <p>{t('audit.exportLead')}</p>
        <div className="actions">
          <a className="button secondary" href={exportPath(edition.id)} download={`${edition.id}.jsonl`}>
            {t('audit.download')}
          </a>
          <button
            type="button"
            className="button"
            onClick={() => void verify()}
            disabled={verification.state === 'running'}
          >
            {t('audit.verify')}
          </button>
        </div>
        <div aria-live="polite">
          {verification.state === 'running' ? <Loading label={t('audit.verifying')} /> : null}
          {verification.state === 'done' ? (
            <p
              className={allGood ? 'alert alert-success' : 'alert alert-error'}
              data-state={allGood ? 'verified' : 'failed'}
            >
              {allGood
                ? t('audit.allGood', { events: format.number(verification.events), count: verification.checks.length })
                : t('audit.problemsFound')}
              {heads.publicKey ? '' : ` ${t('audit.noKey')}`}
            </p>
          ) : null}
        </div>
        {verification.state === 'error' ? (
          <ProblemAlert error={verification.error} onRetry={() => void verify()} />
        ) : null}
        <p className="hint">{t('audit.cli')}</p>
      </section>
    </>
  );
}

import type { TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { verifyEdition } from '@decidimos/contracts/audit/verify';
import { EDITION, exportText, PUBLIC_KEY, treeHead } from '../../testing/audit-fixture';
import { inProcessVerifyWorker } from '../../testing/verify-worker';
import { type VerifyMessage, type VerifyRequest, verifyInWorker } from './verify-protocol';
import { runVerification } from './verify-runner';

const treeHeads: TreeHeadsDocument = {
  editionId: EDITION,
  publicKey: PUBLIC_KEY,
  keyId: treeHead.keyId,
  treeHeads: [treeHead],
  consistency: [],
};
// A blank line and a \r\n end, as a server or a proxy may leave them.
const request: VerifyRequest = {
  exportText: `\n${exportText.replace('\n', '\r\n')}`,
  treeHeads,
  results: null,
  openingsText: null,
  textsText: null,
};

describe('the verifier worker’s side', () => {
  it('counts the events, reports progress every so many, and ends with what verifyEdition finds', () => {
    const posted: VerifyMessage[] = [];
    runVerification(request, (message) => posted.push(message), 3);
    expect(posted.slice(0, -1)).toEqual([
      { type: 'progress', checked: 0, total: 7 },
      { type: 'progress', checked: 3, total: 7 },
      { type: 'progress', checked: 6, total: 7 },
      { type: 'progress', checked: 7, total: 7 },
    ]);
    const expected = verifyEdition({ events: parseJsonLines(exportText), treeHeads, results: null });
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(posted.at(-1)).toEqual({ type: 'done', verification: expected });
  });

  it('checks the proposals’ texts when they are given, and names a malformed line', () => {
    const posted: VerifyMessage[] = [];
    runVerification({ ...request, textsText: '{"proposalId":"p1"}\n' }, (message) => posted.push(message));
    const done = posted.at(-1);
    if (done?.type !== 'done') throw new Error('not done');
    expect(done.verification.texts).toEqual({ checked: 0, redacted: [] });
    expect(done.verification.findings.map((f) => f.code)).toContain('TEXT_MALFORMED');
  });

  it('answers failed, with the reason, when the check itself throws', () => {
    const posted: VerifyMessage[] = [];
    const broken = { ...request, treeHeads: { ...treeHeads, treeHeads: null } } as unknown as VerifyRequest;
    runVerification(broken, (message) => posted.push(message));
    expect(posted.at(-1)).toEqual({ type: 'failed', message: 'published.treeHeads is not iterable' });
  });
});

describe('the page’s side', () => {
  it('passes progress on, resolves with the verification and ends the worker', async () => {
    const worker = inProcessVerifyWorker();
    const progress: { checked: number; total: number }[] = [];
    const verification = await verifyInWorker(worker, request, (p) => progress.push(p));
    expect(progress[0]).toEqual({ checked: 0, total: 7 });
    expect(progress.at(-1)).toEqual({ checked: 7, total: 7 });
    expect(verification).toEqual(verifyEdition({ events: parseJsonLines(exportText), treeHeads, results: null }));
    expect(worker.terminated).toBe(true);
  });

  it('rejects when the worker answers failed or errs, and ends it', async () => {
    const failing = inProcessVerifyWorker();
    const broken = { ...request, treeHeads: { ...treeHeads, treeHeads: null } } as unknown as VerifyRequest;
    await expect(verifyInWorker(failing, broken, () => undefined)).rejects.toThrow(
      'published.treeHeads is not iterable',
    );
    expect(failing.terminated).toBe(true);

    const erring = inProcessVerifyWorker();
    erring.postMessage = () => erring.onerror?.({ message: 'the worker script did not load' } as ErrorEvent);
    await expect(verifyInWorker(erring, request, () => undefined)).rejects.toThrow('the worker script did not load');
    expect(erring.terminated).toBe(true);
  });
});

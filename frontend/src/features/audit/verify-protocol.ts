import type { TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import { isBlankLine, parseJsonLine, parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { type Verification, editionVerifier } from '@decidimos/contracts/audit/verify';

/**
 * The audit page's Web Worker protocol. The page posts one VerifyRequest (the
 * documents, fetched in the order the CLI fetches them); the worker answers with progress
 * messages as it checks the export, then one `done` (or `failed`). The page's thread only
 * draws the progress bar, so it stays responsive on a city's export.
 */
export interface VerifyRequest {
  exportText: string;
  treeHeads: TreeHeadsDocument;
  /** null until results are published. */
  results: unknown;
  /** openings.jsonl; null while voting is open (none are published). */
  openingsText: string | null;
}

export type VerifyMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'done'; verification: Verification }
  | { type: 'failed'; message: string };

/** Events between two progress messages: often enough for a smooth bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 2_000;

/** The worker's side: verifies and posts what it finds. A plain function, tested without a Worker. */
export function runVerification(
  request: VerifyRequest,
  post: (message: VerifyMessage) => void,
  every = PROGRESS_EVERY,
): void {
  try {
    const lines = request.exportText.split('\n').filter((line) => !isBlankLine(line));
    const total = lines.length;
    const verifier = editionVerifier();
    post({ type: 'progress', checked: 0, total });
    for (const line of lines) {
      verifier.add(parseJsonLine(line));
      if (verifier.checked % every === 0) post({ type: 'progress', checked: verifier.checked, total });
    }
    const openings = request.openingsText === null ? null : parseJsonLines(request.openingsText);
    const verification = verifier.finish({ treeHeads: request.treeHeads, results: request.results, openings });
    post({ type: 'progress', checked: total, total });
    post({ type: 'done', verification });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/** What the page needs of a Worker (a real one, or the in-process one of the tests). */
export interface VerifyWorker {
  postMessage(request: VerifyRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<VerifyMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The page's side: one request to a fresh worker, progress as it comes, the verification at the end. */
export function verifyInWorker(
  worker: VerifyWorker,
  request: VerifyRequest,
  onProgress: (progress: { checked: number; total: number }) => void,
): Promise<Verification> {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data: message }) => {
      if (message.type === 'progress') {
        onProgress({ checked: message.checked, total: message.total });
        return;
      }
      worker.terminate();
      if (message.type === 'done') resolve(message.verification);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}

import type { TreeHeadsDocument } from '@decidimos/contracts/audit/audit-documents';
import type { Verification } from '@decidimos/contracts/audit/verify';

/**
 * The audit page's Web Worker protocol. The page posts one VerifyRequest (the
 * documents, fetched in the order the CLI fetches them); the worker answers with progress
 * messages as it checks the export, then one `done` (or `failed`). The page's thread only
 * draws the progress bar, so it stays responsive on a city's export; it imports types only
 * from here, and the verifier's code (verify-runner.ts) loads in the worker alone.
 */
export interface VerifyRequest {
  exportText: string;
  treeHeads: TreeHeadsDocument;
  /** null until results are published. */
  results: unknown;
  /** openings.jsonl; null while voting is open (none are published). */
  openingsText: string | null;
  /** texts.jsonl: the proposals' texts, checked against their commitments; null: not checked. */
  textsText: string | null;
}

export type VerifyMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'done'; verification: Verification }
  | { type: 'failed'; message: string };

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

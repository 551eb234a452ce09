import type { VerifyWorker } from './verify-protocol';

/** A dedicated module worker for one verification (Vite bundles verify.worker.ts and its imports apart). */
export function createVerifyWorker(): VerifyWorker {
  return new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' }) as VerifyWorker;
}

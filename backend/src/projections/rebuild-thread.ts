import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { Generations } from './generations';
import type { RebuildElsewhere } from './rebuild';

/** What the thread is asked to rebuild. */
interface PartRequest {
  names: string[];
  generations: [string, number][];
  head: number;
}

/** Its one answer: the position reached, or why it failed. */
type PartAnswer = { position: number } | { error: string };

/**
 * Rebuilds the named projections on a worker thread running `entry` (a script that calls
 * `serveRebuildPart` there), which opens stores of its own: the other core projects while
 * this one does. The thread ends with its answer; one that stops without answering fails
 * the rebuild, and one still working when the signal aborts is stopped.
 */
export function rebuildOnThread(entry: string, names: string[]): RebuildElsewhere {
  return {
    names: new Set(names),
    rebuild: (generations: Generations, head: number, signal: AbortSignal) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const request: PartRequest = { names, generations: [...generations], head };
        // Named, so `top -H` and the rebuild benchmark can tell its CPU from the others'.
        const worker = new Worker(entry, { workerData: request, name: `rebuild ${names.join(' ')}` });
        let answered = false;
        const stop = () => {
          answered = true;
          reject(signal.reason);
          void worker.terminate();
        };
        signal.addEventListener('abort', stop, { once: true });
        worker.once('exit', () => signal.removeEventListener('abort', stop));
        worker.once('message', (answer: PartAnswer) => {
          answered = true;
          if ('error' in answer) reject(new Error(answer.error));
          else resolve(answer.position);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (!answered) reject(new Error(`the rebuild's thread for ${names.join(', ')} stopped (exit code ${code})`));
        });
      }),
  };
}

/**
 * On the thread `rebuildOnThread` started: runs `rebuild` for the part asked and answers
 * once. Returns false when this is not such a thread.
 */
export function serveRebuildPart(
  rebuild: (names: string[], generations: Generations, head: number) => Promise<number>,
): boolean {
  if (!parentPort) return false;
  const port = parentPort;
  const { names, generations, head } = workerData as PartRequest;
  rebuild(names, new Map(generations), head).then(
    (position) => port.postMessage({ position } satisfies PartAnswer),
    (error: unknown) =>
      port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies PartAnswer),
  );
  return true;
}

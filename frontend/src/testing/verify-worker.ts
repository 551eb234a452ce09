import type { VerifyMessage, VerifyRequest, VerifyWorker } from '../features/audit/verify-protocol';
import { runVerification } from '../features/audit/verify-runner';

/**
 * jsdom has no Worker: this one runs the worker's side of the protocol in the test's thread,
 * with what a real worker does to messages: each arrives as a later task, structured-cloned.
 */
export function inProcessVerifyWorker(): VerifyWorker & { terminated: boolean } {
  const worker: VerifyWorker & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    terminate() {
      worker.terminated = true;
    },
    postMessage(request: VerifyRequest) {
      const received = structuredClone(request);
      setTimeout(() =>
        runVerification(received, (message: VerifyMessage) => {
          const copy = structuredClone(message);
          setTimeout(() => {
            if (!worker.terminated) worker.onmessage?.({ data: copy } as MessageEvent<VerifyMessage>);
          });
        }),
      );
    },
  };
  return worker;
}

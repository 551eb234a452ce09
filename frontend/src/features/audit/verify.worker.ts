import type { VerifyMessage, VerifyRequest } from './verify-protocol';
import { runVerification } from './verify-runner';

// The DOM lib types `self` as a Window; in a dedicated worker it is the worker's scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage(message: VerifyMessage): void;
};

scope.onmessage = (event) => runVerification(event.data, (message) => scope.postMessage(message));

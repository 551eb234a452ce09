import { hash } from 'node:crypto';
import type { Sha256 } from '../audit/sha256';

/** node:crypto's one-shot SHA-256 (native), as a plain Uint8Array like the portable hash's. */
export const nodeSha256: Sha256 = (data) => {
  const digest = hash('sha256', data, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
};

import { hash } from 'node:crypto';
import type { Sha256 } from '../audit/sha256';

/**
 * node:crypto's one-shot SHA-256 (native), as a plain Uint8Array like the portable hash's.
 * Asked for as a 'binary' (latin1) string, one character per byte, and copied once: half the time of
 * asking for a Buffer (0.5 against 1.0 µs on Node 24), over millions of leaves and nodes.
 */
export const nodeSha256: Sha256 = (data) => {
  const digest = Buffer.from(hash('sha256', data, 'binary'), 'latin1');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
};

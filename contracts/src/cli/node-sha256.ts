import { hash } from 'node:crypto';
import type { Sha256 } from '../audit/sha256';

/**
 * node:crypto's one-shot SHA-256 (native), as a plain Uint8Array of its own like the
 * portable hash's. Asked for as a 'binary' (latin1) string, one character per byte, and
 * copied into the array: 0.6 µs on Node 24 against 1.4 µs for asking for a Buffer, over
 * millions of leaves and nodes.
 */
export const nodeSha256: Sha256 = (data) => {
  const text = hash('sha256', data, 'binary');
  const digest = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) digest[i] = text.charCodeAt(i);
  return digest;
};

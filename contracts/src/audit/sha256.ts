import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of bytes, or of a string's UTF-8 bytes. */
export type Sha256 = (data: Uint8Array | string) => Uint8Array;

/** Pure JavaScript: runs in the browser and in the SPA's Web Worker. */
export const portableSha256: Sha256 = (data) => nobleSha256(typeof data === 'string' ? utf8ToBytes(data) : data);

let current: Sha256 = portableSha256;

/**
 * The platform seam of the audit code's hashing (Merkle leaves and nodes). Everything
 * starts with the portable hash; Node entry points (the decidimos-audit bin) install
 * node:crypto's native one, several times faster on a city's million events. Both give
 * the same digests (sha256.unit.spec.ts).
 */
export function useSha256(hash: Sha256): void {
  current = hash;
}

export function sha256(data: Uint8Array | string): Uint8Array {
  return current(data);
}

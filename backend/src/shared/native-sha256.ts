import { hash } from 'node:crypto';
import { useSha256 } from '@decidimos/contracts';

/**
 * The audit code hashes through a seam that starts with the portable (pure JavaScript)
 * SHA-256 the browser needs; the server, which hashes every event into the Merkle tree
 * and every ballot's commitment, uses node:crypto's native one instead (taken as a 'binary'
 * string, one character per byte, and copied into an array of its own: less than half the
 * time of asking for a Buffer).
 */
export function useNativeSha256(): void {
  useSha256((data) => {
    const text = hash('sha256', data, 'binary');
    const digest = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) digest[i] = text.charCodeAt(i);
    return digest;
  });
}

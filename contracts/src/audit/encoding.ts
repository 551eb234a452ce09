import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex, the encoding of hashes and public keys in tree heads, receipts and proofs. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Throws on odd length or non-hex characters. */
export function fromHex(hex: string): Uint8Array {
  return hexToBytes(hex);
}

// btoa/atob exist in browsers and in Node, so the SPA and the CLI share this code.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws on characters outside the base64 alphabet. */
export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

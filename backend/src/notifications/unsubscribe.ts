import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@decidimos/contracts';

/**
 * The signed token of an unsubscribe link: the contact's ref (never an iD subject), the
 * kind, and an HMAC over both, so a link works without login and cannot be made for
 * someone else or another kind.
 */
export function unsubscribeToken(key: Buffer, ref: string, kind: NotificationKind): string {
  return `${ref}.${kind}.${signature(key, ref, kind)}`;
}

export function readUnsubscribeToken(key: Buffer, token: string): { ref: string; kind: NotificationKind } | null {
  const [ref, kind, sig, ...rest] = token.split('.');
  if (!ref || !kind || !sig || rest.length > 0) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(signature(key, ref, kind as NotificationKind));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { ref, kind: kind as NotificationKind };
}

function signature(key: Buffer, ref: string, kind: string): string {
  return createHmac('sha256', key).update(`unsubscribe:${ref}:${kind}`).digest('base64url');
}

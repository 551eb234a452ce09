import { canonicalJson } from './canonical-json';
import { toHex } from './encoding';
import { hashLeafText } from './rfc6962';

/** An event as the public export carries it; only its id matters here. */
export interface LoggedEvent {
  id: string;
  [field: string]: unknown;
}

/** The Merkle leaf of an event: SHA-256(0x00 || utf8(canonical JSON of the event)). */
export function eventLeafHash(event: unknown): Uint8Array {
  return hashLeafText(canonicalJson(event));
}

/** What a resident keeps after voting: enough to ask for, and check, an inclusion proof. */
export interface Receipt {
  eventId: string;
  /** Hex. */
  leafHash: string;
}

export function receiptFor(ballotEvent: LoggedEvent): Receipt {
  return { eventId: ballotEvent.id, leafHash: toHex(eventLeafHash(ballotEvent)) };
}

import { randomUUID } from 'node:crypto';
import { canonicalJson, InvalidEventError, parseEvent, SCHEMA_VERSIONS, type DomainEvent } from '@decidimos/contracts';
import type { EventData, RecordedEvent } from '../event-store/event-store.port';

/** A recorded event with its payload validated against the catalog. */
export type StoredEvent = DomainEvent & Omit<RecordedEvent, 'type' | 'data'>;

/**
 * Validates on append: an event the catalog rejects never reaches the log, nor one the
 * audit log could not hash (RFC 8785 canonical JSON refuses lone surrogates), so no route,
 * present or future, can write an event that stops a reader. The check is here rather
 * than in the catalog's schemas because those also decode the log on read, where refusing
 * an event already recorded would stop every projection instead of the one it breaks.
 */
export function toEventData(event: DomainEvent, id: string = randomUUID()): EventData {
  const schemaVersion = SCHEMA_VERSIONS[event.type];
  const validated = parseEvent(event.type, event.data, schemaVersion);
  try {
    canonicalJson(validated.data);
  } catch (error) {
    const where = unrepresentable(validated.data).join('.') || '(root)';
    throw new InvalidEventError(event.type, [
      `${where}: not representable as canonical JSON (${(error as Error).message})`,
    ]);
  }
  return { id, type: event.type, data: validated.data as Record<string, unknown>, metadata: { schemaVersion } };
}

/** The path to the innermost value that canonical JSON refuses, so the error names the field. */
function unrepresentable(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return path;
  for (const [key, child] of Object.entries(value)) {
    // JSON leaves out an undefined member; it is not what failed.
    if (child === undefined) continue;
    try {
      canonicalJson(child);
    } catch {
      return unrepresentable(child, [...path, key]);
    }
  }
  return path;
}

/**
 * For the service's own readers of the log (the write path, the projections, the
 * notification reactor, a rebuild): an event of its type's current version passed the
 * catalog on append (toEventData), so it is not parsed again; one of an older version
 * still goes through the catalog, which upcasts or refuses it. Readers that answer the
 * public or check a log from elsewhere (the audit export, receipts) use decodeEvent.
 */
export function decodeOwnEvent(recorded: RecordedEvent): StoredEvent {
  const schemaVersion = Number(recorded.metadata['schemaVersion'] ?? 1);
  if (schemaVersion !== SCHEMA_VERSIONS[recorded.type as keyof typeof SCHEMA_VERSIONS]) return decodeEvent(recorded);
  return recorded as unknown as StoredEvent;
}

/** Validates on read: an event that other code wrote (or that was tampered with) fails loudly here. */
export function decodeEvent(recorded: RecordedEvent): StoredEvent {
  const schemaVersion = Number(recorded.metadata['schemaVersion'] ?? 1);
  const event = parseEvent(recorded.type, recorded.data, schemaVersion);
  return { ...recorded, ...event } as StoredEvent;
}

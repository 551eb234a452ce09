import { randomUUID } from 'node:crypto';
import { parseEvent, SCHEMA_VERSIONS, type DomainEvent } from '@decidimos/contracts';
import type { EventData, RecordedEvent } from '../event-store/event-store.port';

/** A recorded event with its payload validated against the catalog. */
export type StoredEvent = DomainEvent & Omit<RecordedEvent, 'type' | 'data'>;

/** Validates on append: an event the catalog rejects never reaches the log. */
export function toEventData(event: DomainEvent, id: string = randomUUID()): EventData {
  const schemaVersion = SCHEMA_VERSIONS[event.type];
  const validated = parseEvent(event.type, event.data, schemaVersion);
  return { id, type: event.type, data: validated.data as Record<string, unknown>, metadata: { schemaVersion } };
}

/** Validates on read: a log written by other code (or tampered with) fails loudly here. */
export function decodeEvent(recorded: RecordedEvent): StoredEvent {
  const schemaVersion = Number(recorded.metadata['schemaVersion'] ?? 1);
  const event = parseEvent(recorded.type, recorded.data, schemaVersion);
  return { ...recorded, ...event } as StoredEvent;
}

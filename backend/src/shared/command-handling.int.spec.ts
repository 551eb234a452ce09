import type { EventPayload } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import { openSqliteEventStore } from '../event-store/sqlite';
import { handleCommand, loadState } from './command-handling';
import type { Decider, EventMeta } from './decider';
import { eventIdsFrom } from './event-sourcing.service';
import { storePerTest } from '../testing/store-per-test';

const staff = 'a'.repeat(64);
const admin = 'b'.repeat(64);
type Grant = { type: 'RoleGranted'; data: EventPayload<'RoleGranted'> };
/** Grants whatever role it is told, every time: what a repeated request must not record twice. */
const granting: Decider<{ role: 'reviewer' | 'auditor' }, Grant, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: ({ role }) => [{ type: 'RoleGranted', data: { staff, role, by: admin } }],
};

let store: EventStore;

storePerTest('events.sqlite', async (file) => (store = await openSqliteEventStore(file)));

describe('handleCommand', () => {
  it('answers with the events it appended, their revisions, position and recorded time, reading the stream once', async () => {
    await handleCommand(store, 'staff-x', granting, { role: 'reviewer' });
    const reads = jest.spyOn(store, 'readStream');

    const result = await handleCommand(store, 'staff-x', granting, { role: 'auditor' });

    expect(reads).toHaveBeenCalledTimes(1);
    const [recorded] = await store.readStream('staff-x').then((events) => events.slice(1));
    expect(result).toEqual({
      events: [
        {
          id: recorded!.id,
          type: 'RoleGranted',
          data: { staff, role: 'auditor', by: admin },
          streamId: 'staff-x',
          revision: 1,
          metadata: { schemaVersion: 1 },
        },
      ],
      position: recorded!.position,
      recordedAt: recorded!.recordedAt,
    });
  });

  it('answers a repeat with the same deterministic ids with the first copy, and records nothing more', async () => {
    const eventId = eventIdsFrom('staff-x:key-1')!;
    const first = await handleCommand(store, 'staff-x', granting, { role: 'reviewer' }, { eventId });

    const repeat = await handleCommand(store, 'staff-x', granting, { role: 'auditor' }, { eventId });

    expect(repeat).toEqual({
      events: [expect.objectContaining(first.events[0])],
      position: first.position,
      recordedAt: first.recordedAt,
    });
    expect(repeat.events[0]).toMatchObject({ data: { role: 'reviewer' } });
    expect((await store.readStream('staff-x')).map((e) => e.data['role'])).toEqual(['reviewer']);
  });

  it("hands evolve each event's log position and time beside the event, not inside it", async () => {
    await handleCommand(store, 'staff-x', granting, { role: 'reviewer' });
    await handleCommand(store, 'staff-x', granting, { role: 'auditor' });
    const seen: { event: unknown; meta: EventMeta | undefined }[] = [];

    await loadState(store, 'staff-x', {
      initialState: () => null,
      evolve: (state, event, meta) => {
        seen.push({ event, meta });
        return state;
      },
    });

    const log = await store.readStream('staff-x');
    expect(seen).toEqual(
      log.map((recorded) => ({
        event: { type: 'RoleGranted', data: recorded.data },
        meta: { position: recorded.position, recordedAt: recorded.recordedAt },
      })),
    );
  });
});

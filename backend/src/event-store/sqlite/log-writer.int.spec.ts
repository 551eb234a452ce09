import type { Worker } from 'node:worker_threads';
import type { EventStore } from '../event-store.port';
import { openSqliteEventStore } from './sqlite-event-store';
import { storePerTest } from '../../testing/store-per-test';

/**
 * The log's commits run on a writer thread (log-writer.ts). If that thread stops, the
 * process goes on serving and its readiness check (a read) stays green, so the appends
 * after it must still be committed, by a thread started anew.
 */
let store: EventStore;

storePerTest('events.sqlite', async (file) => (store = await openSqliteEventStore(file)));

const event = (id: string) => ({ id, type: 'Something', data: { id } });

/** Stops the store's writer thread as a crash of that thread would (the test reaches into the adapter for it). */
async function stopWriterThread(of: EventStore): Promise<void> {
  const { worker } = (of as unknown as { writer: { worker: Worker } }).writer;
  await worker.terminate();
}

describe("the log's writer thread", () => {
  it('is started again for the appends after it stopped', async () => {
    await store.append('thing-1', [event('e1')], 'no_stream');
    await stopWriterThread(store);

    const after = await store.append('thing-2', [event('e2')], 'no_stream');

    expect(after).toMatchObject({ nextExpectedRevision: 0 });
    expect((await store.readAll()).map((recorded) => recorded.id)).toEqual(['e1', 'e2']);
  });
});

describe('group commit', () => {
  it('fails only the append whose data cannot be written as JSON; the others of its commit are recorded', async () => {
    const unwritable = { id: 'bad', type: 'Something', data: { amount: 1n } };

    // Appended in one turn of the event loop: one commit for all three.
    const outcomes = await Promise.allSettled([
      store.append('thing-1', [event('e1')], 'no_stream'),
      store.append('thing-2', [unwritable], 'no_stream'),
      store.append('thing-3', [event('e3')], 'no_stream'),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readAll()).map((recorded) => recorded.id)).toEqual(['e1', 'e3']);
  });
});

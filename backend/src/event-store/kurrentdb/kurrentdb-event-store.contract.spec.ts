import { describe, it } from '@jest/globals';
import { describeEventStoreContract } from '../event-store.contract';
import { openKurrentDbEventStore } from './kurrentdb-event-store';

// The shared contract against a real KurrentDB/EventStoreDB server or cluster, whenever
// EVENTSTORE_URL names one (e.g. kurrentdb://admin:changeit@127.0.0.1:2113?tls=false).
// No such server can be installed on the project's machines, so there this reports one
// skipped test whose name says why; the fake-client spec covers the adapter's own logic.
const url = process.env['EVENTSTORE_URL'];

if (url) {
  describeEventStoreContract('KurrentDB server', async () => {
    const store = await openKurrentDbEventStore(url);
    return {
      store,
      openAgain: () => openKurrentDbEventStore(url),
      cleanup: () => store.close(),
    };
  });
} else {
  console.warn('KurrentDB server contract skipped: EVENTSTORE_URL is not set.');
  describe('KurrentDB server event store contract', () => {
    it.skip('is skipped because EVENTSTORE_URL is not set: no KurrentDB server runs on this machine', () => {});
  });
}

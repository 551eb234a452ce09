import { describeEventStoreContract } from '../event-store.contract';
import { FakeKurrentLog } from './fake-kurrentdb-client';
import { createKurrentDbEventStore } from './kurrentdb-event-store';

// The adapter's own logic over an in-memory imitation of the client, once with the
// "server" recognising retries and once leaving that to the adapter. This is not the
// real server: kurrentdb-event-store.contract.spec.ts runs the suite against one.
for (const serverIdempotency of [true, false]) {
  describeEventStoreContract(
    `KurrentDB adapter on a fake client (server idempotency ${serverIdempotency ? 'on' : 'off'})`,
    async () => {
      const log = new FakeKurrentLog({ serverIdempotency });
      const store = createKurrentDbEventStore(log.client());
      return {
        store,
        openAgain: async () => createKurrentDbEventStore(log.client()),
        cleanup: () => store.close(),
      };
    },
  );
}

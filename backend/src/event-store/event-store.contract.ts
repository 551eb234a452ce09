import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  type Subscription,
  WrongExpectedRevisionError,
} from './event-store.port';

/**
 * What an adapter's spec hands the contract suite. `open` is called before every test.
 * The storage may already hold events from earlier tests, but nothing else may write to
 * it while a test runs (the suite checks head positions and reads the whole log).
 */
export interface EventStoreHarness {
  store: EventStore;
  /** Opens a second, independent client on the same storage, as another backend process would. */
  openAgain: () => Promise<EventStore>;
  /** Closes `store` if it is still open and disposes of the storage. */
  cleanup: () => Promise<void>;
}

/** The behaviour every event store adapter must have; see event-store.port.ts. */
export function describeEventStoreContract(adapterName: string, open: () => Promise<EventStoreHarness>): void {
  describe(`${adapterName} event store contract`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    /** Unique per test, so stream ids never collide with earlier tests' streams. */
    let run: string;
    let subscriptions: Subscription[];

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      run = randomUUID().slice(0, 8);
      subscriptions = [];
    });

    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      await harness.cleanup();
    });

    const ballotStream = (voter = 'v1') => `ballot-${run}-${voter}`;

    /** Subscribes and records what it receives; the subscription is stopped after the test. */
    function record(
      on: EventStore,
      after: number,
      handle: (event: RecordedEvent) => Promise<void> = async () => {},
    ): Deliveries {
      const deliveries = new Deliveries();
      const subscription = on.subscribeToAll({
        after,
        onEvent: async (event) => {
          deliveries.add(event);
          await handle(event);
        },
        onError: (error) => deliveries.fail(error),
      });
      subscriptions.push(subscription);
      deliveries.subscription = subscription;
      return deliveries;
    }

    describe('append and read', () => {
      it('reads back appended events with their data, metadata, stream, revisions and positions', async () => {
        const cast = noted('BallotCast', {
          edition: 'mty-2027',
          picks: ['p-1', 'p-7'],
          cost: { amount: 1250000.5, currency: 'MXN' },
          assisted: false,
          note: null,
          place: 'Peña Blanca — Ñuñoa ✓',
        });
        const revised: EventData = {
          ...noted('BallotRevised', { picks: [] }),
          metadata: { correlationId: 'c-1', actor: 'r-9' },
        };

        const result = await store.append(ballotStream(), [cast, revised], 'no_stream');
        const events = await store.readStream(ballotStream());

        expect(
          events.map(({ id, type, streamId, revision, data, metadata }) => ({
            id,
            type,
            streamId,
            revision,
            data,
            metadata,
          })),
        ).toEqual([
          { id: cast.id, type: 'BallotCast', streamId: ballotStream(), revision: 0, data: cast.data, metadata: {} },
          {
            id: revised.id,
            type: 'BallotRevised',
            streamId: ballotStream(),
            revision: 1,
            data: { picks: [] },
            metadata: revised.metadata,
          },
        ]);
        expect(events[0]!.position).toBeGreaterThan(0);
        expect(events[1]!.position).toBeGreaterThan(events[0]!.position);
        expect(result).toEqual({
          nextExpectedRevision: 1,
          position: events[1]!.position,
          recordedAt: events[1]!.recordedAt,
        });
        expect(Number.isNaN(Date.parse(events[0]!.recordedAt))).toBe(false);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(ballotStream('nobody'))).toEqual([]);
        expect(await store.readStream(ballotStream('nobody'), { after: 0 })).toEqual([]);
      });

      it('reads only the events after a revision when asked', async () => {
        await store.append(ballotStream(), [noted(), noted()], 'no_stream');
        const later = noted();
        await store.append(ballotStream(), [later], 1);

        const all = await store.readStream(ballotStream());
        expect(await store.readStream(ballotStream(), { after: 1 })).toEqual([all[2]]);
        expect((await store.readStream(ballotStream(), { after: 1 }))[0]!.id).toBe(later.id);
        expect(await store.readStream(ballotStream(), { after: 2 })).toEqual([]);
        expect(await store.readStream(ballotStream(), { after: -1 })).toEqual(all);
      });

      it('keeps each stream to its own events', async () => {
        await store.append(ballotStream('v1'), [noted()], 'no_stream');
        const own = noted();
        await store.append(ballotStream('v2'), [own], 'no_stream');

        expect((await store.readStream(ballotStream('v2'))).map((event) => event.id)).toEqual([own.id]);
      });
    });

    describe('expected revision', () => {
      it('no_stream creates a stream at revision 0', async () => {
        expect(await store.append(ballotStream(), [noted()], 'no_stream')).toMatchObject({ nextExpectedRevision: 0 });
      });

      it('no_stream fails on an existing stream, reporting its revision and writing nothing', async () => {
        await store.append(ballotStream(), [noted(), noted()], 'no_stream');

        await expectWrongRevision(store.append(ballotStream(), [noted()], 'no_stream'), {
          streamId: ballotStream(),
          expected: 'no_stream',
          actual: 1,
        });
        expect(await store.readStream(ballotStream())).toHaveLength(2);
      });

      it('an exact revision appends when it is the last revision of the stream', async () => {
        await store.append(ballotStream(), [noted(), noted()], 'no_stream');

        const result = await store.append(ballotStream(), [noted(), noted()], 1);

        expect(result.nextExpectedRevision).toBe(3);
        expect((await store.readStream(ballotStream())).map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      });

      it.each([0, 2, 7])('expecting revision %i fails when the stream is at revision 1', async (expected) => {
        await store.append(ballotStream(), [noted(), noted()], 'no_stream');

        await expectWrongRevision(store.append(ballotStream(), [noted()], expected), {
          streamId: ballotStream(),
          expected,
          actual: 1,
        });
        expect(await store.readStream(ballotStream())).toHaveLength(2);
      });

      it('an exact revision fails on a missing stream, reporting no_stream', async () => {
        await expectWrongRevision(store.append(ballotStream(), [noted()], 0), {
          streamId: ballotStream(),
          expected: 0,
          actual: 'no_stream',
        });
        expect(await store.readStream(ballotStream())).toEqual([]);
      });

      it('any appends to a new stream and to an existing one', async () => {
        expect(await store.append(ballotStream(), [noted()], 'any')).toMatchObject({ nextExpectedRevision: 0 });
        expect(await store.append(ballotStream(), [noted(), noted()], 'any')).toMatchObject({
          nextExpectedRevision: 2,
        });
      });
    });

    describe('idempotent appends', () => {
      it('a retry with the same event ids writes nothing and returns the original result', async () => {
        const batch = [noted(), noted()];
        const original = await store.append(ballotStream(), batch, 'no_stream');
        const head = await store.headPosition();

        const retried = await store.append(ballotStream(), batch, 'no_stream');

        expect(retried).toEqual(original);
        expect(await store.readStream(ballotStream())).toHaveLength(2);
        expect(await store.headPosition()).toBe(head);
      });

      it('a retry succeeds after the stream has moved on, even though its expected revision no longer holds', async () => {
        const batch = [noted(), noted()];
        const original = await store.append(ballotStream(), batch, 'no_stream');
        await store.append(ballotStream(), [noted()], 1);

        const retried = await store.append(ballotStream(), batch, 'no_stream');

        expect(retried).toEqual(original);
        expect(await store.readStream(ballotStream())).toHaveLength(3);
      });

      it('a retry of a later append returns that append’s own result', async () => {
        await store.append(ballotStream(), [noted()], 'no_stream');
        const second = [noted(), noted()];
        const original = await store.append(ballotStream(), second, 0);
        await store.append(ballotStream(), [noted()], 2);

        expect(await store.append(ballotStream(), second, 0)).toEqual(original);
      });
    });

    describe('reading the whole log', () => {
      it('returns every stream’s events in commit order, each at the position its append reported', async () => {
        const start = await store.headPosition();
        const first = noted();
        const second = noted();
        const third = noted();
        const positions = [
          (await store.append(ballotStream('v1'), [first], 'no_stream')).position,
          (await store.append(ballotStream('v2'), [second], 'no_stream')).position,
          (await store.append(ballotStream('v1'), [third], 0)).position,
        ];

        const events = await store.readAll({ after: start });

        expect(events.map((event) => event.id)).toEqual([first.id, second.id, third.id]);
        expect(events.map((event) => event.position)).toEqual(positions);
        expect(positions[0]).toBeLessThan(positions[1]!);
        expect(positions[1]).toBeLessThan(positions[2]!);
      });

      it('starts strictly after the given position', async () => {
        const start = await store.headPosition();
        await store.append(ballotStream(), [noted()], 'no_stream');
        const { position } = await store.append(ballotStream(), [noted()], 0);
        const last = noted();
        await store.append(ballotStream(), [last], 1);

        expect((await store.readAll({ after: start })).length).toBe(3);
        expect((await store.readAll({ after: position })).map((event) => event.id)).toEqual([last.id]);
      });

      it('pages through the log with after and limit', async () => {
        const start = await store.headPosition();
        const batch = Array.from({ length: 5 }, () => noted());
        await store.append(ballotStream(), batch, 'no_stream');

        const pages: string[][] = [];
        let after = start;
        for (;;) {
          const page = await store.readAll({ after, limit: 2 });
          if (page.length === 0) break;
          pages.push(page.map((event) => event.id));
          after = page.at(-1)!.position;
        }

        const ids = batch.map((event) => event.id);
        expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
      });

      it('keeps only streams starting with one of the prefixes, applying the limit after filtering', async () => {
        const start = await store.headPosition();
        const support = noted();
        const ballot = noted();
        const proposal = noted();
        await store.append(`supports-${run}-v1`, [support], 'no_stream');
        await store.append(`ballot-${run}-v1`, [ballot], 'no_stream');
        await store.append(`ballots-${run}-summary`, [noted()], 'no_stream');
        await store.append(`proposal-${run}-p1`, [proposal], 'no_stream');

        const ids = async (streamPrefixes: string[], limit?: number) =>
          (await store.readAll({ after: start, streamPrefixes, limit })).map((event) => event.id);

        expect(await ids([`ballot-${run}-`, `proposal-${run}-`])).toEqual([ballot.id, proposal.id]);
        expect(await ids([`ballot-${run}-`], 1)).toEqual([ballot.id]);
        expect(await ids([`ballot-${run}-x`])).toEqual([]);
      });

      it('reports the position of the last appended event as the head, unmoved by failed appends and retries', async () => {
        const batch = [noted()];
        await store.append(ballotStream('v1'), batch, 'no_stream');
        const last = await store.append(ballotStream('v2'), [noted(), noted()], 'no_stream');
        await store.append(ballotStream('v1'), [noted()], 'no_stream').catch(() => undefined);
        await store.append(ballotStream('v1'), batch, 'no_stream');

        expect(await store.headPosition()).toBe(last.position);
      });
    });

    describe('reading by position', () => {
      it('gives the events at the positions asked for, in that order, leaving out positions with none', async () => {
        const events = [noted(), noted(), noted()];
        const { position: first } = await store.append(ballotStream('v1'), [events[0]!], 'no_stream');
        await store.append(ballotStream('v2'), [events[1]!], 'no_stream');
        const { position: last } = await store.append(ballotStream('v1'), [events[2]!], 0);
        const head = await store.headPosition();

        const read = await store.readPositions([last, head + 1_000_000, first]);

        expect(read.map((event) => event.id)).toEqual([events[2]!.id, events[0]!.id]);
        expect(read.map((event) => event.position)).toEqual([last, first]);
        expect(read[1]).toMatchObject({ streamId: ballotStream('v1'), revision: 0, type: events[0]!.type });
        expect(await store.readPositions([])).toEqual([]);
      });
    });

    describe('subscribing to the log', () => {
      it('catches up from a position, then delivers new events live, each once and in order', async () => {
        const [first, ...history] = [noted(), noted(), noted()];
        const { position } = await store.append(ballotStream(), [first!], 'no_stream');
        await store.append(ballotStream(), history, 0);

        const deliveries = record(store, position);
        await deliveries.reached(2);
        const live = [noted(), noted()];
        await store.append(ballotStream(), [live[0]!], 2);
        await store.append(ballotStream('v2'), [live[1]!], 'no_stream');
        await deliveries.reached(4);
        // Anything delivered twice would arrive before this marker.
        const marker = noted();
        await store.append(ballotStream(), [marker], 3);
        await deliveries.reached(5);

        expect(deliveries.ids()).toEqual([...history, ...live, marker].map((event) => event.id));
      });

      it('delivers a long history in order before going live', async () => {
        const start = await store.headPosition();
        const appended: string[] = [];
        for (let batch = 0; batch < 12; batch += 1) {
          const events = Array.from({ length: 100 }, () => noted());
          await store.append(ballotStream(), events, batch === 0 ? 'no_stream' : batch * 100 - 1);
          appended.push(...events.map((event) => event.id));
        }

        const deliveries = record(store, start);
        await deliveries.reached(1200);
        const live = noted();
        await store.append(ballotStream(), [live], 1199);
        await deliveries.reached(1201);

        expect(deliveries.ids()).toEqual([...appended, live.id]);
      });

      it('hands groups to onEvents instead: every event once, in order, never onEvent', async () => {
        const start = await store.headPosition();
        const appended = Array.from({ length: 30 }, () => noted());
        await store.append(ballotStream(), appended.slice(0, 20), 'no_stream');
        const groups: RecordedEvent[][] = [];
        const deliveries = new Deliveries();
        const gate = deferred();
        subscriptions.push(
          store.subscribeToAll({
            after: start,
            onEvent: () => Promise.reject(new Error('onEvent called although onEvents was given')),
            onEvents: async (events) => {
              groups.push(events);
              for (const event of events) deliveries.add(event);
              await gate.promise;
            },
            onError: (error) => deliveries.fail(error),
          }),
        );
        await deliveries.reached(1);
        // The next group waits for this one's handler.
        await store.append(ballotStream(), appended.slice(20), 19);
        const delivered = deliveries.events.length;
        gate.resolve();
        await deliveries.reached(30);

        expect(delivered).toBeLessThan(30);
        expect(deliveries.ids()).toEqual(appended.map((event) => event.id));
        expect(groups.every((group) => group.length > 0)).toBe(true);
      });

      it('from the head, delivers only events appended afterwards', async () => {
        await store.append(ballotStream(), [noted()], 'no_stream');
        const deliveries = record(store, await store.headPosition());
        const fresh = noted();
        await store.append(ballotStream(), [fresh], 0);

        await deliveries.reached(1);

        expect(deliveries.ids()).toEqual([fresh.id]);
      });

      it('waits for each handler to finish before delivering the next event', async () => {
        const start = await store.headPosition();
        const gate = deferred();
        const gated = record(store, start, () => gate.promise);
        const witness = record(store, start);

        await store.append(ballotStream(), [noted(), noted(), noted()], 'no_stream');
        await witness.reached(3);

        expect(gated.events).toHaveLength(1);
        gate.resolve();
        await gated.reached(3);
      });

      it('delivers nothing more once stopped', async () => {
        const start = await store.headPosition();
        await store.append(ballotStream(), [noted()], 'no_stream');
        const stopped = record(store, start);
        await stopped.reached(1);
        await stopped.subscription.stop();
        const witness = record(store, start);

        await store.append(ballotStream(), [noted(), noted()], 0);
        await witness.reached(3);

        expect(stopped.events).toHaveLength(1);
      });

      it('lets a handler stop its own subscription', async () => {
        const start = await store.headPosition();
        const stopping: Deliveries = record(store, start, () => stopping.subscription.stop());
        const witness = record(store, start);

        await store.append(ballotStream(), [noted(), noted(), noted()], 'no_stream');
        await witness.reached(3);

        expect(stopping.events).toHaveLength(1);
      });

      it('reports a failing handler to onError once and delivers nothing more', async () => {
        const start = await store.headPosition();
        const failure = new Error('projection failed');
        const errors: unknown[] = [];
        const reported = deferred();
        const attempts: RecordedEvent[] = [];
        subscriptions.push(
          store.subscribeToAll({
            after: start,
            onEvent: async (event) => {
              attempts.push(event);
              if (attempts.length === 2) throw failure;
            },
            onError: (error) => {
              errors.push(error);
              reported.resolve();
            },
          }),
        );
        const witness = record(store, start);

        await store.append(ballotStream(), [noted(), noted(), noted()], 'no_stream');
        await reported.promise;
        await store.append(ballotStream(), [noted()], 2);
        await witness.reached(4);

        expect(errors).toEqual([failure]);
        expect(attempts).toHaveLength(2);
      });

      it('delivers events appended through another client of the same storage', async () => {
        const other = await harness.openAgain();
        try {
          const deliveries = record(store, await store.headPosition());
          // Once the subscription has delivered this it is live, not catching up.
          const local = noted();
          await store.append(ballotStream('v1'), [local], 'no_stream');
          await deliveries.reached(1);
          const fromElsewhere = [noted(), noted()];

          await other.append(ballotStream('v2'), fromElsewhere, 'no_stream');
          await deliveries.reached(3);

          expect(deliveries.ids()).toEqual([local, ...fromElsewhere].map((event) => event.id));
        } finally {
          await other.close();
        }
      });

      it('hands two subscriptions exactly what reading the log returns, whichever client appended', async () => {
        const other = await harness.openAgain();
        try {
          const start = await store.headPosition();
          const deliveries = [record(store, start), record(store, start)];
          let n = 0;
          // Data and metadata of some depth, so that their copies are compared too.
          const note = (): EventData => ({
            ...noted('Noted', { n: ++n, nested: { list: [n, `${n}`, null] } }),
            metadata: { by: 'contract' },
          });
          const first = note();
          await store.append(ballotStream('v1'), [first, note()], 'no_stream');
          await other.append(ballotStream('v2'), [note()], 'no_stream');
          // Concurrent appends commit together; the refused one and the retry write nothing.
          await Promise.all([
            store.append(ballotStream('v1'), [note()], 1),
            store.append(ballotStream('v3'), [note(), note()], 'no_stream'),
            store.append(ballotStream('v1'), [note()], 0).catch((error: unknown) => error),
            store.append(ballotStream('v1'), [first], 'no_stream'),
          ]);
          await other.append(ballotStream('v2'), [note()], 0);
          await store.append(ballotStream('v3'), [note()], 1);

          const log = await store.readAll({ after: start });
          expect(log).toHaveLength(8);
          for (const delivered of deliveries) {
            await delivered.reached(8);
            expect(delivered.events).toEqual(log);
          }
        } finally {
          await other.close();
        }
      });
    });

    describe('concurrent appends', () => {
      it('of 50 appends expecting the same revision, exactly one wins and the rest learn the new revision', async () => {
        await store.append(
          ballotStream(),
          Array.from({ length: 5 }, () => noted()),
          'no_stream',
        );
        const contenders = Array.from({ length: 50 }, () => noted());

        const outcomes = await Promise.allSettled(contenders.map((event) => store.append(ballotStream(), [event], 4)));

        const winners = fulfilled(outcomes);
        expect(winners).toEqual([
          { nextExpectedRevision: 5, position: expect.any(Number), recordedAt: expect.any(String) },
        ]);
        expectAllWrongRevision(rejected(outcomes), 49, { expected: 4, actual: 5 });
        const stream = await store.readStream(ballotStream());
        expect(stream).toHaveLength(6);
        expect(contenders.map((event) => event.id)).toContain(stream[5]!.id);
      });

      it('of 50 concurrent first ballots for one voter, across two clients, exactly one is recorded', async () => {
        const other = await harness.openAgain();
        try {
          const casts = Array.from({ length: 50 }, () => noted('BallotCast'));

          const outcomes = await Promise.allSettled(
            casts.map((cast, index) => (index % 2 ? other : store).append(ballotStream(), [cast], 'no_stream')),
          );

          expect(fulfilled(outcomes)).toHaveLength(1);
          expectAllWrongRevision(rejected(outcomes), 49, { expected: 'no_stream', actual: 0 });
          expect(await store.readStream(ballotStream())).toHaveLength(1);
        } finally {
          await other.close();
        }
      });

      it('50 concurrent appends expecting any all land, each at its own revision and position', async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () => store.append(ballotStream(), [noted()], 'any')),
        );

        const results = fulfilled(outcomes);
        expect(new Set(results.map((result) => result.nextExpectedRevision)).size).toBe(50);
        expect(new Set(results.map((result) => result.position)).size).toBe(50);
        expect((await store.readStream(ballotStream())).map((event) => event.revision)).toEqual(
          Array.from({ length: 50 }, (_, revision) => revision),
        );
      });
    });

    describe('durability', () => {
      it('a store opened again on the same storage has every event, revision and position, and carries on', async () => {
        const start = await store.headPosition();
        await store.append(ballotStream('v1'), [noted(), noted()], 'no_stream');
        await store.append(ballotStream('v2'), [noted()], 'no_stream');
        const log = await store.readAll({ after: start });
        const head = await store.headPosition();
        await store.close();

        const reopened = await harness.openAgain();
        try {
          expect(await reopened.readAll({ after: start })).toEqual(log);
          expect(await reopened.headPosition()).toBe(head);
          const next = await reopened.append(ballotStream('v1'), [noted()], 1);
          expect(next.nextExpectedRevision).toBe(2);
          expect(next.position).toBeGreaterThan(head);
        } finally {
          await reopened.close();
        }
      });
    });
  });
}

function noted(type = 'Noted', data: Record<string, unknown> = {}): EventData {
  return { id: randomUUID(), type, data };
}

async function expectWrongRevision(
  append: Promise<unknown>,
  expected: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' },
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(expected);
}

function expectAllWrongRevision(
  errors: unknown[],
  count: number,
  expected: { expected: ExpectedRevision; actual: number | 'no_stream' },
): void {
  expect(errors).toHaveLength(count);
  for (const error of errors) {
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject(expected);
  }
}

function fulfilled<T>(outcomes: PromiseSettledResult<T>[]): T[] {
  return outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
}

function rejected<T>(outcomes: PromiseSettledResult<T>[]): unknown[] {
  return outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** What one subscription received; `reached(n)` resolves once n events have arrived. */
class Deliveries {
  readonly events: RecordedEvent[] = [];
  subscription!: Subscription;
  private waiting: { count: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  add(event: RecordedEvent): void {
    this.events.push(event);
    const due = this.waiting.filter((waiter) => this.events.length >= waiter.count);
    this.waiting = this.waiting.filter((waiter) => this.events.length < waiter.count);
    for (const waiter of due) waiter.resolve();
  }

  fail(error: unknown): void {
    for (const waiter of this.waiting) waiter.reject(error);
    this.waiting = [];
  }

  reached(count: number): Promise<void> {
    if (this.events.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ count, resolve, reject }));
  }

  ids(): string[] {
    return this.events.map((event) => event.id);
  }
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, SubscribeOptions } from '../event-store/event-store.port';
import { openSqliteEventStore } from '../event-store/sqlite';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import { toEventData } from '../shared/event-envelope';
import { type Projection, projectionOf } from './projection';
import { ProjectionRunner, ProjectionsBehindError } from './projection-runner';

const admin = 'a'.repeat(64);
const staff = (n: number) => n.toString(16).padStart(64, '0');

/** Records every event it is given, and throws on a grant to `poison`, as a projection with a bug would. */
function failingOn(poison: string | null): Projection & { applied: number[] } {
  const applied: number[] = [];
  return {
    name: 'fussy',
    collections: [],
    applied,
    async apply(event) {
      applied.push(event.position);
      if (event.type === 'RoleGranted' && event.data.staff === poison)
        throw new Error(`cannot project staff ${poison}`);
    },
  };
}

/** Counts grants per staff member, and every apply call, so replays are visible. */
function grantCounter(): Projection & { applied: number[] } {
  const applied: number[] = [];
  return {
    name: 'grant-counter',
    collections: ['grant-counts'],
    applied,
    async apply(event, store) {
      applied.push(event.position);
      if (event.type !== 'RoleGranted') return;
      const counts = store.collection<{ id: string; grants: number }>('grant-counts');
      const doc = (await counts.get(event.data.staff)) ?? { id: event.data.staff, grants: 0 };
      await counts.upsert(doc.id, { ...doc, grants: doc.grants + 1 }, { position: event.position });
    },
  };
}

/**
 * Counts every grant in memory and writes the total once per commit (`flush`), as the audit
 * projection writes its tree; its first `failing` flushes throw.
 */
function grantTotal(failing: number): Projection {
  let pending: { total: number; position: number } | null = null;
  return {
    name: 'grant-total',
    collections: ['grant-total'],
    async apply(event, store) {
      const stored = await store.collection<{ total: number; position: number }>('grant-total').get('all');
      const tree = pending ?? stored ?? { total: 0, position: 0 };
      if (event.position <= tree.position) return;
      pending = { total: tree.total + (event.type === 'RoleGranted' ? 1 : 0), position: event.position };
    },
    async flush(store) {
      const written = pending;
      pending = null;
      if (!written) return;
      if (failing-- > 0) throw new Error('the disk is full');
      await store.collection('grant-total').upsert('all', written, { position: written.position });
    },
  };
}

let dir: string;
let events: EventStore;
let readModels: ReadModelStore;

async function grant(n: number) {
  const event = toEventData({ type: 'RoleGranted', data: { staff: staff(n), role: 'reviewer', by: admin } });
  return (await events.append(`staff-${staff(n)}`, [event], 'any')).position;
}

async function grants(n: number) {
  return (await readModels.collection<{ grants: number }>('grant-counts').get(staff(n)))?.grants;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-projections-'));
  events = await openSqliteEventStore(join(dir, 'events.sqlite'));
  readModels = await openSqliteReadModelStore(join(dir, 'read-models.sqlite'));
});
afterEach(async () => {
  await events.close();
  await readModels.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('projection runner', () => {
  it('applies the log, then new events as they are appended, and lets callers wait for a position', async () => {
    await grant(1);
    const runner = new ProjectionRunner(events, readModels, [grantCounter()]);
    await runner.start();
    const position = await grant(1);
    await runner.waitFor(position);
    expect(await grants(1)).toBe(2);
    expect(runner.position).toBe(position);
    await runner.stop();
  });

  it('calls a projection only for the event types it lists, and moves its checkpoint past the others', async () => {
    const applied: string[] = [];
    const grantsOnly = projectionOf({
      name: 'grants-only',
      collections: [],
      eventTypes: ['RoleGranted'],
      async apply(event) {
        applied.push(event.type);
      },
    });
    const runner = new ProjectionRunner(events, readModels, [grantsOnly]);
    await runner.start();
    await grant(1);
    const revocation = toEventData({ type: 'RoleRevoked', data: { staff: staff(1), role: 'reviewer', by: admin } });
    const revoked = (await events.append(`staff-${staff(1)}`, [revocation], 'any')).position;
    await runner.waitFor(revoked);
    await runner.stop();
    expect(applied).toEqual(['RoleGranted']);
    expect(await readModels.getCheckpoint('grants-only')).toBe(revoked);
  });

  it('resumes from its checkpoint after a restart, applying only what is new', async () => {
    const first = grantCounter();
    const runner = new ProjectionRunner(events, readModels, [first]);
    await runner.start();
    await runner.waitFor(await grant(1));
    await runner.stop();

    const later = await grant(2);
    const second = grantCounter();
    const restarted = new ProjectionRunner(events, readModels, [second]);
    await restarted.start();
    await restarted.waitFor(later);
    expect(second.applied).toEqual([later]);
    expect([await grants(1), await grants(2)]).toEqual([1, 1]);
    await restarted.stop();
  });

  it('ignores a replayed event whose write already landed (a crash before the checkpoint was saved)', async () => {
    const position = await grant(1);
    const runner = new ProjectionRunner(events, readModels, [grantCounter()]);
    await runner.start();
    await runner.waitFor(position);
    await runner.stop();
    await readModels.setCheckpoint('grant-counter', 0);

    const replaying = grantCounter();
    const again = new ProjectionRunner(events, readModels, [replaying]);
    await again.start();
    await again.waitFor(position);
    expect(replaying.applied).toEqual([position]);
    expect(await grants(1)).toBe(1);
    await again.stop();
  });

  it('stops only the projection that throws on an event, reports that event, and lets callers wait for the rest', async () => {
    const counter = grantCounter();
    const fussy = failingOn(staff(2));
    const runner = new ProjectionRunner(events, readModels, [fussy, counter]);
    await runner.start();
    const first = await grant(1);
    const poison = await grant(2);
    const later = await grant(3);

    await runner.waitFor(later);

    expect([await grants(1), await grants(2), await grants(3)]).toEqual([1, 1, 1]);
    expect(counter.applied).toEqual([first, poison, later]);
    expect(fussy.applied).toEqual([first, poison]);
    const [poisonEvent] = await events.readAll({ after: poison - 1, limit: 1 });
    expect(runner.failures).toEqual([
      {
        projection: 'fussy',
        position: poison,
        eventId: poisonEvent!.id,
        eventType: 'RoleGranted',
        error: `cannot project staff ${staff(2)}`,
        at: expect.any(String),
      },
    ]);
    expect(runner.error).toBeNull();
    await runner.stop();
    expect(await readModels.getCheckpoint('fussy')).toBe(first);
    expect(await readModels.getCheckpoint('grant-counter')).toBe(later);
  });

  it('retries a stopped projection from its checkpoint when started again, so a fix needs no change to the log', async () => {
    const fussy = failingOn(staff(2));
    const runner = new ProjectionRunner(events, readModels, [fussy, grantCounter()]);
    await runner.start();
    await grant(1);
    const poison = await grant(2);
    await runner.waitFor(poison);
    await runner.stop();
    const later = await grant(3);

    // The fix: the same projection, now able to handle the event.
    const fixed = failingOn(null);
    const counter = grantCounter();
    const restarted = new ProjectionRunner(events, readModels, [fixed, counter]);
    await restarted.start();
    await restarted.waitFor(later);

    expect(fixed.applied).toEqual([poison, later]);
    expect(counter.applied).toEqual([later]);
    expect(restarted.failures).toEqual([]);
    await restarted.stop();
    expect(await readModels.getCheckpoint('fussy')).toBe(later);
  });

  it('goes back to before the commit when a projection cannot write what it kept in memory, and retries it from there', async () => {
    const [first, , last] = [await grant(1), await grant(2), await grant(3)];
    const runner = new ProjectionRunner(events, readModels, [grantTotal(1), grantCounter()]);
    await runner.start();
    await runner.waitFor(last);
    expect(runner.failures).toEqual([
      expect.objectContaining({ projection: 'grant-total', position: first, error: 'the disk is full' }),
    ]);
    expect(await grants(3)).toBe(1);
    await runner.stop();
    expect(await readModels.getCheckpoint('grant-total')).toBe(first - 1);

    const restarted = new ProjectionRunner(events, readModels, [grantTotal(0), grantCounter()]);
    await restarted.start();
    await restarted.waitFor(last);
    expect(restarted.failures).toEqual([]);
    expect(await readModels.collection<{ total: number }>('grant-total').get('all')).toMatchObject({ total: 3 });
    await restarted.stop();
  });

  it('gives a waiting caller up after the wait limit instead of leaving it hanging on projections that do not move', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const stuck: Projection = { name: 'stuck', collections: [], apply: () => held };
    const position = await grant(1);
    const runner = new ProjectionRunner(events, readModels, [stuck], null, { waitLimitMs: 1_000 });
    await runner.start();
    await expect(runner.waitFor(position)).rejects.toBeInstanceOf(ProjectionsBehindError);
    release();
    await runner.waitFor(position);
    expect(runner.position).toBe(position);
    await runner.stop();
  });

  it('counts an event no one can decode as a failure of every projection, and keeps running', async () => {
    const counter = grantCounter();
    const other = failingOn(null);
    const runner = new ProjectionRunner(events, readModels, [other, counter]);
    await runner.start();
    // Written by other code, past the catalog: a staff member that is no pseudonym.
    const { position: undecodable } = await events.append(
      'staff-x',
      [{ id: randomUUID(), type: 'RoleGranted', data: { staff: 'x', role: 'reviewer', by: admin }, metadata: {} }],
      'any',
    );
    const later = await grant(1);

    await runner.waitFor(later);

    const failure = {
      position: undecodable,
      eventType: 'RoleGranted',
      error: 'invalid RoleGranted event: staff: a pseudonym is a hex HMAC-SHA256',
    };
    expect(runner.failures).toEqual([
      expect.objectContaining({ projection: 'fussy', ...failure }),
      expect.objectContaining({ projection: 'grant-counter', ...failure }),
    ]);
    expect([other.applied, counter.applied]).toEqual([[], []]);
    expect(runner.error).toBeNull();
    expect(runner.position).toBe(later);
    await runner.stop();
  });

  it('fails the callers waiting for a position when the log itself cannot be read, instead of leaving them hanging', async () => {
    // A store whose subscription breaks, as a store that went away does.
    const broken: EventStore = Object.assign(Object.create(events) as EventStore, {
      subscribeToAll: ({ onError }: SubscribeOptions) => {
        queueMicrotask(() => onError?.(new Error('disk full')));
        return { stop: async () => {} };
      },
    });
    const runner = new ProjectionRunner(broken, readModels, [grantCounter()]);
    await runner.start();
    await expect(runner.waitFor(await grant(1))).rejects.toThrow('disk full');
    expect(String(runner.error)).toContain('disk full');
    await expect(runner.waitFor(99)).rejects.toThrow('disk full');
    await runner.stop();
  });
});

describe('with the projector lease', () => {
  // Long enough that no renewal timer fires during a test: each turn is taken by hand.
  const lease = (holder: string) => ({ holder, ttlMs: 600_000 });

  it('one instance projects; the other only serves, and its commands wait on the published progress', async () => {
    const projector = grantCounter();
    const server = grantCounter();
    const first = new ProjectionRunner(events, readModels, [projector], lease('first'));
    const second = new ProjectionRunner(events, readModels, [server], lease('second'));
    await first.start();
    await second.start();
    try {
      expect([first.projecting, second.projecting]).toEqual([true, false]);

      const position = await grant(1);
      await second.waitFor(position);

      expect(await grants(1)).toBe(1);
      expect(second.position).toBeGreaterThanOrEqual(position);
      expect(server.applied).toEqual([]);
      expect(projector.applied).toEqual([position]);
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('when the projector stops, the other takes over from the checkpoints and projects each event once', async () => {
    const before = grantCounter();
    const after = grantCounter();
    const first = new ProjectionRunner(events, readModels, [before], lease('first'));
    const second = new ProjectionRunner(events, readModels, [after], lease('second'));
    await first.start();
    await second.start();
    try {
      await first.waitFor(await grant(1));
      await first.stop();
      const later = await grant(2);

      await second.campaign();
      await second.waitFor(later);

      expect(second.projecting).toBe(true);
      expect(after.applied).toEqual([later]);
      expect([await grants(1), await grants(2)]).toEqual([1, 1]);
    } finally {
      await second.stop();
    }
  });

  it('renews the lease again after one renewal failed, and gives it up when stopped', async () => {
    let unreachable = false;
    const flaky: ReadModelStore = Object.assign(Object.create(readModels) as ReadModelStore, {
      collection: (name: string, options?: object) => {
        const collection = readModels.collection(name, options);
        return Object.assign(Object.create(collection) as typeof collection, {
          claim: (...args: Parameters<typeof collection.claim>) =>
            unreachable ? Promise.reject(new Error('store out of reach')) : collection.claim(...args),
        });
      },
    });
    const first = new ProjectionRunner(events, flaky, [grantCounter()], lease('first'));
    const second = new ProjectionRunner(events, readModels, [grantCounter()], lease('second'));
    await first.start();
    try {
      unreachable = true;
      await expect(first.campaign()).rejects.toThrow('store out of reach');
      unreachable = false;
      await first.campaign();
      await first.stop();

      await second.start();
      expect([first.isProjector, second.isProjector]).toEqual([false, true]);
    } finally {
      await second.stop();
      await first.stop();
    }
  });

  it('a projector that cannot read the log gives up the lease; another takes over and the callers waiting on the first get their answer', async () => {
    const broken: EventStore = Object.assign(Object.create(events) as EventStore, {
      subscribeToAll: ({ onError }: SubscribeOptions) => {
        queueMicrotask(() => onError?.(new Error('disk full')));
        return { stop: async () => {} };
      },
    });
    const first = new ProjectionRunner(broken, readModels, [grantCounter()], lease('first'));
    const second = new ProjectionRunner(events, readModels, [grantCounter()], lease('second'));
    await first.start();
    try {
      const position = await grant(1);
      const waiting = first.waitFor(position);
      await second.start();
      await second.campaign();

      await waiting;

      expect([first.projecting, second.projecting]).toEqual([false, true]);
      expect(first.error).toBeNull();
      expect(await grants(1)).toBe(1);
    } finally {
      await second.stop();
      await first.stop();
    }
  });
});

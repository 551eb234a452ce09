import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store/event-store.port';
import { openSqliteEventStore } from '../event-store/sqlite';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import { toEventData } from '../shared/event-envelope';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const admin = 'a'.repeat(64);
const staff = (n: number) => n.toString(16).padStart(64, '0');

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

  it('fails the callers waiting for a position when a projection breaks, instead of leaving them hanging', async () => {
    const broken: Projection = {
      name: 'broken',
      collections: [],
      apply: async () => {
        throw new Error('disk full');
      },
    };
    const runner = new ProjectionRunner(events, readModels, [broken]);
    await runner.start();
    await expect(runner.waitFor(await grant(1))).rejects.toThrow('disk full');
    expect(String(runner.error)).toContain('disk full');
    await expect(runner.waitFor(99)).rejects.toThrow('disk full');
    await runner.stop();
  });
});

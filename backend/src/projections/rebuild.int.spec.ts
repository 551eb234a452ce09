import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { toEventData } from '../shared/event-envelope';
import { READ_MODEL_STORE } from '../read-models/read-model.port';
import { createEdition, proposalBody } from '../testing/fixtures';
import { type Client, startTestSystem, type TestSystem } from '../testing/test-system';
import { allProjections } from '../app.projections';
import { GenerationalReadModelStore, physicalName } from './generations';
import { ProjectionRunner } from './projection-runner';
import { type RebuildElsewhere, rebuildInto, rebuildProjections } from './rebuild';
import { AUDIT_LEAVES, AUDIT_LOG_PROJECTION } from '../audit/audit-log.projection';
import { openStores } from '../stores';

let system: TestSystem;
let admin: Client;
let author: Client;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  author = await system.login('resident-centro-1');
});
afterAll(() => system.close());

const stores = () => ({
  events: system.app.get<EventStore>(EVENT_STORE),
  readModels: system.app.get<GenerationalReadModelStore>(READ_MODEL_STORE),
  runner: system.app.get(ProjectionRunner),
});

async function submit(editionId: string, title: string) {
  const answer = await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ title }));
  expect(answer.status).toBe(201);
  return answer.body.id as string;
}

/** How many query indexes the read-model file has for a collection (SQLite builds them on a table all collections share). */
function queryIndexCount(collection: string): number {
  const db = new DatabaseSync(join(system.config.dataDir, 'read-models.sqlite'), { readOnly: true });
  try {
    const like = `%WHERE collection = '${collection}' AND%`;
    return (
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND sql LIKE ?").get(like) as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

/** The event store, with `headPosition` replaced by `head`, which may call the real one (`read`). */
function withHeadPosition(events: EventStore, head: (read: () => Promise<number>) => Promise<number>): EventStore {
  return new Proxy(events, {
    get(target, key: keyof EventStore) {
      if (key === 'headPosition') return () => head(() => target.headPosition());
      return typeof target[key] === 'function' ? target[key].bind(target) : target[key];
    },
  });
}

const titles = async (editionId: string) =>
  ((await system.anonymous.get(`/api/processes/${editionId}/proposals`)).body.items as { title: string }[])
    .map((item) => item.title)
    .sort();

describe('rebuilding the projections while the service runs', () => {
  it('builds fresh collections beside the live ones, switches when caught up, and carries on in them', async () => {
    const { events, readModels, runner } = stores();
    const editionId = await createEdition(admin, ['proposals']);
    await submit(editionId, 'Parque lineal');
    await submit(editionId, 'Ciclovía');
    const before = await titles(editionId);
    const live = readModels.generations.get('proposals') ?? 0;

    const { generations, position } = await rebuildProjections(events, readModels, allProjections);

    const rebuilt = generations.get('proposals')!;
    expect(rebuilt).toBe(live + 1);
    // The live generation's query indexes were built for the new one before it was filled.
    expect(queryIndexCount(physicalName('proposals', live))).toBeGreaterThan(0);
    expect(queryIndexCount(physicalName('proposals', rebuilt))).toBe(queryIndexCount(physicalName('proposals', live)));
    expect(position).toBe(await events.headPosition());
    // Built beside the live collections, which still serve until this instance follows.
    const fresh = readModels.inner.collection(physicalName('proposals', rebuilt));
    expect(await fresh.count({ editionId })).toBe(2);
    expect(readModels.generations.get('proposals') ?? 0).toBe(live);
    expect(await titles(editionId)).toEqual(before);

    expect(await runner.followRebuild()).toBe(true);

    expect(readModels.generations.get('proposals')).toBe(rebuilt);
    // Served from the new generation: emptying the old one changes nothing readers see.
    await readModels.inner.collection(physicalName('proposals', live)).clear();
    expect(await titles(editionId)).toEqual(before);
    // New events land in the new generation.
    await submit(editionId, 'Biblioteca');
    expect(await titles(editionId)).toEqual([...before, 'Biblioteca'].sort());
    expect(await fresh.count({ editionId })).toBe(3);
    expect(await runner.followRebuild()).toBe(false);
  });

  it('gives the new generation the indexes of queries first made while it ran, before it switches', async () => {
    const { events, readModels, runner } = stores();
    const editionId = await createEdition(admin, ['proposals']);
    await submit(editionId, 'Mercado municipal');
    const live = physicalName('proposals', readModels.generations.get('proposals') ?? 0);
    const rebuilt = physicalName('proposals', (readModels.generations.get('proposals') ?? 0) + 1);
    const before = queryIndexCount(live);
    // A query shape nobody asked for before, made on the live generation once the rebuild has begun.
    let asked = false;
    const watched = withHeadPosition(events, async (read) => {
      if (!asked) {
        asked = true;
        await readModels.inner.collection(live).find({ filter: { editionId, title: 'Mercado municipal' } });
      }
      return read();
    });

    await rebuildProjections(watched, readModels, allProjections);

    expect(asked).toBe(true);
    expect(queryIndexCount(live)).toBe(before + 1);
    expect(queryIndexCount(rebuilt)).toBe(queryIndexCount(live));
    expect(await runner.followRebuild()).toBe(true);
  });

  it('goes on with the events appended while it ran before it switches, leaving the live instances few', async () => {
    const { events, readModels, runner } = stores();
    const pseudonym = () => randomBytes(32).toString('hex');
    let head = 0;
    // The log grows by 1,200 events (a voting evening's casts) right after the rebuild reads its head.
    const growing = withHeadPosition(events, async (read) => {
      const position = await read();
      if (head > 0) return position;
      head = position;
      const grant = () =>
        toEventData({ type: 'RoleGranted', data: { staff: pseudonym(), role: 'reviewer', by: pseudonym() } });
      await Promise.all(Array.from({ length: 1_200 }, (_, i) => events.append(`staff-grown-${i}`, [grant()], 'any')));
      return position;
    });

    const { position } = await rebuildProjections(growing, readModels, allProjections);

    expect(head).toBeGreaterThan(0);
    expect(position).toBe(await events.headPosition());
    expect(position).toBe(head + 1_200);
    expect(await runner.followRebuild()).toBe(true);
  });

  it('starts over cleanly from what an interrupted rebuild left, and keeps the rebuilt view equal to the live one', async () => {
    const { events, readModels, runner } = stores();
    const editionId = await createEdition(admin, ['proposals']);
    await submit(editionId, 'Luminarias');
    const live = readModels.generations.get('proposals') ?? 0;
    const next = physicalName('proposals', live + 1);
    // A half-built generation from an earlier attempt: a document no event supports.
    await readModels.inner.collection(next).upsert('ghost', { id: 'ghost', editionId, title: 'Fantasma' });
    const before = await titles(editionId);
    // The generation before the live one, left by every instance at the last switch: its indexes go with it.
    const previous = physicalName('proposals', live - 1);
    expect(queryIndexCount(previous)).toBeGreaterThan(0);
    // And one older still, whose indexes a rebuild before they were dropped left behind.
    const older = physicalName('proposals', live - 2);
    await readModels.inner.collection(older).find({ filter: { editionId } });
    expect(queryIndexCount(older)).toBeGreaterThan(0);

    await rebuildProjections(events, readModels, allProjections);
    await runner.followRebuild();

    expect(queryIndexCount(previous)).toBe(0);
    expect(queryIndexCount(older)).toBe(0);
    expect(await readModels.inner.collection(next).get('ghost')).toBeNull();
    expect(await titles(editionId)).toEqual(before);
    expect((await system.anonymous.get('/health/ready')).status).toBe(200);
  });
});

async function auditExport(editionId: string) {
  const answer = await system.anonymous.get(`/api/processes/${editionId}/audit/export`);
  expect(answer.status).toBe(200);
  return answer.body as string;
}

describe('rebuilding part of the projections elsewhere at the same time', () => {
  // Stands in for the rebuild's second thread, on this one: the stores opened again on the same files.
  const elsewhere = (names: string[], fail?: string): RebuildElsewhere => ({
    names: new Set(names),
    async rebuild(generations, head) {
      const own = await openStores(system.config);
      try {
        if (fail) throw new Error(fail);
        const part = allProjections.filter((projection) => names.includes(projection.name));
        return await rebuildInto(
          own.events,
          (own.readModels as GenerationalReadModelStore).at(generations),
          part,
          head,
        );
      } finally {
        await own.events.close();
        await own.readModels.close();
      }
    },
  });

  it('switches once both parts are rebuilt, each projection by one of them', async () => {
    const { events, readModels, runner } = stores();
    const editionId = await createEdition(admin, ['proposals']);
    await submit(editionId, 'Banquetas');
    const before = await titles(editionId);
    const exported = await auditExport(editionId);

    const { generations, position } = await rebuildProjections(
      events,
      readModels,
      allProjections,
      elsewhere([AUDIT_LOG_PROJECTION]),
    );

    expect(position).toBe(await events.headPosition());
    for (const [name, collection] of [
      [AUDIT_LOG_PROJECTION, AUDIT_LEAVES],
      ['proposals', 'proposals'],
    ] as const) {
      const fresh = readModels.inner.collection(physicalName(collection, generations.get(name)!));
      expect(await fresh.count({ editionId })).toBeGreaterThan(0);
    }
    expect(await runner.followRebuild()).toBe(true);
    expect(await titles(editionId)).toEqual(before);
    // The export reads the rebuilt audit leaves, which the other part wrote.
    expect(await auditExport(editionId)).toEqual(exported);
  });

  it('keeps the live generation when the part elsewhere fails, and says why', async () => {
    const { events, readModels } = stores();
    const live = await readModels.recorded();

    await expect(
      rebuildProjections(events, readModels, allProjections, elsewhere([AUDIT_LOG_PROJECTION], 'disk full')),
    ).rejects.toThrow('disk full');

    expect(await readModels.recorded()).toEqual(live);
  });

  it('leaves the projections named elsewhere to it', async () => {
    const { events, readModels, runner } = stores();
    const editionId = await createEdition(admin, ['proposals']);
    await submit(editionId, 'Alumbrado');
    const live = await readModels.recorded();
    let asked: { generations: Map<string, number>; head: number } | undefined;
    const idle: RebuildElsewhere = {
      names: new Set([AUDIT_LOG_PROJECTION]),
      async rebuild(generations, head) {
        asked = { generations, head };
        return head;
      },
    };

    const { generations } = await rebuildProjections(events, readModels, allProjections, idle);

    expect(asked).toEqual({ generations, head: await events.headPosition() });
    expect(generations.get(AUDIT_LOG_PROJECTION)).toBe((live.get(AUDIT_LOG_PROJECTION) ?? 0) + 1);
    const leaves = readModels.inner.collection(physicalName(AUDIT_LEAVES, generations.get(AUDIT_LOG_PROJECTION)!));
    expect(await leaves.count()).toBe(0);
    const proposals = readModels.inner.collection(physicalName('proposals', generations.get('proposals')!));
    expect(await proposals.count({ editionId })).toBe(1);
    // What the live service reads again: every projection rebuilt here, once it has followed.
    await runner.followRebuild();
    await rebuildProjections(events, readModels, allProjections);
    await runner.followRebuild();
  });
});

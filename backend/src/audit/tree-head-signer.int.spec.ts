import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DomainEvent,
  editionRulesSchema,
  eventLeafHash,
  generateSigningKey,
  publicEvent,
  rootFromLeaves,
  toHex,
  verifyTreeHead,
} from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import { openSqliteEventStore } from '../event-store/sqlite';
import { GenerationalReadModelStore } from '../projections/generations';
import { ProjectionRunner } from '../projections/projection-runner';
import { rebuildProjections } from '../projections/rebuild';
import type { ReadModelStore } from '../read-models/read-model.port';
import { openSqliteReadModelStore } from '../read-models/sqlite';
import { decodeEvent, toEventData } from '../shared/event-envelope';
import { AUDIT_HEADS, type AuditHeadDoc, auditLogProjection } from './audit-log.projection';
import { auditStream } from './streams';
import { recordedHeads, treeHeadSigner } from './tree-head-signer';

const EDITION = 'pp-2027';
const ADMIN = 'a'.repeat(64);
const key = generateSigningKey();

let dir: string;
let events: EventStore;
let readModels: ReadModelStore;
const runners: ProjectionRunner[] = [];

function runner(signingKey = key.privateKey): ProjectionRunner {
  const started = new ProjectionRunner(events, readModels, [auditLogProjection, treeHeadSigner(events, signingKey)]);
  runners.push(started);
  return started;
}

async function append(event: DomainEvent): Promise<number> {
  const stream = `edition-${EDITION}`;
  const existing = await events.readStream(stream);
  const expected = existing.length === 0 ? 'no_stream' : existing[existing.length - 1]!.revision;
  return (await events.append(stream, [toEventData(event)], expected)).position;
}

const drafted: DomainEvent = {
  type: 'EditionDrafted',
  data: {
    editionId: EDITION,
    title: 'Presupuesto Participativo 2027',
    description: '',
    districts: [{ id: 'centro', name: 'Centro', budget: 1000 }],
    rules: editionRulesSchema.parse({}),
    calendar: {},
    createdBy: ADMIN,
  },
};
const advanced = (from: 'draft' | 'proposals', to: 'proposals' | 'review'): DomainEvent => ({
  type: 'EditionPhaseAdvanced',
  data: { editionId: EDITION, from, to, by: ADMIN },
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-signer-'));
  events = await openSqliteEventStore(join(dir, 'events.sqlite'));
  readModels = await openSqliteReadModelStore(join(dir, 'read-models.sqlite'));
});
afterEach(async () => {
  for (const started of runners.splice(0)) await started.stop();
  await events.close();
  await readModels.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tree-head signer', () => {
  it('records a signed head over the log up to each phase change before the change counts as projected', async () => {
    const projections = runner();
    await projections.start();
    await append(drafted);
    await projections.waitFor(await append(advanced('draft', 'proposals')));
    // No further waiting: waitFor covers the head the signer appended in answer.
    const heads = await readModels.collection<AuditHeadDoc>(AUDIT_HEADS).find({ filter: { editionId: EDITION } });
    expect(heads.items).toHaveLength(1);
    const { head, publicKey, leafIndex } = heads.items[0]!;
    const log = (await events.readAll()).map((e) => eventLeafHash(publicEvent(decodeEvent(e))));
    expect(head).toMatchObject({
      treeSize: 2,
      reason: 'phase:proposals',
      rootHash: toHex(rootFromLeaves(log.slice(0, 2))),
    });
    expect(leafIndex).toBe(2);
    expect(publicKey).toBe(key.publicKey);
    expect(verifyTreeHead(head, key.publicKey)).toBe(true);
  });

  it('signs nothing again when the projections are rebuilt, even under another key', async () => {
    const first = runner();
    await first.start();
    await append(drafted);
    await first.waitFor(await append(advanced('draft', 'proposals')));
    await first.stop();
    const before = await recordedHeads(events, EDITION);

    const projections = [auditLogProjection, treeHeadSigner(events, generateSigningKey().privateKey)];
    const generational = new GenerationalReadModelStore(readModels, projections);
    const { generations } = await rebuildProjections(events, generational, projections);
    expect(await recordedHeads(events, EDITION)).toEqual(before);
    const rebuilt = generational.at(generations).collection<AuditHeadDoc>(AUDIT_HEADS);
    expect(await rebuilt.count({ editionId: EDITION })).toBe(1);
  });

  it('records one head when two replicas sign the same phase change', async () => {
    const [one, two] = [runner(), runner()];
    await one.start();
    await two.start();
    await append(drafted);
    const position = await append(advanced('draft', 'proposals'));
    await Promise.all([one.waitFor(position), two.waitFor(position)]);
    await one.waitFor(await events.headPosition());
    await two.waitFor(await events.headPosition());
    const stream = await events.readStream(auditStream(EDITION));
    expect(stream.map((e) => e.type)).toEqual(['TreeHeadSigned']);
  });
});

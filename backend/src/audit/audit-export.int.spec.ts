import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PublicEvent } from '@decidimos/contracts';
import { accountClaims } from '@decidimos/infra';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { pseudonym } from '../identity/pseudonyms';
import { authorProposalsStream } from '../proposals/streams';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { existingStream, seed } from '../testing/given-when-then';
import { type Answer, type Client, startTestSystem, type TestSystem } from '../testing/test-system';
import { AUDIT_TREES, type AuditTreeDoc, LEAVES_PER_PAGE, rootOf } from './audit-log.projection';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let editionId: string;
let proposalId: string;

const FINAL = 'public, max-age=31536000, immutable';
const CURRENT = 'public, no-cache';

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  editionId = await createEdition(
    admin,
    ['proposals'],
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false } },
    }),
  );
  proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ estimatedCost: 400_000 })))
    .body.id;
  // More than two pages of leaves, so the export has full pages (cached) and a partial one
  // (read afresh). Appended straight to the log, as that many edits through the API would be.
  const authorStream = authorProposalsStream(
    editionId,
    pseudonym(system.config.voterKey, 'author', editionId, accountClaims('resident-centro-1')!.curp),
  );
  const batches = Array.from({ length: 22 }, (_, batch) =>
    existingStream(
      authorStream,
      ...Array.from({ length: 100 }, (_, n) => ({
        type: 'ProposalEdited' as const,
        data: { editionId, proposalId, title: `Luminarias, versión ${batch * 100 + n}` },
      })),
    ),
  );
  await seed(system, ...batches);
  await caughtUp();
}, 120_000);
afterAll(() => system?.close());

async function caughtUp() {
  await system.app.get(ProjectionRunner).waitFor(await system.app.get<EventStore>(EVENT_STORE).headPosition());
}

async function treeAndRoot(): Promise<{ size: number; root: string }> {
  const stored = await tree();
  return { size: stored.size, root: rootOf(stored) };
}

async function tree(): Promise<AuditTreeDoc> {
  return (await system.app.get<ReadModelStore>(READ_MODEL_STORE).collection<AuditTreeDoc>(AUDIT_TREES).get(editionId))!;
}

const exportPath = () => `/api/processes/${editionId}/audit/export`;
const download = (headers?: Record<string, string>): Promise<Answer<string>> =>
  system.anonymous.get(exportPath(), headers);

describe('audit export while the edition runs', () => {
  let first: Answer<string>;

  beforeAll(async () => {
    first = await download();
  });

  it('names the tree it is the leaves of in its ETag, and asks caches to revalidate', async () => {
    const { size, root } = await treeAndRoot();
    expect(size).toBeGreaterThan(2 * LEAVES_PER_PAGE);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(`"${size}-${root}"`);
    expect(first.headers.get('cache-control')).toBe(CURRENT);
    expect(first.headers.get('content-type')).toBe('application/jsonl; charset=utf-8');
    const events = parseJsonLines(first.body) as PublicEvent[];
    expect(events).toHaveLength(size);
    expect(events.filter((event) => event.type === 'ProposalEdited')).toHaveLength(2_200);
  });

  it('sends the same bytes again when its full pages come from the cache', async () => {
    const again = await download();

    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.body).toBe(first.body);
  });

  it('answers 304 with no body to a client holding the current version, strong or weak', async () => {
    const etag = first.headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"0-stale", ${etag}`, '*']) {
      const answer = await download({ 'if-none-match': ifNoneMatch });
      expect(answer.status).toBe(304);
      expect(answer.body).toBeNull();
      expect(answer.headers.get('etag')).toBe(etag);
      expect(answer.headers.get('cache-control')).toBe(CURRENT);
    }
    expect((await download({ 'if-none-match': '"0-stale"' })).status).toBe(200);
  });

  it('gets a new ETag when the log grows, and the old bytes are a prefix of the new ones', async () => {
    const edited = await author.patch(`/api/proposals/${proposalId}`, { title: 'Luminarias LED en la Alameda' });
    expect(edited.status).toBe(200);
    await caughtUp();

    const grown = await download({ 'if-none-match': first.headers.get('etag')! });

    expect(grown.status).toBe(200);
    expect(grown.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(grown.body.startsWith(first.body)).toBe(true);
    expect(parseJsonLines(grown.body)).toHaveLength((await tree()).size);
  });
});

describe('downloads once voting is over', () => {
  let pb: Answer<string>;

  beforeAll(async () => {
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
    const assessed = await reviewer.post(`/api/proposals/${proposalId}/assessment`, {
      feasible: true,
      cost: 400_000,
      reason: 'Viable.',
    });
    expect(assessed.status).toBe(200);
    for (const to of ['voting', 'counting']) {
      expect((await admin.post(`/api/processes/${editionId}/phase`, { to })).status).toBe(200);
    }
    pb = await system.anonymous.get(`/api/processes/${editionId}/results.pb`);
  }, 60_000);

  it('gives the pabulib file an ETag and answers 304 for it until the log changes', async () => {
    const { size, root } = await treeAndRoot();
    expect(pb.status).toBe(200);
    expect(pb.headers.get('etag')).toBe(`"${size}-${root}"`);
    expect(pb.headers.get('cache-control')).toBe(CURRENT);

    const etag = pb.headers.get('etag')!;
    const notModified = await system.anonymous.get(`/api/processes/${editionId}/results.pb`, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
    const cached = await system.anonymous.get(`/api/processes/${editionId}/results.pb`);
    expect(cached.body).toBe(pb.body);

    expect((await admin.post(`/api/processes/${editionId}/phase`, { to: 'results' })).status).toBe(200);
    const counted = await system.anonymous.get(`/api/processes/${editionId}/results.pb`, { 'if-none-match': etag });
    expect(counted.status).toBe(200);
    expect(counted.headers.get('etag')).not.toBe(etag);
  });

  it('marks the export and the pabulib file immutable once the edition is closed and its last head signed', async () => {
    expect((await download()).headers.get('cache-control')).toBe(CURRENT);
    expect((await admin.post(`/api/processes/${editionId}/phase`, { to: 'closed' })).status).toBe(200);

    const closed = await download();
    const events = parseJsonLines(closed.body) as PublicEvent[];
    expect(events.at(-1)).toMatchObject({ type: 'TreeHeadSigned', data: { reason: 'phase:closed' } });
    expect(closed.headers.get('cache-control')).toBe(FINAL);
    const { size, root } = await treeAndRoot();
    expect(closed.headers.get('etag')).toBe(`"${size}-${root}"`);
    const final = await download({ 'if-none-match': closed.headers.get('etag')! });
    expect([final.status, final.headers.get('cache-control')]).toEqual([304, FINAL]);
    const pbClosed = await system.anonymous.get(`/api/processes/${editionId}/results.pb`);
    expect([pbClosed.status, pbClosed.headers.get('cache-control')]).toEqual([200, FINAL]);
  });
});

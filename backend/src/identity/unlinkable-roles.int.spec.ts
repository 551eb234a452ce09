import { type PublicEvent, type TreeHeadsDocument, verifyEdition, verifyTreeHead } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { accountClaims } from '@decidimos/infra';
import { allProjections } from '../app.projections';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import type { GenerationalReadModelStore } from '../projections/generations';
import { ProjectionRunner } from '../projections/projection-runner';
import { rebuildProjections } from '../projections/rebuild';
import { READ_MODEL_STORE } from '../read-models/read-model.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { pseudonym, type PseudonymPurpose } from './pseudonyms';

const RESIDENT = 'resident-centro-1';
const NAME = 'María López Garza';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let resident: Client;
let neighbour: Client;
/** Two editions in which the same resident proposed, supported and voted, each counted and published. */
const editions: { id: string; proposal: string }[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  resident = await system.login(RESIDENT);
  neighbour = await system.login('resident-centro-2');
  expect((await resident.put('/api/me/display-name', { displayName: NAME })).status).toBe(200);
  for (let n = 0; n < 2; n++) editions.push(await takePart());
  // Two whole editions through the API: far more than jest's default 5 s on a busy machine.
}, 120_000);
afterAll(() => system.close());

/** An edition in which RESIDENT proposes, supports and votes, counted and published. */
async function takePart(): Promise<{ id: string; proposal: string }> {
  const id = await createEdition(
    admin,
    ['proposals'],
    editionBody({ rules: { supports: { enabled: true, perResident: 3, threshold: 1 } } }),
  );
  const submitted = await resident.post(`/api/processes/${id}/proposals`, proposalBody());
  expect(submitted.status).toBe(201);
  const proposal = submitted.body.id as string;
  await phase(id, 'review');
  const assessment = { feasible: true, cost: 450_000, reason: 'Viable: predio municipal.' };
  expect((await reviewer.post(`/api/proposals/${proposal}/assessment`, assessment)).status).toBe(200);
  await phase(id, 'supports');
  expect((await resident.put(`/api/proposals/${proposal}/support`)).status).toBe(200);
  await phase(id, 'voting');
  expect((await resident.post(`/api/processes/${id}/ballot`, { selections: [proposal] })).status).toBe(201);
  await phase(id, 'counting');
  await phase(id, 'results');
  return { id, proposal };
}

async function phase(id: string, to: string) {
  expect((await admin.post(`/api/processes/${id}/phase`, { to })).status).toBe(200);
}

async function exported(id: string): Promise<{ text: string; events: PublicEvent[] }> {
  const answer = await system.anonymous.get(`/api/processes/${id}/audit/export`);
  expect(answer.status).toBe(200);
  const text = answer.body as string;
  return { text, events: parseJsonLines(text) as PublicEvent[] };
}

/** The pseudonym each of RESIDENT's events carries in the export, by event type. */
function pseudonymsIn(events: PublicEvent[]): Record<'author' | 'support' | 'ballot', string[]> {
  const field = (type: string, name: string) => events.filter((e) => e.type === type).map((e) => String(e.data[name]));
  return {
    author: field('ProposalSubmitted', 'author'),
    support: field('SupportGiven', 'voter'),
    ballot: field('BallotCast', 'voter'),
  };
}

const ofResident = (purpose: PseudonymPurpose, editionId: string) =>
  pseudonym(system.config.voterKey, purpose, editionId, accountClaims(RESIDENT)!.curp);

describe("a resident's pseudonyms in the public log", () => {
  it('differ between their proposal, their support and their ballot, and between editions', async () => {
    const seen: string[] = [];
    for (const { id } of editions) {
      const { events } = await exported(id);
      const found = pseudonymsIn(events);
      // Each is the HMAC of its own purpose for this person, so the export holds this person's events.
      expect(found).toEqual({
        author: [ofResident('author', id)],
        support: [ofResident('support', id)],
        ballot: [ofResident('ballot', id)],
      });
      seen.push(...found.author, ...found.support, ...found.ballot);
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('hold no display name, even while the name is set', async () => {
    for (const { id } of editions) expect((await exported(id)).text).not.toContain(NAME);
  });
});

describe('a public display name, outside the log', () => {
  it('is shown next to the proposal, and the author alone is told the proposal is theirs', async () => {
    const { proposal } = editions[0]!;
    expect((await resident.get('/api/me')).body.publicDisplayName).toBe(NAME);
    expect((await resident.get(`/api/proposals/${proposal}`)).body).toMatchObject({
      authorDisplayName: NAME,
      mine: true,
    });
    expect((await neighbour.get(`/api/proposals/${proposal}`)).body).toMatchObject({
      authorDisplayName: NAME,
      mine: false,
    });
    expect((await system.anonymous.get(`/api/proposals/${proposal}`)).body).toMatchObject({
      authorDisplayName: NAME,
      mine: false,
    });
  });

  it('survives a rebuild of every projection: no projection owns it', async () => {
    const readModels = system.app.get<GenerationalReadModelStore>(READ_MODEL_STORE);
    await rebuildProjections(system.app.get<EventStore>(EVENT_STORE), readModels, allProjections);
    expect(await system.app.get(ProjectionRunner).followRebuild()).toBe(true);
    const runner = system.app.get(ProjectionRunner);
    await runner.waitFor(await system.app.get<EventStore>(EVENT_STORE).headPosition());
    const listed = await system.anonymous.get(`/api/processes/${editions[0]!.id}/proposals`);
    expect(listed.body.items).toEqual([expect.objectContaining({ authorDisplayName: NAME, mine: false })]);
  });

  it('once erased, is nowhere in the export or the public routes, and every tree head and verify still hold', async () => {
    const { id, proposal } = editions[0]!;
    const headsBefore = (await system.anonymous.get(`/api/processes/${id}/audit/tree-heads`)).body as TreeHeadsDocument;
    const before = await exported(id);

    const erased = await resident.delete('/api/me/display-name');

    expect(erased.status).toBe(204);
    expect(erased.body).toBeNull();
    expect((await resident.get('/api/me')).body.publicDisplayName).toBeNull();
    const after = await exported(id);
    expect(after.text).toBe(before.text);
    expect(after.text).not.toContain(NAME);
    const detail = await system.anonymous.get(`/api/proposals/${proposal}`);
    expect(detail.body).toMatchObject({ authorDisplayName: null, mine: false });
    expect((await resident.get(`/api/proposals/${proposal}`)).body).toMatchObject({
      authorDisplayName: null,
      mine: true,
    });
    const listed = await system.anonymous.get(`/api/processes/${id}/proposals`);
    expect(JSON.stringify(listed.body)).not.toContain(NAME);
    expect(JSON.stringify(detail.body)).not.toContain(NAME);
    const treeHeads = (await system.anonymous.get(`/api/processes/${id}/audit/tree-heads`)).body as TreeHeadsDocument;
    expect(treeHeads).toEqual(headsBefore);
    for (const head of treeHeads.treeHeads) expect(verifyTreeHead(head, treeHeads.publicKey)).toBe(true);
    const results = (await system.anonymous.get(`/api/processes/${id}/results`)).body;
    const openings = await system.anonymous.get(`/api/processes/${id}/audit/openings`);
    expect(openings.status).toBe(200);
    expect(openings.body as string).not.toContain(NAME);
    const verification = verifyEdition({
      events: after.events,
      treeHeads,
      results,
      openings: parseJsonLines(openings.body as string),
      publicKey: treeHeads.publicKey,
    });
    expect(verification.findings).toEqual([]);
    expect(verification.ok).toBe(true);
  });

  it('erasing again, or with no name set, answers 204 and changes nothing', async () => {
    expect((await resident.delete('/api/me/display-name')).status).toBe(204);
    expect((await neighbour.delete('/api/me/display-name')).status).toBe(204);
    expect((await neighbour.get('/api/me')).body.publicDisplayName).toBeNull();
  });

  it('refuses an empty or over-long name with 400 VALIDATION_FAILED naming the field', async () => {
    for (const displayName of ['   ', 'x'.repeat(81)]) {
      const answer = await neighbour.put('/api/me/display-name', { displayName });
      expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.displayName']);
    }
    const missing = await neighbour.put('/api/me/display-name', {});
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.displayName']);
    expect((await neighbour.get('/api/me')).body.publicDisplayName).toBeNull();
  });

  it('is not part of a proposal: the submit request takes no author name', async () => {
    const id = await createEdition(admin, ['proposals']);
    const answer = await neighbour.post(`/api/processes/${id}/proposals`, {
      ...proposalBody(),
      authorDisplayName: 'Lupita',
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(answer.body.errors)).toContain('authorDisplayName');
  });

  it('can be changed, and the change shows at once; it needs a session', async () => {
    const changed = await resident.put('/api/me/display-name', { displayName: '  Mary  ' });
    expect(changed).toMatchObject({ status: 200, body: { publicDisplayName: 'Mary' } });
    expect((await system.anonymous.get(`/api/proposals/${editions[1]!.proposal}`)).body.authorDisplayName).toBe('Mary');
    const anonymous = await system.anonymous.put('/api/me/display-name', { displayName: 'Nadie' });
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });
});

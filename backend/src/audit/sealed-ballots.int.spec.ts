import {
  type PublicEvent,
  type TreeHeadsDocument,
  ballotCommitment,
  finding,
  parseEvent,
  verifyEdition,
} from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { type Answer, type Client, startTestSystem, type TestSystem } from '../testing/test-system';

/**
 * Issue 10, "sealed ballots while voting is open": during voting nothing public holds a
 * ballot's selections, so no one can compute a running tally; once voting closes the
 * openings are published, verify checks each against its commitment and re-counts.
 */
let system: TestSystem;
let admin: Client;
const residents: Record<string, Client> = {};
let editionId: string;
let proposals: Record<'a' | 'b' | 'c', string>;
/** Each resident's receipts, oldest first. */
const receipts: Record<string, string[]> = {};

const RESIDENTS = ['resident-centro-1', 'resident-centro-2', 'resident-centro-3', 'resident-centro-4'];
const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
const url = (path = '') => `/api/processes/${editionId}${path}`;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  for (const name of RESIDENTS) residents[name] = await system.login(name);
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false }, ballot: { method: 'knapsack', revoting: true } },
    }),
  ).advance('proposals');
  const submit = (title: string, cost: number) =>
    history.submit('resident-centro-1', { title, district: 'centro', estimatedCost: cost });
  proposals = { a: submit('Parque A', 600_000), b: submit('Banquetas B', 400_000), c: submit('Cancha C', 300_000) };
  history.advance('review');
  for (const [proposal, cost] of [
    [proposals.a, 600_000],
    [proposals.b, 400_000],
    [proposals.c, 300_000],
  ] as const)
    history.assess(proposal, feasible(cost));
  await history.seed();
  editionId = history.id;
  expect((await admin.post(url('/phase'), { to: 'voting' })).status).toBe(200);
  const vote = async (name: string, selections: string[]) => {
    const answer = await residents[name]!.post(url('/ballot'), { selections });
    expect([200, 201]).toContain(answer.status);
    (receipts[name] ??= []).push(answer.body.receipt as string);
  };
  await vote('resident-centro-1', [proposals.a]);
  await vote('resident-centro-2', [proposals.b, proposals.c]);
  // A revote: the first ballot is replaced and must never be opened.
  await vote('resident-centro-1', [proposals.a, proposals.c]);
  await vote('resident-centro-3', [proposals.c]);
  await vote('resident-centro-4', []);
}, 120_000);
afterAll(() => system?.close());

/** Every ballot as the store holds it, with its sealed selections and salt. */
async function storedBallots() {
  const all = await system.app.get<EventStore>(EVENT_STORE).readAll({ after: 0 });
  return all
    .filter((e) => e.type === 'BallotCast' && e.data['editionId'] === editionId)
    .map((e) => ({ id: e.id, ...(parseEvent(e.type, e.data, 2).data as Record<string, unknown>) }))
    .map((b) => b as unknown as { id: string; commitment: string; sealed: { selections: string[]; salt: string } });
}

async function exported(): Promise<PublicEvent[]> {
  const answer = await system.anonymous.get(url('/audit/export'));
  expect(answer.status).toBe(200);
  return parseJsonLines(answer.body as string) as PublicEvent[];
}

/** Every key of a JSON value, however deep, with the values found under it. */
function keysOf(value: unknown, found = new Map<string, unknown[]>()): Map<string, unknown[]> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      found.set(key, [...(found.get(key) ?? []), child]);
      keysOf(child, found);
    }
  }
  return found;
}

describe('while voting is open', () => {
  it('exports each ballot with its commitment, never its selections or salt, and only the hour it was cast', async () => {
    const ballots = await storedBallots();
    expect(ballots).toHaveLength(5);
    const lines = (await exported()).filter((e) => e.type === 'BallotCast');
    expect(lines.map((e) => e.id)).toEqual(ballots.map((b) => b.id));
    for (const line of lines) {
      const text = JSON.stringify(line);
      for (const proposalId of Object.values(proposals)) expect(text).not.toContain(proposalId);
      for (const { sealed } of ballots) expect(text).not.toContain(sealed.salt);
      expect(Object.keys(line.data).sort()).toEqual([
        'booth',
        'channel',
        'commitment',
        'district',
        'editionId',
        'residenceProof',
        'voter',
      ]);
      expect(line.recordedAt).toMatch(/T\d\d:00:00\.000Z$/);
      expect(line.data['commitment']).toBe(ballots.find((b) => b.id === line.id)!.commitment);
    }
    // Two residents who both chose only Cancha C would still have unrelated commitments: the salt differs.
    const commitments = new Set(ballots.map((b) => b.commitment));
    expect(commitments.size).toBe(5);
  });

  it('answers no public route with a selection, a salt or a vote count, and keeps results and openings at 409', async () => {
    const ballots = await storedBallots();
    const { paths } = (await system.anonymous.get('/api/docs')).body as { paths: Record<string, { get?: unknown }> };
    const allReceipts = Object.values(receipts).flat();
    const answers: [string, Answer][] = [];
    for (const [template, operations] of Object.entries(paths)) {
      // The OpenAPI document itself names the `selections` field of the ballot requests.
      if (!operations.get || !template.startsWith('/api/') || template === '/api/docs') continue;
      const ids = template.startsWith('/api/proposals/') ? Object.values(proposals) : [editionId];
      for (const id of ids) {
        for (const receipt of template.includes('{receipt}') ? allReceipts : ['']) {
          const path = template.replace('{id}', id).replace('{receipt}', receipt);
          answers.push([path, await system.anonymous.get(path)]);
        }
      }
    }
    const visited = answers.map(([path]) => path);
    for (const route of ['', '/proposals', '/results', '/results.pb', '/audit/export', '/audit/tree-heads'])
      expect(visited).toContain(url(route));
    expect(visited).toContain(`/api/proposals/${proposals.a}`);
    for (const [path, { body }] of answers) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      for (const { sealed } of ballots)
        expect({ path, salt: text.includes(sealed.salt) }).toEqual({ path, salt: false });
      if (path === url('/audit/export')) continue; // checked line by line above
      // texts.jsonl publishes each proposal text with its own salt, none of them a ballot's (checked above).
      if (path === url('/audit/texts')) continue;
      const keys = keysOf(typeof body === 'string' ? parseJsonLines(body) : body);
      for (const key of ['selections', 'sealed', 'salt'])
        expect({ path, key, found: keys.has(key) }).toEqual({ path, key, found: false });
      // Proposals carry `votes: null` until the tally: any number would be a running tally.
      expect({ path, votes: (keys.get('votes') ?? []).filter((v) => v !== null) }).toEqual({ path, votes: [] });
    }
    const status = (path: string) => answers.find(([p]) => p === url(path))![1];
    expect(status('/results')).toMatchObject({ status: 409, body: { code: 'RESULTS_NOT_PUBLISHED' } });
    expect(status('/results.pb')).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
    expect(await system.anonymous.get(url('/audit/openings'), { 'accept-language': 'en' })).toMatchObject({
      status: 409,
      body: {
        code: 'BALLOTS_SEALED',
        detail:
          'The openings of the ballots (selections and salt) are published when voting closes; the edition is in "voting".',
      },
    });
  });

  it('proves a receipt is in the log without saying what it counts for', async () => {
    const [first, second] = receipts['resident-centro-1']!;
    const replaced = await system.anonymous.get(`/api/receipts/${first}`);
    expect(replaced.body).toMatchObject({ matches: true, current: false, replaced: true, counted: null });
    const current = await system.anonymous.get(`/api/receipts/${second}`);
    expect(current.body).toMatchObject({ current: true, replaced: false, counted: null });
  });

  it('still shows a resident their own ballot', async () => {
    const mine = await residents['resident-centro-1']!.get(url('/ballot'));
    expect(mine).toMatchObject({ status: 200, body: { selections: [proposals.a, proposals.c] } });
  });

  it('verifies the sealed log with no openings and no re-count', async () => {
    const treeHeads = (await system.anonymous.get(url('/audit/tree-heads'))).body as TreeHeadsDocument;
    const verification = verifyEdition({ events: await exported(), treeHeads });
    expect(verification.findings).toEqual([]);
    expect(verification).toMatchObject({ ok: true, ballotsCast: 5, voters: 4, recount: null });
  });
});

describe('once voting has closed', () => {
  let openingsText: string;
  let openings: { ballotId: string; selections: string[]; salt: string }[];
  let events: PublicEvent[];
  let treeHeads: TreeHeadsDocument;
  let results: { ballots: number; districts: { id: string; proposals: { id: string; votes: number }[] }[] };

  beforeAll(async () => {
    expect((await admin.post(url('/phase'), { to: 'counting' })).status).toBe(200);
    expect((await admin.post(url('/phase'), { to: 'results' })).status).toBe(200);
    const answer = await system.anonymous.get(url('/audit/openings'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/jsonl/);
    openingsText = answer.body as string;
    openings = parseJsonLines(openingsText) as typeof openings;
    events = await exported();
    treeHeads = (await system.anonymous.get(url('/audit/tree-heads'))).body;
    results = (await system.anonymous.get(url('/results'))).body;
  }, 60_000);

  it("publishes the opening of each voter's last ballot, and never of the one a revote replaced", async () => {
    const ballots = await storedBallots();
    const replaced = receipts['resident-centro-1']![0]!.split('.')[0]!;
    expect(openings.map((o) => o.ballotId).sort()).toEqual(
      ballots
        .map((b) => b.id)
        .filter((id) => id !== replaced)
        .sort(),
    );
    for (const opening of openings) {
      const ballot = ballots.find((b) => b.id === opening.ballotId)!;
      expect(opening).toEqual({ ballotId: ballot.id, ...ballot.sealed });
      expect(ballotCommitment(opening.salt, opening.selections)).toBe(ballot.commitment);
    }
  });

  it('names the openings for good: an entity tag, immutable caching, 304 on a repeat', async () => {
    const first = await system.anonymous.get(url('/audit/openings'));
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"openings-\d+"$/);
    expect(first.body).toBe(openingsText);
    const again = await system.anonymous.get(url('/audit/openings'), { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('verifies every opening against its commitment, and re-counts the opened selections to the published results', () => {
    const verification = verifyEdition({ events, treeHeads, results, openings, publicKey: treeHeads.publicKey });
    expect(verification.findings).toEqual([]);
    expect(verification.recount?.ballots).toBe(4);
    expect(results.ballots).toBe(4);
    const published = results.districts.find((d) => d.id === 'centro')!;
    const votes = Object.fromEntries(published.proposals.map((p) => [p.id, p.votes]));
    expect(verification.recount?.districts.find((d) => d.id === 'centro')?.votes).toEqual(votes);
    expect(votes).toEqual({ [proposals.a]: 1, [proposals.b]: 1, [proposals.c]: 3 });
  });

  it('shows on a receipt what the ballot counted for, or that it was replaced', async () => {
    const [first, second] = receipts['resident-centro-1']!;
    expect((await system.anonymous.get(`/api/receipts/${second}`)).body).toMatchObject({
      current: true,
      replaced: false,
      counted: { selections: [proposals.a, proposals.c] },
    });
    expect((await system.anonymous.get(`/api/receipts/${first}`)).body).toMatchObject({
      current: false,
      replaced: true,
      counted: null,
    });
  });

  it('catches a tampered opening, each kind with its own finding', () => {
    const target = receipts['resident-centro-2']![0]!.split('.')[0]!;
    const replacedId = receipts['resident-centro-1']![0]!.split('.')[0]!;
    const findingsWith = (changed: unknown[]) =>
      verifyEdition({ events, treeHeads, results, openings: changed }).findings;
    const change = (edit: object) => openings.map((o) => (o.ballotId === target ? { ...o, ...edit } : o));
    const mismatch = finding('OPENING_MISMATCH', { ballot: target });

    expect(findingsWith(change({ selections: [proposals.a] }))[0]).toEqual(mismatch);
    const changedSalt = findingsWith(change({ salt: 'ab'.repeat(32) }));
    expect(changedSalt[0]).toEqual(mismatch);
    // An unproven ballot is not counted, so the re-count no longer matches the tally either.
    expect(changedSalt).toContainEqual(
      finding('BALLOT_COUNT_DIFFERS', { source: 'TallyComputed', published: 4, recount: 3 }),
    );
    expect(findingsWith(openings.filter((o) => o.ballotId !== target))[0]).toEqual(
      finding('OPENING_MISSING', { ballot: target }),
    );
    const ofReplaced = { ballotId: replacedId, selections: [proposals.a], salt: 'cd'.repeat(32) };
    expect(findingsWith([...openings, ofReplaced])).toEqual([finding('OPENING_NOT_COUNTED', { ballot: replacedId })]);
    const unknown = { ballotId: 'no-such-ballot', selections: [], salt: 'cd'.repeat(32) };
    expect(findingsWith([...openings, unknown])).toEqual([
      finding('OPENING_UNKNOWN_BALLOT', { ballot: 'no-such-ballot' }),
    ]);
    expect(findingsWith([...openings, openings[0]!])).toEqual([
      finding('OPENING_DUPLICATE', { ballot: openings[0]!.ballotId }),
    ]);
  });
});

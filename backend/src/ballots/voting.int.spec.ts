import { jest } from '@jest/globals';
import { accountClaims } from '@decidimos/infra';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { type EditionRulesInput } from '../testing/an-edition';
import { boothWithShift } from '../testing/booths';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let officer: Client;
const residents: Record<string, Client> = {};

const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
const resident = (name: string) => residents[name]!;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'poll-officer', role: 'poll-officer' });
  officer = await system.login('poll-officer');
  for (const name of [
    'resident-centro-1',
    'resident-centro-2',
    'resident-centro-3',
    'resident-centro-4',
    'resident-norte-1',
    'minor-1',
    'nonresident-1',
  ]) {
    residents[name] = await system.login(name);
  }
});
afterAll(() => system.close());

/** An edition at the start of its supports phase: proposals and review seeded, the rest through the API. */
async function editionReadyToVote(rules: EditionRulesInput) {
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      rules: { supports: { enabled: true, perResident: 2, threshold: 2 }, ...rules },
    }),
  ).advance('proposals');
  const submit = (title: string, district: string, cost: number) =>
    history.submit(district === 'centro' ? 'resident-centro-1' : 'resident-norte-1', {
      title,
      district,
      estimatedCost: cost,
    });
  const p = {
    a: submit('Parque A', 'centro', 600_000),
    b: submit('Banquetas B', 'centro', 400_000),
    c: submit('Cancha C', 'centro', 300_000),
  };
  // The per-resident limit is 3: a second author for the rest.
  const second = (title: string, cost: number) => history.submit('resident-centro-2', { title, estimatedCost: cost });
  const d = second('Deportivo D', 200_000);
  const e = second('Escuela E', 100_000);
  const n1 = submit('Norte uno', 'norte', 300_000);
  history.advance('review');
  for (const [proposal, cost] of [
    [p.a, 600_000],
    [p.b, 400_000],
    [p.c, 300_000],
    [e, 100_000],
    [n1, 300_000],
  ] as const) {
    history.assess(proposal, feasible(cost));
  }
  history.assess(d, { feasible: false, cost: 200_000, reason: 'No es de competencia municipal.' });
  // Without a supports phase, voting follows review.
  if (rules.supports?.enabled !== false) history.advance('supports');
  await history.seed();
  return { id: history.id, ...p, d, e, n1 };
}

describe('from supports to results through the API', () => {
  let edition: Awaited<ReturnType<typeof editionReadyToVote>>;

  beforeAll(async () => {
    edition = await editionReadyToVote({ ballot: { method: 'knapsack', revoting: true } });
  });

  it('collects supports under the edition rules, with every refusal explained', async () => {
    const support = (who: string, proposal: string) => resident(who).put(`/api/proposals/${proposal}/support`);
    for (const who of ['resident-centro-1', 'resident-centro-2']) {
      for (const proposal of [edition.a, edition.b]) expect((await support(who, proposal)).status).toBe(200);
    }
    expect((await support('resident-centro-3', edition.c)).body).toMatchObject({ supported: true, supports: 1 });
    expect((await support('resident-centro-3', edition.c)).body).toMatchObject({ supported: true, supports: 1 });
    expect((await support('resident-centro-4', edition.c)).body).toMatchObject({ supports: 2 });
    expect(await support('resident-centro-1', edition.c)).toMatchObject({
      status: 422,
      body: { code: 'SUPPORT_LIMIT_REACHED' },
    });
    expect(await support('resident-centro-3', edition.d)).toMatchObject({
      status: 422,
      body: { code: 'NOT_FEASIBLE' },
    });
    expect(await support('resident-norte-1', edition.a)).toMatchObject({
      status: 422,
      body: { code: 'WRONG_DISTRICT' },
    });
    expect(await support('minor-1', edition.a)).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(await support('nonresident-1', edition.a)).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(await system.anonymous.put(`/api/proposals/${edition.a}/support`)).toMatchObject({ status: 401 });
    expect(await support('resident-centro-3', 'no-such-proposal')).toMatchObject({ status: 404 });
    const taken = await resident('resident-centro-4').delete(`/api/proposals/${edition.c}/support`);
    expect(taken.body).toMatchObject({ supported: false, supports: 1 });
    expect((await resident('resident-centro-4').put(`/api/proposals/${edition.c}/support`)).body.supports).toBe(2);
    expect((await resident('resident-norte-1').put(`/api/proposals/${edition.n1}/support`)).status).toBe(200);
  });

  it('puts on the ballot exactly the feasible proposals that reached the threshold', async () => {
    const voting = await admin.post(`/api/processes/${edition.id}/phase`, { to: 'voting' });
    expect(voting.body.phase).toBe('voting');
    const status = async (id: string) => (await system.anonymous.get(`/api/proposals/${id}`)).body.status;
    expect(await status(edition.a)).toBe('on-ballot');
    expect(await status(edition.b)).toBe('on-ballot');
    expect(await status(edition.c)).toBe('on-ballot');
    expect(await status(edition.d)).toBe('unfeasible');
    expect(await status(edition.e)).toBe('off-ballot');
    expect(await status(edition.n1)).toBe('off-ballot');
    expect(await resident('resident-centro-1').put(`/api/proposals/${edition.a}/support`)).toMatchObject({
      status: 409,
      body: { code: 'PHASE_CLOSED' },
    });
  });

  it('validates ballots against the rules and records nothing for a refused one', async () => {
    const vote = (who: string, selections: string[]) =>
      resident(who).post(`/api/processes/${edition.id}/ballot`, { selections });
    const before = system.app.get(ProjectionRunner).position;
    expect(await vote('resident-centro-1', [edition.a, edition.b, edition.c])).toMatchObject({
      status: 422,
      body: { code: 'OVER_BUDGET' },
    });
    expect(await vote('resident-centro-1', [edition.e])).toMatchObject({
      status: 422,
      body: { code: 'NOT_ON_BALLOT' },
    });
    expect(await vote('resident-centro-1', [edition.a, edition.a])).toMatchObject({
      status: 422,
      body: { code: 'DUPLICATE_SELECTION' },
    });
    expect(await vote('resident-norte-1', [edition.a])).toMatchObject({ status: 422, body: { code: 'NOT_ON_BALLOT' } });
    expect(await vote('minor-1', [edition.a])).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(await vote('nonresident-1', [edition.a])).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(
      await resident('resident-centro-1').post(`/api/processes/${edition.id}/ballot`, { selections: 'all' }),
    ).toMatchObject({ status: 400 });
    expect(await resident('resident-centro-1').get(`/api/processes/${edition.id}/ballot`)).toMatchObject({
      status: 404,
    });
    expect(system.app.get(ProjectionRunner).position).toBe(before);
  });

  it('casts, revotes and gives receipts; the last ballot counts', async () => {
    const vote = (who: string, selections: string[]) =>
      resident(who).post(`/api/processes/${edition.id}/ballot`, { selections });
    const first = await vote('resident-centro-1', [edition.a]);
    expect(first.status).toBe(201);
    expect(first.body.receipt).toBe(`${first.body.ballotId}.${first.body.leafHash}`);
    expect(first.body.leafHash).toMatch(/^[0-9a-f]{64}$/);
    const changed = await vote('resident-centro-1', [edition.a, edition.b]);
    expect(changed.status).toBe(200);
    expect(changed.body.receipt).not.toBe(first.body.receipt);
    const mine = await resident('resident-centro-1').get(`/api/processes/${edition.id}/ballot`);
    expect(mine.body).toMatchObject({
      selections: [edition.a, edition.b],
      receipt: changed.body.receipt,
      channel: 'online',
    });
    expect((await vote('resident-centro-2', [edition.b, edition.c])).status).toBe(201);
    expect((await vote('resident-centro-3', [edition.c])).status).toBe(201);
    expect((await vote('resident-norte-1', [])).status).toBe(201);
  });

  it('records assisted ballots under the same pseudonym as online ones', async () => {
    const booth = await boothWithShift(admin, edition.id, 'centro', 'poll-officer');
    const claims = accountClaims('resident-centro-4')!;
    const credential = { curp: claims.curp, birthdate: claims.birthdate, district: 'centro' };
    const assisted = await officer.post(`/api/processes/${edition.id}/assisted-ballots`, {
      booth,
      credential,
      selections: [edition.b],
    });
    expect(assisted.status).toBe(201);
    // The same person later votes online: it replaces the assisted ballot (revoting is on).
    const online = await resident('resident-centro-4').post(`/api/processes/${edition.id}/ballot`, {
      selections: [edition.c],
    });
    expect(online.status).toBe(200);
    expect(
      await resident('resident-centro-1').post(`/api/processes/${edition.id}/assisted-ballots`, {
        booth,
        credential,
        selections: [],
      }),
    ).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const badCurp = await officer.post(`/api/processes/${edition.id}/assisted-ballots`, {
      booth,
      credential: { ...credential, curp: 'NOT-A-CURP' },
      selections: [],
    });
    expect(badCurp).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const wrongBirthdate = await officer.post(`/api/processes/${edition.id}/assisted-ballots`, {
      booth,
      credential: { ...credential, birthdate: '1901-01-01' },
      selections: [],
    });
    expect(wrongBirthdate.status).toBe(400);
    const minor = accountClaims('minor-1')!;
    const underAge = await officer.post(`/api/processes/${edition.id}/assisted-ballots`, {
      booth,
      credential: { curp: minor.curp, birthdate: minor.birthdate, district: 'centro' },
      selections: [],
    });
    expect(underAge).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
  });

  it('publishes results only after counting, matching a hand count', async () => {
    expect(await system.anonymous.get(`/api/processes/${edition.id}/results`)).toMatchObject({
      status: 409,
      body: { code: 'RESULTS_NOT_PUBLISHED' },
    });
    // Voting closes after a revote has read the edition (still in voting) and before its
    // ballot is appended: the ballot lands in the log after the close, where counting leaves
    // it out, so its voter hears PHASE_CLOSED, not a receipt (the hand count below is unchanged).
    const store = system.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    const before = await store.headPosition();
    const closingMeanwhile = jest.spyOn(store, 'append').mockImplementationOnce(async (...args) => {
      expect((await admin.post(`/api/processes/${edition.id}/phase`, { to: 'counting' })).body.phase).toBe('counting');
      return append(...args);
    });
    const late = await resident('resident-centro-2').post(`/api/processes/${edition.id}/ballot`, {
      selections: [edition.a],
    });
    closingMeanwhile.mockRestore();
    expect(late).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
    expect(late.body).not.toHaveProperty('receipt');
    const recorded = (await store.readAll({ after: before })).map((event) => event.type);
    expect(recorded.filter((type) => type === 'EditionPhaseAdvanced' || type === 'BallotCast')).toEqual([
      'EditionPhaseAdvanced',
      'BallotCast',
    ]);
    expect(
      await resident('resident-centro-2').post(`/api/processes/${edition.id}/ballot`, { selections: [] }),
    ).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
    expect((await system.anonymous.get(`/api/processes/${edition.id}/results`)).status).toBe(409);
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'results' });
    const results = await system.anonymous.get(`/api/processes/${edition.id}/results`);
    expect(results.status).toBe(200);
    // Hand count, centro (budget 1,000,000): A 1 vote (centro-1), B 2 (centro-1, centro-2), C 3 (centro-2, centro-3, centro-4 online).
    // Greedy: C (300k) then B (400k) = 700k; A (600k) no longer fits.
    const centro = results.body.districts.find((d: { id: string }) => d.id === 'centro');
    expect(centro).toMatchObject({ budget: 1_000_000, spent: 700_000, voters: 4, rule: 'greedy' });
    expect(centro.proposals).toEqual([
      { id: edition.c, title: 'Cancha C', cost: 300_000, votes: 3, selected: true },
      { id: edition.b, title: 'Banquetas B', cost: 400_000, votes: 2, selected: true },
      { id: edition.a, title: 'Parque A', cost: 600_000, votes: 1, selected: false },
    ]);
    const norte = results.body.districts.find((d: { id: string }) => d.id === 'norte');
    expect(norte).toMatchObject({ spent: 0, voters: 1, proposals: [] });
    expect((await system.anonymous.get(`/api/proposals/${edition.a}`)).body).toMatchObject({
      status: 'not-selected',
      votes: 1,
    });
    expect((await system.anonymous.get(`/api/proposals/${edition.c}`)).body).toMatchObject({
      status: 'selected',
      votes: 3,
    });
  });
});

describe('editions with stricter ballots', () => {
  it('refuses a second ballot when revoting is off, online or assisted (409 ALREADY_VOTED)', async () => {
    const edition = await editionReadyToVote({ ballot: { method: 'knapsack', revoting: false } });
    for (const who of ['resident-centro-1', 'resident-centro-2'])
      await resident(who).put(`/api/proposals/${edition.a}/support`);
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'voting' });
    expect(
      (await resident('resident-centro-1').post(`/api/processes/${edition.id}/ballot`, { selections: [edition.a] }))
        .status,
    ).toBe(201);
    expect(
      await resident('resident-centro-1').post(`/api/processes/${edition.id}/ballot`, { selections: [] }),
    ).toMatchObject({ status: 409, body: { code: 'ALREADY_VOTED' } });
    const claims = accountClaims('resident-centro-1')!;
    const assisted = await officer.post(`/api/processes/${edition.id}/assisted-ballots`, {
      booth: await boothWithShift(admin, edition.id, 'centro', 'poll-officer'),
      credential: { curp: claims.curp, birthdate: claims.birthdate, district: 'centro' },
      selections: [],
      confirmReplace: true,
    });
    expect(assisted).toMatchObject({ status: 409, body: { code: 'ALREADY_VOTED' } });
  });

  it('enforces approval k, a minimum number of projects and a minimum spend', async () => {
    const approval = await editionReadyToVote({
      supports: { enabled: false },
      ballot: { method: 'approval', maxSelections: 1, minSelections: 1 },
    });
    await admin.post(`/api/processes/${approval.id}/phase`, { to: 'voting' });
    const vote = (selections: string[]) =>
      resident('resident-centro-3').post(`/api/processes/${approval.id}/ballot`, { selections });
    expect(await vote([approval.a, approval.b])).toMatchObject({ status: 422, body: { code: 'TOO_MANY' } });
    expect(await vote([])).toMatchObject({ status: 422, body: { code: 'TOO_FEW' } });
    expect((await vote([approval.a])).status).toBe(201);

    const minimum = await editionReadyToVote({
      supports: { enabled: false },
      ballot: { method: 'knapsack', minSpendShare: 0.5 },
    });
    await admin.post(`/api/processes/${minimum.id}/phase`, { to: 'voting' });
    const spend = (selections: string[]) =>
      resident('resident-centro-3').post(
        `/api/processes/${minimum.id}/ballot`,
        { selections },
        { 'accept-language': 'en' },
      );
    const under = await spend([minimum.c]);
    expect(under).toMatchObject({ status: 422, body: { code: 'UNDER_MINIMUM_SPEND' } });
    expect(under.body.detail).toContain('500,000');
    expect((await spend([minimum.c, minimum.e, minimum.b])).status).toBe(201);
  });
});

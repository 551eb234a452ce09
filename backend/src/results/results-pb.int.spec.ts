import { count, electionFromPabulib, parsePabulib } from '@decidimos/contracts';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
const residents: Record<string, Client> = {};
let edition: { id: string; a: string; b: string; c: string; n1: string };

const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  for (const name of [
    'resident-centro-1',
    'resident-centro-2',
    'resident-centro-3',
    'resident-centro-4',
    'resident-norte-1',
  ]) {
    residents[name] = await system.login(name);
  }
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      rules: { supports: { enabled: false }, counting: { rule: 'equal-shares' } },
    }),
  ).advance('proposals');
  const id = history.id;
  const costs: Record<string, number> = {};
  const submit = (author: string, title: string, district: string, cost: number) => {
    const proposal = history.submit(author, { title, district, estimatedCost: cost });
    costs[proposal] = cost;
    return proposal;
  };
  edition = {
    id,
    a: submit('resident-centro-1', 'Parque A', 'centro', 600_000),
    b: submit('resident-centro-1', 'Banquetas; B', 'centro', 400_000),
    c: submit('resident-centro-2', 'Cancha C', 'centro', 250_000),
    n1: submit('resident-norte-1', 'Norte uno', 'norte', 300_000),
  };
  history.advance('review');
  for (const [proposal, cost] of Object.entries(costs)) history.assess(proposal, feasible(cost));
  await history.seed();
  expect((await admin.post(`/api/processes/${id}/phase`, { to: 'voting' })).body.phase).toBe('voting');
  const vote = async (who: string, selections: string[]) =>
    expect((await residents[who]!.post(`/api/processes/${id}/ballot`, { selections })).status).toBeLessThan(300);
  for (const who of ['resident-centro-1', 'resident-centro-2', 'resident-centro-3'])
    await vote(who, [edition.a, edition.b]);
  await vote('resident-centro-4', [edition.a]);
  // A revote replaces the first ballot: only the last one goes into the file.
  await vote('resident-centro-4', [edition.c]);
  await vote('resident-norte-1', [edition.n1]);
});
afterAll(() => system.close());

const byCost = (x: { cost: number }, y: { cost: number }) => y.cost - x.cost;
const pb = (query = '?district=centro') => system.anonymous.get(`/api/processes/${edition.id}/results.pb${query}`);

describe('GET /api/processes/:id/results.pb', () => {
  it('is not available while voting is open', async () => {
    expect(await pb()).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
  });

  it("exports a district's final ballots once voting closes, as a file pabulib readers take", async () => {
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'counting' });
    const answer = await pb();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${edition.id}_centro.pb"`);
    const file = parsePabulib(answer.body as string);
    expect(file.meta).toMatchObject({
      budget: '1000000',
      vote_type: 'approval',
      rule: 'equalshares/add1',
      num_votes: '4',
      max_sum_cost: '1000000',
    });
    expect(file.projects.map(({ id, cost, name }) => ({ id, cost, name })).sort(byCost)).toEqual([
      { id: edition.a, cost: 600_000, name: 'Parque A' },
      { id: edition.b, cost: 400_000, name: 'Banquetas; B' },
      { id: edition.c, cost: 250_000, name: 'Cancha C' },
    ]);
    expect(file.votes.map((v) => v.vote.sort())).toEqual([
      [edition.a, edition.b].sort(),
      [edition.a, edition.b].sort(),
      [edition.a, edition.b].sort(),
      [edition.c],
    ]);
  });

  it('re-counts to the published results', async () => {
    await admin.post(`/api/processes/${edition.id}/phase`, { to: 'results' });
    const results = await system.anonymous.get(`/api/processes/${edition.id}/results`);
    const published = results.body.districts.find((d: { id: string }) => d.id === 'centro');
    const file = parsePabulib((await pb()).body as string);
    const recount = count(electionFromPabulib(file), { rule: 'equal-shares', completion: 'add1', utility: 'cost' });
    // Three voters for a and b, one for c: equal shares funds b and c (see count.unit.spec.ts).
    expect(recount.selected).toEqual([edition.b, edition.c].sort());
    expect(
      published.proposals
        .filter((p: { selected: boolean }) => p.selected)
        .map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(recount.selected);
    expect(Object.fromEntries(file.projects.map((p) => [p.id, p.fields['selected']]))).toEqual({
      [edition.a]: '0',
      [edition.b]: '1',
      [edition.c]: '1',
    });
  });

  it('exports each district on its own', async () => {
    const norte = parsePabulib((await pb('?district=norte')).body as string);
    expect(norte.meta).toMatchObject({ budget: '500000', num_votes: '1', district: 'Norte' });
    expect(norte.votes.map((v) => v.vote)).toEqual([[edition.n1]]);
  });

  it('refuses a missing or unknown district and an unknown edition, with a problem', async () => {
    expect(await pb('')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await pb('')).body.detail).toContain('centro, norte');
    expect(await pb('?district=sur')).toMatchObject({ status: 422, body: { code: 'UNKNOWN_DISTRICT' } });
    expect(await system.anonymous.get('/api/processes/no-such-edition/results.pb')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });
});

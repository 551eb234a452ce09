import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { finding, parsePabulib, verifyEdition, type PublicEvent, type TreeHeadsDocument } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { accountClaims } from '@decidimos/infra';
import { ProjectionRunner } from '../projections/projection-runner';
import { boothWithShift } from '../testing/booths';
import { EditionHistory } from '../testing/edition-history';
import { createEdition, editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

/**
 * Issue 12, part 2: besides their district's ballot, every resident votes in a citywide
 * pool with its own budget. One ballot per person holds both; each pool is judged by the
 * ballot rules on its own, counted on its own, published and exported on its own, and
 * re-counted by the verifier.
 */
let system: TestSystem;
let admin: Client;
const residents: Record<string, Client> = {};
const resident = (name: string) => residents[name]!;
const CITYWIDE = { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 };
const DISTRICTS = [
  { id: 'centro', name: 'Centro', budget: 900_000 },
  { id: 'norte', name: 'Norte', budget: 500_000 },
];
// The bin that `npx decidimos-audit` runs (it loads contracts/dist, built before the backend's tests).
const cli = join(resolve(__dirname, '..', '..', '..'), 'contracts', 'bin', 'decidimos-audit.js');
const run = promisify(execFile);
async function audit(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    return { code: 0, stdout: (await run(process.execPath, [cli, ...args])).stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}
const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'poll-officer', role: 'poll-officer' });
  residents['poll-officer'] = await system.login('poll-officer');
  for (const name of ['resident-centro-1', 'resident-centro-2', 'resident-centro-3', 'resident-norte-1']) {
    residents[name] = await system.login(name);
  }
}, 60_000);
afterAll(() => system?.close());

describe('an edition with a citywide pool', () => {
  it('is created with its pool, whose id no district may share', async () => {
    const id = await createEdition(admin, [], editionBody({ districts: DISTRICTS, citywidePool: CITYWIDE }));
    expect((await system.anonymous.get(`/api/processes/${id}`)).body).toMatchObject({ citywidePool: CITYWIDE });
    const clash = await admin.post(
      '/api/processes',
      editionBody({ districts: DISTRICTS, citywidePool: { ...CITYWIDE, id: 'centro' } }),
    );
    expect(clash).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(clash.body.errors.map((e: { path: string }) => e.path)).toContain('body.citywidePool.id');
    const without = await createEdition(admin, [], editionBody({ districts: DISTRICTS }));
    expect((await system.anonymous.get(`/api/processes/${without}`)).body).toMatchObject({ citywidePool: null });
  });

  it('takes proposals for the pool from residents of any district', async () => {
    const id = await createEdition(admin, ['proposals'], editionBody({ districts: DISTRICTS, citywidePool: CITYWIDE }));
    const proposal = {
      title: 'Ciclovía metropolitana',
      description: 'Una ciclovía continua que una los distritos de la ciudad.',
      estimatedCost: 900_000,
    };
    const submitted = await resident('resident-norte-1').post(`/api/processes/${id}/proposals`, {
      ...proposal,
      district: 'ciudad',
    });
    expect(submitted.status).toBe(201);
    expect((await system.anonymous.get(`/api/proposals/${submitted.body.id}`)).body).toMatchObject({
      district: 'ciudad',
    });
    expect(
      await resident('resident-norte-1').post(`/api/processes/${id}/proposals`, { ...proposal, district: 'sur' }),
    ).toMatchObject({ status: 422, body: { code: 'UNKNOWN_DISTRICT' } });
  });
});

describe('voting and counting per pool', () => {
  let editionId: string;
  let p: Record<'a' | 'b' | 'n1' | 'c1' | 'c2' | 'c3', string>;
  const url = (path = '') => `/api/processes/${editionId}${path}`;
  const vote = (who: string, selections: string[], headers: Record<string, string> = {}) =>
    resident(who).post(url('/ballot'), { selections }, headers);

  beforeAll(async () => {
    const history = new EditionHistory(
      system,
      editionBody({
        districts: DISTRICTS,
        citywidePool: CITYWIDE,
        rules: { supports: { enabled: true, perResident: 3, threshold: 1 } },
      }),
    ).advance('proposals');
    const submit = (account: string, title: string, district: string, cost: number) =>
      history.submit(account, { title, district, estimatedCost: cost });
    p = {
      a: submit('resident-centro-1', 'Parque A', 'centro', 600_000),
      b: submit('resident-centro-1', 'Banquetas B', 'centro', 400_000),
      n1: submit('resident-norte-1', 'Norte uno', 'norte', 300_000),
      c1: submit('resident-norte-1', 'Ciclovía C1', 'ciudad', 1_500_000),
      c2: submit('resident-centro-2', 'Corredor verde C2', 'ciudad', 800_000),
      c3: submit('resident-centro-2', 'Cruces seguros C3', 'ciudad', 300_000),
    };
    history.advance('review');
    for (const [proposal, cost] of [
      [p.a, 600_000],
      [p.b, 400_000],
      [p.n1, 300_000],
      [p.c1, 1_500_000],
      [p.c2, 800_000],
      [p.c3, 300_000],
    ] as const) {
      history.assess(proposal, feasible(cost));
    }
    history.advance('supports');
    history.support('resident-centro-1', p.a).support('resident-centro-1', p.b);
    await history.seed();
    editionId = history.id;
  }, 60_000);

  it('lets residents of every district support a citywide proposal, and only their own district’s others', async () => {
    const support = (who: string, proposal: string) => resident(who).put(`/api/proposals/${proposal}/support`);
    expect((await support('resident-norte-1', p.c1)).body).toMatchObject({ supported: true, supports: 1 });
    expect((await support('resident-centro-2', p.c2)).body).toMatchObject({ supported: true, supports: 1 });
    expect((await support('resident-norte-1', p.c3)).body).toMatchObject({ supported: true, supports: 1 });
    expect((await support('resident-norte-1', p.n1)).status).toBe(200);
    expect((await support('resident-centro-3', p.c2)).body).toMatchObject({ supported: true, supports: 2 });
    expect(await support('resident-norte-1', p.a)).toMatchObject({ status: 422, body: { code: 'WRONG_DISTRICT' } });
  });

  it('opens voting with a ballot per pool', async () => {
    expect((await admin.post(url('/phase'), { to: 'voting' })).status).toBe(200);
    const onBallot = await system.anonymous.get(url('/proposals?district=ciudad&status=on-ballot'));
    expect(onBallot.body.items.map((item: { id: string }) => item.id).sort()).toEqual([p.c1, p.c2, p.c3].sort());
  });

  it('refuses a ballot over budget in one pool only, naming that pool, and records nothing', async () => {
    const before = system.app.get(ProjectionRunner).position;
    const overCitywide = await vote('resident-centro-1', [p.a, p.c1, p.c2]);
    expect(overCitywide).toMatchObject({ status: 422, body: { code: 'OVER_BUDGET' } });
    expect(overCitywide.body.detail).toBe(
      'En «Toda la ciudad» tu selección cuesta 2,300,000 pesos y el presupuesto es 2,000,000 pesos.',
    );
    const overDistrict = await vote('resident-centro-1', [p.a, p.b, p.c3], { 'accept-language': 'en' });
    expect(overDistrict).toMatchObject({ status: 422, body: { code: 'OVER_BUDGET' } });
    expect(overDistrict.body.detail).toMatch(
      /^In "Centro" your selection costs 1,000,000 pesos and the budget is 900,000/,
    );
    expect(await vote('resident-centro-1', [p.a, p.c3, p.c3])).toMatchObject({
      status: 422,
      body: { code: 'DUPLICATE_SELECTION' },
    });
    expect(await vote('resident-norte-1', [p.n1, p.a])).toMatchObject({
      status: 422,
      body: { code: 'NOT_ON_BALLOT' },
    });
    expect(system.app.get(ProjectionRunner).position).toBe(before);
  });

  it('casts one ballot per person holding the picks of both pools', async () => {
    expect((await vote('resident-centro-1', [p.a, p.c1])).status).toBe(201);
    expect((await vote('resident-centro-2', [p.b, p.c2, p.c3])).status).toBe(201);
    expect((await vote('resident-norte-1', [p.n1, p.c2])).status).toBe(201);
    // At a booth: a support of a citywide proposal says nothing of the person's district.
    const booth = await boothWithShift(admin, editionId, 'centro', 'poll-officer');
    const claims = accountClaims('resident-centro-3')!;
    const assisted = await resident('poll-officer').post(url('/assisted-ballots'), {
      booth,
      credential: { curp: claims.curp, birthdate: claims.birthdate },
      selections: [],
    });
    expect(assisted.status).toBe(201);
    expect((await resident('resident-centro-2').get(url('/ballot'))).body).toMatchObject({
      selections: [p.b, p.c2, p.c3],
      district: 'centro',
    });
  });

  describe('once counted', () => {
    let results: {
      ballots: number;
      districts: { id: string; citywide: boolean; voters: number; spent: number; proposals: object[] }[];
    };

    beforeAll(async () => {
      expect((await admin.post(url('/phase'), { to: 'counting' })).status).toBe(200);
      expect((await admin.post(url('/phase'), { to: 'results' })).status).toBe(200);
      results = (await system.anonymous.get(url('/results'))).body;
    }, 60_000);

    it('counts each pool on its own and lists the citywide pool beside the districts', () => {
      expect(results.ballots).toBe(4);
      const pool = (id: string) => results.districts.find((d) => d.id === id)!;
      expect(results.districts.map((d) => [d.id, d.citywide])).toEqual([
        ['centro', false],
        ['norte', false],
        ['ciudad', true],
      ]);
      // Greedy by votes within each budget: the citywide pool counts every voter's picks on its ballot.
      expect(pool('ciudad')).toMatchObject({ name: 'Toda la ciudad', budget: 2_000_000, voters: 4, spent: 1_100_000 });
      expect(pool('ciudad').proposals).toEqual([
        { id: p.c2, title: 'Corredor verde C2', cost: 800_000, votes: 2, selected: true },
        { id: p.c3, title: 'Cruces seguros C3', cost: 300_000, votes: 1, selected: true },
        { id: p.c1, title: 'Ciclovía C1', cost: 1_500_000, votes: 1, selected: false },
      ]);
      expect(pool('centro')).toMatchObject({ voters: 3, spent: 400_000 });
      expect(pool('centro').proposals).toHaveLength(2);
      expect(pool('norte')).toMatchObject({ voters: 1, spent: 300_000 });
    });

    it('exports a pabulib file per pool, each with only its own picks', async () => {
      const citywide = await system.anonymous.get(url('/results.pb?district=ciudad'));
      expect(citywide.status).toBe(200);
      const file = parsePabulib(citywide.body as string);
      expect(file.meta).toMatchObject({ district: 'Toda la ciudad', budget: '2000000', num_votes: '4' });
      expect(file.votes.map((v) => v.vote.sort())).toEqual([[p.c1], [p.c2, p.c3].sort(), [p.c2], []]);
      const centro = parsePabulib((await system.anonymous.get(url('/results.pb?district=centro'))).body as string);
      expect(centro.meta).toMatchObject({ district: 'Centro', num_votes: '3' });
      expect(centro.votes.map((v) => v.vote)).toEqual([[p.a], [p.b], []]);
      expect(await system.anonymous.get(url('/results.pb'))).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED' },
      });
    });

    it('verifies both pools, and finds a tampered citywide tally in the log or in the results', async () => {
      const events = parseJsonLines((await system.anonymous.get(url('/audit/export'))).body) as PublicEvent[];
      const treeHeads = (await system.anonymous.get(url('/audit/tree-heads'))).body as TreeHeadsDocument;
      const openings = parseJsonLines((await system.anonymous.get(url('/audit/openings'))).body);
      const verification = verifyEdition({ events, treeHeads, results, openings });
      expect(verification.findings).toEqual([]);
      expect(verification.recount?.districts.map((d) => d.id)).toEqual(['centro', 'norte', 'ciudad']);
      expect(verification.recount?.districts.find((d) => d.id === 'ciudad')?.votes).toEqual({
        [p.c1]: 1,
        [p.c2]: 2,
        [p.c3]: 1,
      });

      const tamperedResults = {
        ...results,
        districts: results.districts.map((d) => (d.id === 'ciudad' ? { ...d, spent: 2_000_000 } : d)),
      };
      expect(verifyEdition({ events, treeHeads, results: tamperedResults, openings }).findings).toEqual([
        finding('SPENDING_DIFFERS', {
          source: 'results.json',
          district: 'ciudad',
          published: 2_000_000,
          recount: 1_100_000,
        }),
      ]);

      const tamperedLog = events.map((event) =>
        event.type === 'TallyComputed'
          ? {
              ...event,
              data: {
                ...event.data,
                districts: (event.data['districts'] as { id: string; selected: string[] }[]).map((d) =>
                  d.id === 'ciudad' ? { ...d, selected: [p.c1] } : d,
                ),
              },
            }
          : event,
      );
      expect(verifyEdition({ events: tamperedLog, treeHeads, results, openings }).findings).toContainEqual(
        finding('WINNERS_DIFFER', {
          source: 'TallyComputed',
          district: 'ciudad',
          published: p.c1,
          recount: [p.c2, p.c3].sort().join(', '),
        }),
      );
    });

    it('decidimos-audit verify re-counts both pools from the published files, and exits 1 on a tampered pool tally', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pool-audit-'));
      try {
        const save = async (file: string, path: string) => {
          const { body } = await system.anonymous.get(url(path));
          writeFileSync(join(dir, file), typeof body === 'string' ? body : JSON.stringify(body));
        };
        await save('events.jsonl', '/audit/export');
        await save('tree-heads.json', '/audit/tree-heads');
        await save('openings.jsonl', '/audit/openings');
        await save('results.json', '/results');
        const faithful = await audit('verify', dir);
        expect(faithful.stdout).toContain(
          `re-count ciudad: ${[p.c2, p.c3].sort().join(', ')} (1100000 of 2000000 pesos, 4 voters)`,
        );
        expect(faithful.stdout).toContain('re-count centro:');
        expect(faithful.code).toBe(0);
        const tampered = {
          ...results,
          districts: results.districts.map((d) => (d.id === 'ciudad' ? { ...d, voters: 9 } : d)),
        };
        writeFileSync(join(dir, 'results.json'), JSON.stringify(tampered));
        const caught = await audit('verify', dir);
        expect(caught.stdout).toContain(
          '[VOTERS_DIFFER] results.json, district ciudad: voters published 9, the re-count 4',
        );
        expect(caught.code).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

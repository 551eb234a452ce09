import fc from 'fast-check';
import { type PublicEvent, verifyEdition } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Answer, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let proposing: string;
let ownProposal: string;
let reviewing: string;
let toAssess: string;
const editions: string[] = [];

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  // Room for every proposal the runs below may have accepted.
  const roomy = editionBody({ rules: { proposals: { perResident: 100, minCost: 10_000, maxCost: 5_000_000 } } });
  proposing = await createEdition(admin, ['proposals'], roomy);
  ownProposal = (await author.post(`/api/processes/${proposing}/proposals`, proposalBody())).body.id;
  reviewing = await createEdition(admin, ['proposals']);
  toAssess = (await author.post(`/api/processes/${reviewing}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${reviewing}/phase`, { to: 'review' });
  editions.push(proposing, reviewing);
});
afterAll(() => system.close());

/** Any UTF-16 code unit: lone surrogates and controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const tricky = fc.constantFrom(
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\udc00\ud800',
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u202e',
  '😀',
  '𝔘',
  'e\u0301',
  'ñ',
  ' ',
);
/** Astral characters, lone surrogates, controls and plain text, in any mix. */
const nasty = fc
  .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), codeUnit, tricky), { maxLength: 6 })
  .map((parts) => parts.join(''));
/** Usually the valid value, otherwise arbitrary text around it, so runs end both accepted and refused. */
const field = (valid: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom('', valid), nasty, fc.constantFrom('', valid)).map((p) => p.join('')),
    },
  );
const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary }, fc.constant(null), fc.constant(undefined));

/** Every answer is a success or a problem the client caused: never a 5xx, never a bare error page. */
function tally(answer: Answer, counts: { accepted: number; refused: number }, success: number[]) {
  if (success.includes(answer.status)) {
    counts.accepted++;
    return;
  }
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(answer.body).toMatchObject({ status: answer.status, code: expect.any(String) });
  counts.refused++;
}

/** Both outcomes happened, so the property was tried on both sides of the check. */
function expectBoth(counts: { accepted: number; refused: number }) {
  expect(counts.accepted).toBeGreaterThan(0);
  expect(counts.refused).toBeGreaterThan(0);
}

/** Percent-encodes UTF-8 as a browser does: a lone surrogate becomes U+FFFD. */
const queryValue = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

// Each run is one request over real HTTP: a few dozen per route keep each test to seconds.
const RUNS = 60;

describe('arbitrary text in every text field of every write route', () => {
  it('POST /api/processes', async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        field('Presupuesto Participativo 2027'),
        field('Edición de prueba'),
        field('Centro'),
        field('Norte'),
        async (title, description, centro, norte) => {
          const body = editionBody({ title, description });
          body.districts = [
            { id: 'centro', name: centro, budget: 5_000_000 },
            { id: 'norte', name: norte, budget: 3_000_000 },
          ];
          const answer = await admin.post('/api/processes', body);
          tally(answer, counts, [201]);
          if (answer.status === 201) editions.push(answer.body.id);
        },
      ),
      { numRuns: RUNS },
    );
    expectBoth(counts);
  });

  it('POST /api/processes/:id/proposals', async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        field('Luminarias en la Alameda'),
        field('Cambiar las luminarias de la Alameda por tecnología LED.'),
        optional(field('alumbrado')),
        optional(field('Alameda Mariano Escobedo')),
        async (title, description, category, location) => {
          const body = { ...proposalBody({ title, description }), category, location };
          tally(await author.post(`/api/processes/${proposing}/proposals`, body), counts, [201]);
        },
      ),
      { numRuns: RUNS },
    );
    expectBoth(counts);
  });

  it('PATCH /api/proposals/:id', async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.option(field('Luminarias nuevas'), { nil: undefined }),
        fc.option(field('Cambiar todas las luminarias por LED en la Alameda.'), { nil: undefined }),
        optional(field('alumbrado')),
        optional(field('Alameda')),
        async (title, description, category, location) => {
          const answer = await author.patch(`/api/proposals/${ownProposal}`, {
            title,
            description,
            category,
            location,
          });
          tally(answer, counts, [200]);
        },
      ),
      { numRuns: RUNS },
    );
    expectBoth(counts);
  });

  it('POST /api/proposals/:id/assessment', async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        field('Viable: predio municipal.'),
        optional(field('Sin observaciones técnicas.')),
        optional(field('Predio municipal.')),
        optional(field('Costo verificado.')),
        async (reason, technical, legal, financial) => {
          const body = { feasible: true, cost: 400_000, reason, technical, legal, financial };
          tally(await reviewer.post(`/api/proposals/${toAssess}/assessment`, body), counts, [200]);
        },
      ),
      { numRuns: RUNS },
    );
    expectBoth(counts);
  });

  it('the q and category filters', async () => {
    const counts = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(field('luminarias'), field('alumbrado'), async (q, category) => {
        const answer = await system.anonymous.get(
          `/api/processes/${proposing}/proposals?q=${queryValue(q)}&category=${queryValue(category)}`,
        );
        tally(answer, counts, [200]);
      }),
      { numRuns: RUNS },
    );
    expectBoth(counts);
  });

  it('afterwards the service is ready and every edition written to verifies', async () => {
    expect((await system.anonymous.get('/health/ready')).status).toBe(200);
    for (const id of editions) {
      const exported = await fetch(`${system.baseUrl}/api/processes/${id}/audit/export`);
      expect(exported.status).toBe(200);
      const events = parseJsonLines(await exported.text()) as PublicEvent[];
      const treeHeads = (await system.anonymous.get(`/api/processes/${id}/audit/tree-heads`)).body;
      const verification = verifyEdition({ events, treeHeads, publicKey: treeHeads.publicKey });
      expect([id, verification.findings]).toEqual([id, []]);
      expect(verification).toMatchObject({ ok: true, editionId: id });
    }
    expect(editions.length).toBeGreaterThan(2);
  });
});

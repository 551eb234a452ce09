import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let proposing: string;
let proposal: string;
let assessed: string;

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  proposing = await createEdition(admin, ['proposals']);
  proposal = (await author.post(`/api/processes/${proposing}/proposals`, proposalBody())).body.id;
  const reviewing = await createEdition(admin, ['proposals']);
  assessed = (await author.post(`/api/processes/${reviewing}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${reviewing}/phase`, { to: 'review' });
});
afterAll(() => system.close());

const head = () => system.app.get<EventStore>(EVENT_STORE).headPosition();

const BROKEN = 'contains a broken character (a lone UTF-16 surrogate); retype or paste the text again';

/**
 * The body as JSON text with `field` (a dotted path) set to "a\ud800b", written as the
 * escape itself, so the lone surrogate reaches the server as the outside test sent it.
 */
function withLoneSurrogate(body: object, field: string): string {
  const copy = structuredClone(body) as Record<string, any>;
  const keys = field.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key];
  target[keys.at(-1)!] = '@@POISON@@';
  return JSON.stringify(copy).replace('"@@POISON@@"', String.raw`"a\ud800b"`);
}

const assessment = { feasible: true, cost: 400_000, reason: 'Viable: predio municipal.' };

const routes: {
  route: string;
  who: () => Client;
  method: 'POST' | 'PATCH' | 'PUT';
  path: () => string;
  body: object;
  fields: string[];
  accepted: number;
}[] = [
  {
    route: 'POST /api/processes',
    who: () => admin,
    method: 'POST',
    path: () => '/api/processes',
    body: editionBody(),
    fields: ['title', 'description', 'districts.0.name'],
    accepted: 201,
  },
  {
    route: 'POST /api/processes/:id/proposals',
    who: () => author,
    method: 'POST',
    path: () => `/api/processes/${proposing}/proposals`,
    body: proposalBody({ location: 'Alameda Mariano Escobedo' }),
    fields: ['title', 'description', 'category', 'location'],
    accepted: 201,
  },
  {
    route: 'PUT /api/me/display-name',
    who: () => author,
    method: 'PUT',
    path: () => '/api/me/display-name',
    body: { displayName: 'Vecina' },
    fields: ['displayName'],
    accepted: 200,
  },
  {
    route: 'PATCH /api/proposals/:id',
    who: () => author,
    method: 'PATCH',
    path: () => `/api/proposals/${proposal}`,
    body: {
      title: 'Luminarias nuevas',
      description: 'Cambiar todas las luminarias por LED.',
      category: 'alumbrado',
      location: 'Alameda',
    },
    fields: ['title', 'description', 'category', 'location'],
    accepted: 200,
  },
  {
    route: 'POST /api/proposals/:id/assessment',
    who: () => reviewer,
    method: 'POST',
    path: () => `/api/proposals/${assessed}/assessment`,
    body: {
      ...assessment,
      technical: 'Sin observaciones.',
      legal: 'Predio municipal.',
      financial: 'Costo verificado.',
    },
    fields: ['reason', 'technical', 'legal', 'financial'],
    accepted: 200,
  },
];

describe('a lone surrogate in any text field of a write route', () => {
  const cases = routes.flatMap((r) => r.fields.map((field) => [r.route, field, r] as const));

  it.each(cases)('%s: %s is refused with 400 naming the field, and nothing is recorded', async (_, field, route) => {
    const before = await head();

    const answer = await route.who().request(route.method, route.path(), withLoneSurrogate(route.body, field));

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({
      type: 'https://decidimos.monterrey.gob.mx/problems/validation-failed',
      title: 'Datos no válidos',
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: `Revisa los campos señalados: body.${field}: ${BROKEN}`,
      errors: [{ path: `body.${field}`, message: BROKEN }],
    });
    expect(await head()).toBe(before);
  });

  it('each route takes the same body without the surrogate, so the refusals above are about the text alone', async () => {
    for (const route of routes) {
      const answer = await route.who().request(route.method, route.path(), JSON.stringify(route.body));
      expect([route.route, answer.status]).toEqual([route.route, route.accepted]);
    }
    expect((await system.anonymous.get('/health/ready')).status).toBe(200);
  });
});

describe('text is stored as people meant it', () => {
  it('refuses a control character in a one-line field, naming it', async () => {
    const answer = await author.post(
      `/api/processes/${proposing}/proposals`,
      proposalBody({ title: 'Parque\u0007 Norte' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        path: 'body.title',
        message:
          'contains the invisible control character U+0007 at character 7; remove it (no line breaks or tabs here)',
      },
    ]);
  });

  it('keeps line breaks in a description, and stores every text in NFC', async () => {
    const answer = await author.post(
      `/api/processes/${proposing}/proposals`,
      proposalBody({ title: 'Cafe\u0301 en la plaza', description: 'Primero:\r\n\tbancas.\nDespués: sombra y agua.' }),
    );
    expect(answer.status).toBe(201);
    const stored = (await system.anonymous.get(`/api/proposals/${answer.body.id}`)).body;
    expect(stored.title).toBe('Café en la plaza');
    expect(stored.description).toBe('Primero:\n\tbancas.\nDespués: sombra y agua.');
  });

  it.each([
    ['q', '%07'],
    ['category', '%00'],
    ['q', 'a%E2%80%A8b'],
  ])('refuses a control character in the %s filter (%s) with 400', async (name, value) => {
    const answer = await system.anonymous.get(`/api/processes/${proposing}/proposals?${name}=${value}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: `query.${name}` }] });
  });
});

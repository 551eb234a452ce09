import { ProjectionRunner } from '../projections/projection-runner';
import { createEdition, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let resident: Client;
let neighbour: Client;
let editionId: string;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  resident = await system.login('resident-centro-1');
  neighbour = await system.login('resident-centro-2');
  editionId = await createEdition(admin, ['proposals']);
});
afterAll(() => system.close());

const position = () => system.app.get(ProjectionRunner).position;

describe('proposals over HTTP', () => {
  it('lets a resident submit a proposal that is then public, without exposing the author pseudonym', async () => {
    expect((await resident.put('/api/me/display-name', { displayName: 'Lupita' })).status).toBe(200);
    const created = await resident.post(`/api/processes/${editionId}/proposals`, proposalBody());
    expect(created.status).toBe(201);
    const proposal = await system.anonymous.get(`/api/proposals/${created.body.id}`);
    expect(proposal.status).toBe(200);
    expect(proposal.body).toMatchObject({
      editionId,
      title: 'Luminarias en la Alameda',
      status: 'submitted',
      cost: 450_000,
      authorDisplayName: 'Lupita',
      mine: false,
      assessment: null,
    });
    expect(proposal.body).not.toHaveProperty('author');
    const listed = await system.anonymous.get(`/api/processes/${editionId}/proposals?district=centro&q=alameda`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    const otherDistrict = await system.anonymous.get(`/api/processes/${editionId}/proposals?district=norte`);
    expect(otherDistrict.body.items).toHaveLength(0);
  });

  it('answers invalid proposals with 400 or 422 problems and records nothing', async () => {
    const before = position();
    const missing = await resident.post(`/api/processes/${editionId}/proposals`, { title: 'Hi' });
    expect(missing).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.description', 'body.district', 'body.estimatedCost']),
    );
    const fractional = await resident.post(
      `/api/processes/${editionId}/proposals`,
      proposalBody({ estimatedCost: 1000.5 }),
    );
    expect(fractional.status).toBe(400);
    const tooCheap = await resident.post(`/api/processes/${editionId}/proposals`, proposalBody({ estimatedCost: 5 }));
    expect(tooCheap).toMatchObject({ status: 422, body: { code: 'COST_OUT_OF_RANGE' } });
    const unknownDistrict = await resident.post(
      `/api/processes/${editionId}/proposals`,
      proposalBody({ district: 'saltillo' }),
    );
    expect(unknownDistrict).toMatchObject({ status: 422, body: { code: 'UNKNOWN_DISTRICT' } });
    const unknownEdition = await resident.post('/api/processes/nope/proposals', proposalBody());
    expect(unknownEdition.status).toBe(404);
    expect(position()).toBe(before);
  });

  it('refuses people who cannot take part, saying why', async () => {
    const minor = await system.login('minor-1');
    const tooYoung = await minor.post(`/api/processes/${editionId}/proposals`, proposalBody());
    expect(tooYoung).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(tooYoung.body.detail).toContain('16');
    const outsider = await system.login('nonresident-1');
    const notResident = await outsider.post(`/api/processes/${editionId}/proposals`, proposalBody(), {
      'accept-language': 'en',
    });
    expect(notResident).toMatchObject({ status: 403, body: { code: 'NOT_ELIGIBLE' } });
    expect(notResident.body.detail).toMatch(/residents/);
  });

  it('enforces the per-resident limit', async () => {
    const author = await system.login('resident-norte-7');
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await author.post(
            `/api/processes/${editionId}/proposals`,
            proposalBody({ district: 'norte', title: `Propuesta número ${i}` }),
          )
        ).status,
      ).toBe(201);
    }
    const fourth = await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ district: 'norte' }));
    expect(fourth).toMatchObject({ status: 422, body: { code: 'PROPOSAL_LIMIT_REACHED' } });
  });

  it('records one proposal for racing copies of a submission with the same Idempotency-Key', async () => {
    // From separate sessions, so the copies reach the handler together, before the first answer is stored.
    const sessions = await Promise.all(Array.from({ length: 10 }, () => system.login('resident-norte-70')));
    const key = { 'idempotency-key': 'una-sola-propuesta' };
    const body = proposalBody({ district: 'norte', title: 'Propuesta reenviada' });
    const copies = await Promise.all(
      sessions.map((session) => session.post(`/api/processes/${editionId}/proposals`, body, key)),
    );
    expect(copies.map((c) => c.status)).toEqual(Array(10).fill(201));
    const listed = await system.anonymous.get(`/api/processes/${editionId}/proposals?q=reenviada`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([copies[0]!.body.id]);
    expect(new Set(copies.map((c) => c.body.id))).toEqual(new Set([copies[0]!.body.id]));
  });

  describe('the per-resident limit under concurrent posts from separate sessions of one account', () => {
    // Ten sessions of one account, as a resident with a phone, a laptop and a scripted client.
    const sessions = (account: string) => Promise.all(Array.from({ length: 10 }, () => system.login(account)));

    it.each([10, 50])('accepts exactly the limit (3) of %i concurrent posts', async (posts) => {
      const limited = await createEdition(admin, ['proposals']);
      const clients = await sessions(`resident-norte-${posts}`);
      const answers = await Promise.all(
        Array.from({ length: posts }, (_, i) =>
          clients[i % clients.length]!.post(
            `/api/processes/${limited}/proposals`,
            proposalBody({ district: 'norte', title: `Propuesta simultánea ${i}` }),
          ),
        ),
      );
      const accepted = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status !== 201);
      expect(accepted).toHaveLength(3);
      expect(refused).toHaveLength(posts - 3);
      for (const answer of refused) {
        expect(answer).toMatchObject({
          status: 422,
          body: { code: 'PROPOSAL_LIMIT_REACHED', status: 422 },
        });
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
      }
      const listed = await system.anonymous.get(`/api/processes/${limited}/proposals?district=norte`);
      expect(listed.body.total).toBe(3);
      expect(listed.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
        accepted.map((a) => a.body.id as string).sort(),
      );
    });

    it('frees a slot when a proposal is withdrawn, and only one', async () => {
      const limited = await createEdition(admin, ['proposals']);
      const clients = await sessions('resident-norte-60');
      const post = (client: Client, i: number) =>
        client.post(
          `/api/processes/${limited}/proposals`,
          proposalBody({ district: 'norte', title: `Propuesta con retiro ${i}` }),
        );
      const first = await Promise.all(clients.map(post));
      const [withdrawnId] = first.filter((a) => a.status === 201).map((a) => a.body.id as string);
      expect((await clients[0]!.post(`/api/proposals/${withdrawnId}/withdraw`)).body.status).toBe('withdrawn');
      const second = await Promise.all(clients.map(post));
      expect(second.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(422)]);
      const open = await system.anonymous.get(`/api/processes/${limited}/proposals?district=norte&status=submitted`);
      expect(open.body.total).toBe(3);
    });
  });

  it('lets only the author edit and withdraw', async () => {
    const { body } = await resident.post(
      `/api/processes/${editionId}/proposals`,
      proposalBody({ title: 'Bancas en la plaza' }),
    );
    const byNeighbour = await neighbour.patch(`/api/proposals/${body.id}`, { title: 'Bancas ajenas' });
    expect(byNeighbour).toMatchObject({ status: 403, body: { code: 'NOT_AUTHOR' } });
    const edited = await resident.patch(`/api/proposals/${body.id}`, { estimatedCost: 300_000 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ estimatedCost: 300_000, cost: 300_000 });
    const empty = await resident.patch(`/api/proposals/${body.id}`, {});
    expect(empty.status).toBe(400);
    const withdrawn = await resident.post(`/api/proposals/${body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await resident.post(`/api/proposals/${body.id}/withdraw`);
    expect(again).toMatchObject({ status: 409, body: { code: 'WITHDRAWN' } });
  });

  it('closes submissions and edits when the phase moves on', async () => {
    const { body } = await resident.post(
      `/api/processes/${editionId}/proposals`,
      proposalBody({ title: 'Última antes de revisión' }),
    );
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
    const late = await neighbour.post(`/api/processes/${editionId}/proposals`, proposalBody());
    expect(late).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
    const lateEdit = await resident.patch(`/api/proposals/${body.id}`, { title: 'Cambio tardío' });
    expect(lateEdit).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
  });
});

describe('browsing proposals by category across the edition', () => {
  let catalogue: string;
  const ids: Record<string, string> = {};
  const list = (query: string) => system.anonymous.get(`/api/processes/${catalogue}/proposals?${query}`);

  beforeAll(async () => {
    catalogue = await createEdition(admin, ['proposals']);
    const submissions: [string, string, string | null][] = [
      ['resident-centro-3', 'a1', 'alumbrado'],
      ['resident-centro-3', 'p1', 'parques'],
      ['resident-centro-3', 'a2', 'alumbrado'],
      ['resident-centro-4', 'n1', null],
      ['resident-centro-4', 't1', 'Árboles'],
      ['resident-centro-4', 'a3', 'alumbrado'],
    ];
    const clients: Record<string, Client> = {};
    for (const [who, key, category] of submissions) {
      clients[who] ??= await system.login(who);
      const created = await clients[who].post(
        `/api/processes/${catalogue}/proposals`,
        proposalBody({ title: `Propuesta ${key}`, category }),
      );
      expect(created.status).toBe(201);
      ids[key] = created.body.id;
    }
  });

  it('filters by category on the server, so every page and the total cover the whole edition', async () => {
    const first = await list('category=alumbrado&pageSize=2&page=1');
    const second = await list('category=alumbrado&pageSize=2&page=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    const found = [...first.body.items, ...second.body.items].map((p: { id: string; category: string }) => {
      expect(p.category).toBe('alumbrado');
      return p.id;
    });
    expect(found.sort()).toEqual([ids['a1'], ids['a2'], ids['a3']].sort());
  });

  it('offers every category of the edition, in Spanish order, whatever the filters and page', async () => {
    const everything = ['alumbrado', 'Árboles', 'parques'];
    expect((await list('pageSize=1')).body.categories).toEqual(everything);
    expect((await list('category=parques')).body.categories).toEqual(everything);
    expect((await list('district=norte')).body).toMatchObject({ items: [], total: 0, categories: everything });
  });

  it('answers an unknown category with an empty page, not an error', async () => {
    const answer = await list('category=transporte');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ items: [], total: 0, page: 1 });
  });

  it('refuses a category longer than 100 characters with a validation problem', async () => {
    const answer = await list(`category=${'x'.repeat(101)}`);
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.category']);
  });

  it('documents the category filter and the facet in the OpenAPI document', async () => {
    const { body } = await system.anonymous.get('/api/docs');
    const operation = body.paths['/api/processes/{id}/proposals'].get;
    expect(operation.parameters).toContainEqual(
      expect.objectContaining({
        name: 'category',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ maxLength: 100 }),
      }),
    );
    const list = operation.responses['200'].content['application/json'].schema;
    expect(list.required).toContain('categories');
    expect(list.properties.categories).toMatchObject({ type: 'array', items: { type: 'string' } });
  });

  it('drops a category once no proposal carries it, but keeps one whose proposal was only withdrawn', async () => {
    const author = await system.login('resident-centro-3');
    const withdrawer = await system.login('resident-centro-4');
    expect((await author.patch(`/api/proposals/${ids['p1']}`, { category: 'alumbrado' })).status).toBe(200);
    expect((await withdrawer.post(`/api/proposals/${ids['t1']}/withdraw`)).status).toBe(200);
    const answer = await list('category=alumbrado');
    expect(answer.body.categories).toEqual(['alumbrado', 'Árboles']);
    expect(answer.body.total).toBe(4);
    expect((await list('category=Árboles')).body.items.map((p: { status: string }) => p.status)).toEqual(['withdrawn']);
  });
});

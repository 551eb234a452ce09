import { ProjectionRunner } from '../projections/projection-runner';
import { createEdition, editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let resident: Client;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  resident = await system.login('resident-centro-1');
});
afterAll(() => system.close());

/** Position of the last event applied: unchanged means nothing was recorded. */
async function eventCount() {
  return system.app.get(ProjectionRunner).position;
}

describe('editions over HTTP', () => {
  it('lets an admin create a draft with default rules filled in, listed publicly', async () => {
    const created = await admin.post('/api/processes', editionBody());
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^presupuesto-participativo-2027-[0-9a-f]{4}$/);

    const edition = await system.anonymous.get(`/api/processes/${created.body.id}`);
    expect(edition.status).toBe(200);
    expect(edition.body).toMatchObject({ phase: 'draft', title: 'Presupuesto Participativo 2027' });
    expect(edition.body.rules).toMatchObject({
      minAge: 16,
      supports: { enabled: true, perResident: 5, threshold: 2 },
      ballot: { method: 'knapsack', revoting: true },
      counting: { rule: 'greedy' },
    });
    const list = await system.anonymous.get('/api/processes');
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
  });

  it('advances phase by phase and refuses skipping with 409', async () => {
    const id = await createEdition(admin, ['proposals', 'review']);
    const skip = await admin.post(`/api/processes/${id}/phase`, { to: 'voting' });
    expect(skip.status).toBe(409);
    expect(skip.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(skip.body).toMatchObject({ status: 409, code: 'INVALID_PHASE_TRANSITION' });
    expect(skip.body.detail).toContain('supports');
    const next = await admin.post(`/api/processes/${id}/phase`, { to: 'supports' });
    expect(next.status).toBe(200);
    expect(next.body.phase).toBe('supports');
    expect(next.body.phaseHistory.map((h: { phase: string }) => h.phase)).toEqual([
      'draft',
      'proposals',
      'review',
      'supports',
    ]);
  });

  it('skips supports when the edition disables them', async () => {
    const id = await createEdition(
      admin,
      ['proposals', 'review'],
      editionBody({ rules: { supports: { enabled: false } } }),
    );
    const voting = await admin.post(`/api/processes/${id}/phase`, { to: 'voting' });
    expect(voting.status).toBe(200);
    expect(voting.body.phase).toBe('voting');
  });

  it('answers 401, 403, 400 and 404 with problem details and records nothing', async () => {
    const before = await eventCount();
    const anonymous = await system.anonymous.post('/api/processes', editionBody());
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    const notAdmin = await resident.post('/api/processes', editionBody());
    expect(notAdmin).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const invalid = await admin.post('/api/processes', { title: 'x', districts: [] });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.districts']),
    );
    const duplicateDistricts = await admin.post(
      '/api/processes',
      editionBody({
        districts: [
          { id: 'a', name: 'A', budget: 1 },
          { id: 'a', name: 'B', budget: 1 },
        ],
      }),
    );
    expect(duplicateDistricts).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const approvalWithoutK = await admin.post(
      '/api/processes',
      editionBody({ rules: { ballot: { method: 'approval' } } }),
    );
    expect(approvalWithoutK.status).toBe(400);
    expect(approvalWithoutK.body.detail).toContain('maxSelections');
    const malformed = await admin.request('POST', '/api/processes', '{"title": ');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const notJson = await admin.request('POST', '/api/processes', 'title=x', { 'content-type': 'text/plain' });
    expect(notJson).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const huge = await admin.post('/api/processes', editionBody({ description: 'x'.repeat(300_000) }));
    expect(huge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const unknown = await system.anonymous.get('/api/processes/no-such-edition');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const unknownPhase = await admin.post('/api/processes/no-such-edition/phase', { to: 'proposals' });
    expect(unknownPhase).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await eventCount()).toBe(before);
  });

  it('speaks English when asked', async () => {
    const spanish = await system.anonymous.get('/api/processes/nope');
    const english = await system.anonymous.get('/api/processes/nope', { 'accept-language': 'en-US,en;q=0.9' });
    expect(spanish.body.title).toBe('No encontrado');
    expect(english.body.title).toBe('Not found');
  });

  it('refuses a state change without the CSRF token', async () => {
    const noToken = await admin.post('/api/processes', editionBody(), { 'x-csrf-token': '' });
    expect(noToken).toMatchObject({ status: 403, body: { code: 'CSRF' } });
  });

  it('replays the first answer for a repeated Idempotency-Key and records one edition', async () => {
    const key = { 'idempotency-key': 'create-2027-once' };
    const first = await admin.post('/api/processes', editionBody({ title: 'Edición idempotente' }), key);
    const again = await admin.post('/api/processes', editionBody({ title: 'Edición idempotente' }), key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const list = await system.anonymous.get('/api/processes');
    expect(list.body.items.filter((e: { title: string }) => e.title === 'Edición idempotente')).toHaveLength(1);
    const reused = await admin.post('/api/processes', editionBody({ title: 'Otra cosa' }), key);
    expect(reused).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });
});

import { ProjectionRunner } from '../projections/projection-runner';
import { EditionHistory } from '../testing/edition-history';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let resident: Client;
let editionId: string;
let proposalId: string;

const assessment = { feasible: true, cost: 520_000, reason: 'Viable con el catálogo municipal de luminarias.' };

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  const granted = await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
  expect(granted.body).toMatchObject({ changed: true });
  reviewer = await system.login('reviewer');
  resident = await system.login('resident-centro-1');
  editionId = await createEdition(admin, ['proposals']);
  proposalId = (await resident.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
});
afterAll(() => system.close());

describe('review over HTTP', () => {
  it('gives the reviewer role by an admin grant, shown in /api/me', async () => {
    const me = await reviewer.get('/api/me');
    expect(me.body.roles).toContain('reviewer');
    const again = await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
    expect(again.body.changed).toBe(false);
  });

  it('refuses assessments outside the review phase', async () => {
    const early = await reviewer.post(`/api/proposals/${proposalId}/assessment`, assessment);
    expect(early).toMatchObject({ status: 409, body: { code: 'PHASE_CLOSED' } });
  });

  it('shows the queue and records an assessment; a resident gets 403 and records nothing', async () => {
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
    const queue = await reviewer.get(`/api/processes/${editionId}/review-queue`);
    expect(queue.body.items.map((p: { id: string }) => p.id)).toEqual([proposalId]);

    const before = system.app.get(ProjectionRunner).position;
    const byResident = await resident.post(`/api/proposals/${proposalId}/assessment`, assessment);
    expect(byResident).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const queueByResident = await resident.get(`/api/processes/${editionId}/review-queue`);
    expect(queueByResident.status).toBe(403);
    const invalid = await reviewer.post(`/api/proposals/${proposalId}/assessment`, { feasible: 'yes' });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const unknown = await reviewer.post('/api/proposals/nope/assessment', assessment);
    expect(unknown.status).toBe(404);
    expect(system.app.get(ProjectionRunner).position).toBe(before);

    const assessed = await reviewer.post(`/api/proposals/${proposalId}/assessment`, assessment);
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({ status: 'feasible', cost: 520_000, estimatedCost: 450_000 });
    expect(assessed.body.assessment).toMatchObject({ feasible: true, reason: assessment.reason });
    expect((await reviewer.get(`/api/processes/${editionId}/review-queue`)).body.items).toHaveLength(0);
  });

  it("refuses a final cost of 0 or above the district's budget with a 422 problem, recording nothing", async () => {
    const before = system.app.get(ProjectionRunner).position;
    const free = await reviewer.post(`/api/proposals/${proposalId}/assessment`, { ...assessment, cost: 0 });
    expect(free).toMatchObject({
      status: 422,
      body: {
        code: 'ASSESSED_COST_OUT_OF_RANGE',
        status: 422,
        title: 'Costo final fuera de rango',
        detail:
          'El costo final debe ser mayor que cero y no superar el presupuesto del distrito «centro» (5,000,000 pesos); se indicaron 0.',
      },
    });
    const overBudget = await reviewer.post(
      `/api/proposals/${proposalId}/assessment`,
      { ...assessment, cost: 5_000_001 },
      { 'accept-language': 'en' },
    );
    expect(overBudget).toMatchObject({
      status: 422,
      body: {
        code: 'ASSESSED_COST_OUT_OF_RANGE',
        detail:
          'The final cost must be above zero and at most the budget of district "centro" (5,000,000 pesos); 5,000,001 was given.',
      },
    });
    expect(system.app.get(ProjectionRunner).position).toBe(before);
    expect((await system.anonymous.get(`/api/proposals/${proposalId}`)).body.cost).toBe(520_000);

    const wholeBudget = await reviewer.post(`/api/proposals/${proposalId}/assessment`, {
      ...assessment,
      cost: 5_000_000,
    });
    expect(wholeBudget).toMatchObject({ status: 200, body: { cost: 5_000_000 } });
  });

  it('keeps an unfeasible proposal off the ballot when voting opens', async () => {
    const history = new EditionHistory(
      system,
      editionBody({
        title: 'Sin apoyos',
        districts: [{ id: 'centro', name: 'Centro', budget: 5_000_000 }],
        rules: { supports: { enabled: false } },
      }),
    ).advance('proposals');
    const other = history.id;
    const feasible = history.submit('resident-centro-1', { title: 'Viable' });
    const unfeasible = history.submit('resident-centro-1', { title: 'No viable' });
    history
      .advance('review')
      .assess(feasible, assessment)
      .assess(unfeasible, { ...assessment, feasible: false, reason: 'Predio privado: no es de propiedad municipal.' });
    await history.seed();
    await admin.post(`/api/processes/${other}/phase`, { to: 'voting' });
    expect((await system.anonymous.get(`/api/proposals/${feasible}`)).body.status).toBe('on-ballot');
    expect((await system.anonymous.get(`/api/proposals/${unfeasible}`)).body.status).toBe('unfeasible');
  });
});

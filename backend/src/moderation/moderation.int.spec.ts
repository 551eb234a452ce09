import { REDACTED_TEXT } from '@decidimos/contracts';
import { ProjectionRunner } from '../projections/projection-runner';
import { PROPOSAL_TEXTS } from '../proposals/proposal-texts';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { REPORT_DETAILS } from './report-details';
import { EditionHistory } from '../testing/edition-history';
import { editionBody, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let moderator: Client;
let resident: Client;
let neighbour: Client;

beforeAll(async () => {
  system = await startTestSystem();
  const admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'moderator', role: 'moderator' });
  moderator = await system.login('moderator');
  resident = await system.login('resident-centro-1');
  neighbour = await system.login('resident-centro-2');
});
afterAll(() => system.close());

const position = () => system.app.get(ProjectionRunner).position;
const rules = { supports: { enabled: true, perResident: 5, threshold: 1 } };

/** An edition in the supports phase with one feasible proposal of centro, by resident-centro-3. */
async function inSupports(description = 'Un parque para la colonia, con bancas y árboles.') {
  const history = new EditionHistory(system, editionBody({ rules }));
  history.advance('proposals');
  const proposal = history.submit('resident-centro-3', { description });
  history.advance('review').assess(proposal, { feasible: true, cost: 400_000, reason: 'Viable.' });
  history.advance('supports');
  await history.seed();
  return { editionId: history.id, proposal };
}

const listed = async (editionId: string) =>
  (await system.anonymous.get(`/api/processes/${editionId}/proposals`)).body.items.map((p: { id: string }) => p.id);

describe('reports', () => {
  it('takes a report with a reason from the list; the details stay outside the log and reach the moderators', async () => {
    const { editionId, proposal } = await inSupports();
    const details = 'Me parece que copia otra propuesta; escríbanme a lupita@correo.example';
    const report = await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'spam', details });
    expect(report.status).toBe(201);
    expect(report.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const exported = (await system.anonymous.get(`/api/processes/${editionId}/audit/export`)).body as string;
    const reported = exported
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((event) => event.type === 'ProposalReported');
    expect(reported.data).toEqual({
      editionId,
      proposalId: proposal,
      reportId: report.body.id,
      reporter: expect.stringMatching(/^[0-9a-f]{64}$/),
      reason: 'spam',
    });
    expect(exported).not.toContain('lupita');

    const queue = await moderator.get(`/api/processes/${editionId}/moderation-queue`);
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({
      total: 1,
      items: [{ proposal: { id: proposal }, reports: [{ id: report.body.id, reason: 'spam', details }] }],
    });
  });

  it('allows one open report per resident per proposal, and refuses a reason not on the list', async () => {
    const { proposal } = await inSupports();
    expect((await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'offensive' })).status).toBe(201);
    const before = position();
    expect(await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'spam' })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_REPORTED' },
    });
    expect(await neighbour.post(`/api/proposals/${proposal}/reports`, { reason: 'me cae mal' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(position()).toBe(before);
    expect((await neighbour.post(`/api/proposals/${proposal}/reports`, { reason: 'offensive' })).status).toBe(201);
    expect(await system.anonymous.post(`/api/proposals/${proposal}/reports`, { reason: 'spam' })).toMatchObject({
      status: 401,
    });
  });

  it('keeps the queue for moderators only', async () => {
    const { editionId } = await inSupports();
    expect(await resident.get(`/api/processes/${editionId}/moderation-queue`)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await moderator.get('/api/processes/no-such-edition/moderation-queue')).status).toBe(404);
  });
});

describe('hide and restore', () => {
  it('hides a reported proposal: out of the list and of supports, its page says why; restore brings it back', async () => {
    const { editionId, proposal } = await inSupports();
    const report = await resident.post(`/api/proposals/${proposal}/reports`, {
      reason: 'offensive',
      details: 'Insulta a los vecinos de la colonia.',
    });
    const reason = 'Contenido ofensivo hacia los vecinos.';

    const hidden = await moderator.post(`/api/proposals/${proposal}/hide`, { reason });
    expect(hidden.status).toBe(200);
    expect(hidden.body.moderation).toEqual({ hidden: { reason, at: expect.any(String) }, redactions: [] });
    expect(await listed(editionId)).not.toContain(proposal);
    expect((await system.anonymous.get(`/api/proposals/${proposal}`)).body.moderation.hidden.reason).toBe(reason);
    expect(await neighbour.put(`/api/proposals/${proposal}/support`)).toMatchObject({
      status: 409,
      body: { code: 'PROPOSAL_HIDDEN' },
    });
    expect(await neighbour.post(`/api/proposals/${proposal}/reports`, { reason: 'spam' })).toMatchObject({
      status: 409,
      body: { code: 'PROPOSAL_HIDDEN' },
    });
    expect(await moderator.post(`/api/proposals/${proposal}/hide`, { reason })).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_HIDDEN' },
    });
    // The report is answered: its details are gone; the hidden proposal stays in the queue to be restored.
    const queue = await moderator.get(`/api/processes/${editionId}/moderation-queue`);
    expect(queue.body.items).toEqual([{ proposal: expect.objectContaining({ id: proposal }), reports: [] }]);
    expect(JSON.stringify(queue.body)).not.toContain('Insulta');
    expect(report.status).toBe(201);

    const restored = await moderator.post(`/api/proposals/${proposal}/restore`, { reason: 'Revisado de nuevo.' });
    expect(restored.status).toBe(200);
    expect(restored.body.moderation.hidden).toBeNull();
    expect(await listed(editionId)).toContain(proposal);
    expect((await neighbour.put(`/api/proposals/${proposal}/support`)).status).toBe(200);
    expect(
      await moderator.post(`/api/proposals/${proposal}/restore`, { reason: 'Otra vez, por si acaso.' }),
    ).toMatchObject({
      status: 409,
      body: { code: 'NOT_HIDDEN' },
    });
    expect((await moderator.get(`/api/processes/${editionId}/moderation-queue`)).body.total).toBe(0);
  });

  it('leaves a proposal hidden when voting opens off the ballot', async () => {
    const { editionId, proposal } = await inSupports();
    expect((await neighbour.put(`/api/proposals/${proposal}/support`)).status).toBe(200);
    expect(
      (await moderator.post(`/api/proposals/${proposal}/hide`, { reason: 'Duplica otra propuesta.' })).status,
    ).toBe(200);
    const admin = await system.login('admin');
    expect((await admin.post(`/api/processes/${editionId}/phase`, { to: 'voting' })).status).toBe(200);
    expect((await system.anonymous.get(`/api/proposals/${proposal}`)).body.status).toBe('off-ballot');
  });

  it('refuses moderation to anyone without the moderator role, and a reason too short to explain', async () => {
    const { proposal } = await inSupports();
    expect(await resident.post(`/api/proposals/${proposal}/hide`, { reason: 'Contenido ofensivo.' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await moderator.post(`/api/proposals/${proposal}/hide`, { reason: 'no' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(
      (await moderator.post('/api/proposals/no-such-proposal/hide', { reason: 'Contenido ofensivo.' })).status,
    ).toBe(404);
  });
});

describe('dismiss', () => {
  it('closes reports that need no action: out of the queue, the proposal unchanged, reporting open again', async () => {
    const { editionId, proposal } = await inSupports();
    await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'spam', details: 'No me gusta el parque.' });
    const dismissed = await moderator.post(`/api/proposals/${proposal}/dismiss-reports`, {
      reason: 'No infringe las reglas de participación.',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.moderation).toEqual({ hidden: null, redactions: [] });
    const queue = await moderator.get(`/api/processes/${editionId}/moderation-queue`);
    expect(queue.body).toEqual({ items: [], total: 0 });
    expect(await listed(editionId)).toContain(proposal);
    expect(
      await moderator.post(`/api/proposals/${proposal}/dismiss-reports`, { reason: 'Otra vez, por si acaso.' }),
    ).toMatchObject({ status: 409, body: { code: 'NO_OPEN_REPORTS' } });
    expect((await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'offensive' })).status).toBe(201);
  });
});

describe('redact', () => {
  it('erases the named text everywhere it is shown, and refuses a text with nothing to erase', async () => {
    const { editionId, proposal } = await inSupports('Para apoyar llamen al 81 5555 1234, pregunten por Lupita.');
    const reason = 'Publica un número de teléfono personal.';
    const redacted = await moderator.post(`/api/proposals/${proposal}/redact`, { fields: ['description'], reason });
    expect(redacted.status).toBe(200);
    expect(redacted.body).toMatchObject({
      description: REDACTED_TEXT,
      title: 'Luminarias en la Alameda',
      moderation: { hidden: null, redactions: [{ fields: ['description'], reason }] },
    });
    const texts = (await system.anonymous.get(`/api/processes/${editionId}/audit/texts`)).body as string;
    expect(texts).not.toContain('5555');
    expect(texts).toContain(`"redacted":{"reason":"${reason}"}`);
    expect(JSON.stringify((await system.anonymous.get(`/api/proposals/${proposal}`)).body)).not.toContain('5555');
    const found = await system.anonymous.get(`/api/processes/${editionId}/proposals?q=5555`);
    expect(found.body.items).toEqual([]);

    expect(
      await moderator.post(`/api/proposals/${proposal}/redact`, { fields: ['description', 'location'], reason }),
    ).toMatchObject({ status: 409, body: { code: 'NOTHING_TO_REDACT' } });
    expect(
      await moderator.post(`/api/proposals/${proposal}/redact`, { fields: ['title', 'title'], reason }),
    ).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});

describe('personal text outside the log', () => {
  const stored = (collection: string) =>
    system.app.get<ReadModelStore>(READ_MODEL_STORE).collection<{ id: string }>(collection).count();

  it('keeps none for a report or a proposal that was refused', async () => {
    const { editionId, proposal } = await inSupports();
    expect((await resident.post(`/api/proposals/${proposal}/reports`, { reason: 'spam' })).status).toBe(201);
    const details = await stored(REPORT_DETAILS);
    const refused = await resident.post(`/api/proposals/${proposal}/reports`, {
      reason: 'other',
      details: 'Mi teléfono es 81 5555 0000',
    });
    expect(refused.body.code).toBe('ALREADY_REPORTED');
    expect(await stored(REPORT_DETAILS)).toBe(details);

    const texts = await stored(PROPOSAL_TEXTS);
    const late = await resident.post(`/api/processes/${editionId}/proposals`, proposalBody());
    expect(late.body.code).toBe('PHASE_CLOSED');
    expect(await stored(PROPOSAL_TEXTS)).toBe(texts);
  });
});

import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { ProjectionRunner } from './projection-runner';

/**
 * A resident's own ballot and a receipt wait for the projections to take the cast in; when
 * no instance projects (the projector stopped, none took over yet), they answer 503 after
 * PROJECTION_WAIT_SECONDS instead of leaving the request hanging.
 */
let system: TestSystem;
let admin: Client;

beforeAll(async () => {
  system = await startTestSystem({ env: { PROJECTION_WAIT_SECONDS: '1' } });
  admin = await system.login('admin');
}, 60_000);
afterAll(() => system?.close());

it('answers 503 in Spanish or English when the projections do not take a cast in within the wait limit', async () => {
  const edition = new EditionHistory(
    system,
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false } },
    }),
  ).advance('proposals');
  const proposal = edition.submit('resident-centro-900', { title: 'Primera propuesta' });
  edition.advance('review').assess(proposal, { feasible: true, cost: 450_000, reason: 'Viable según catálogo.' });
  await edition.seed();
  await admin.post(`/api/processes/${edition.id}/phase`, { to: 'voting' });
  const voter = await system.login('resident-centro-1');
  await system.app.get(ProjectionRunner).stop();

  const cast = await voter.post(`/api/processes/${edition.id}/ballot`, { selections: [proposal] });
  expect(cast.status).toBe(201);
  const [mine, receipt] = await Promise.all([
    voter.get(`/api/processes/${edition.id}/ballot`),
    system.anonymous.get(`/api/receipts/${encodeURIComponent(cast.body.receipt as string)}`, {
      'accept-language': 'en',
    }),
  ]);
  expect(mine.status).toBe(503);
  expect(mine.body).toMatchObject({ status: 503, code: 'UNAVAILABLE', title: 'Servicio no disponible' });
  expect(receipt.status).toBe(503);
  expect(receipt.body).toMatchObject({ status: 503, code: 'UNAVAILABLE', title: 'Service unavailable' });
});

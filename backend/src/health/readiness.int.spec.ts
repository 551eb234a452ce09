import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { toEventData } from '../shared/event-envelope';
import { startTestSystem, type TestSystem } from '../testing/test-system';
import { READY_LAG_EVENTS } from './health.controller';

/**
 * Casts do not wait for the projections, so in a voting peak they run behind the log: an
 * instance stays ready while they are close behind, and says how far (issue 13).
 */
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem();
}, 60_000);
afterAll(() => system?.close());

const pseudonym = (n: number) => n.toString(16).padStart(64, '0');
const grant = (n: number) =>
  toEventData({ type: 'RoleGranted', data: { staff: pseudonym(n), role: 'reviewer', by: pseudonym(0) } });

it('stays ready while the projections are within READY_LAG_EVENTS of the log, and not beyond', async () => {
  const events = system.app.get<EventStore>(EVENT_STORE);
  // The projections stop here, as a projector that has fallen behind.
  await system.app.get(ProjectionRunner).stop();

  await events.append('staff-lagging', [grant(1), grant(2), grant(3)], 'no_stream');
  const behind = await system.anonymous.get('/health/ready');
  expect(behind.status).toBe(200);
  expect(behind.body).toMatchObject({ status: 'ok', checks: { projections: { lag: 3 } } });

  const more = Array.from({ length: READY_LAG_EVENTS }, (_, n) => grant(n + 4));
  await events.append('staff-lagging', more, 2);
  const farBehind = await system.anonymous.get('/health/ready');
  expect(farBehind.status).toBe(503);
  expect(farBehind.body).toMatchObject({ checks: { projections: { lag: READY_LAG_EVENTS + 3 } } });
});

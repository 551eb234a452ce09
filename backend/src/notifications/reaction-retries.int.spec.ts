import { jest } from '@jest/globals';
import { Clock } from '../shared/clock';
import { createEdition, proposalBody } from '../testing/fixtures';
import { startTestSystem, type TestSystem } from '../testing/test-system';
import { Deliveries } from './deliveries';
import { NotificationReactor } from './notification-reactor';

let system: TestSystem;
afterAll(() => system.close());

/** A few turns of the event loop: long enough for a subscription started by a tick to deliver the event. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

async function stalledPosition(): Promise<number> {
  const metrics = (await system.anonymous.get('/metrics')).body as string;
  return Number(/^decidimos_notifications_stalled_position (\d+)$/m.exec(metrics)?.[1]);
}

/**
 * A reaction that keeps failing (a bug, a store that is down) is tried again with a
 * growing pause, not at every tick, and the notices behind it follow once it succeeds.
 */
it('tries a failing reaction again after a growing pause, then delivers it and goes on', async () => {
  system = await startTestSystem();
  const reactor = system.app.get(NotificationReactor);
  const clock = system.app.get(Clock);
  let now = Date.now();
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  const { admin, reviewer } = await system.loginStaff();
  const author = await system.login('resident-centro-1');
  const editionId = await createEdition(admin, ['proposals']);
  const proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
  const deliverInApp = jest
    .spyOn(system.app.get(Deliveries), 'deliverInApp')
    .mockRejectedValue(new Error('the notices store is down'));

  await reviewer.post(`/api/proposals/${proposalId}/assessment`, { feasible: true, cost: 500_000, reason: 'Cabe.' });
  for (let tries = 0; deliverInApp.mock.calls.length === 0 && tries < 200; tries++) await settle();
  expect(deliverInApp).toHaveBeenCalledTimes(1);
  const stoppedAt = await stalledPosition();
  expect(stoppedAt).toBeGreaterThan(0);

  // Ticks within the first pause (one second) leave it alone.
  now += 900;
  for (let tick = 0; tick < 3; tick++) await reactor.tick().then(settle);
  expect(deliverInApp).toHaveBeenCalledTimes(1);
  now += 200;
  await reactor.tick().then(settle);
  expect(deliverInApp).toHaveBeenCalledTimes(2);

  // The second failure in a row waits two seconds.
  now += 1_500;
  await reactor.tick().then(settle);
  expect(deliverInApp).toHaveBeenCalledTimes(2);
  deliverInApp.mockRestore();
  now += 600;
  await reactor.tick().then(settle);

  const notices = (await author.get('/api/me/notifications')).body as { unread: number };
  expect(notices.unread).toBe(1);
  expect(await stalledPosition()).toBe(0);
});

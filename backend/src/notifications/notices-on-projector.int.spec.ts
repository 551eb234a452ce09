import { setTimeout as pause } from 'node:timers/promises';
import { ProjectionRunner } from '../projections/projection-runner';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import type { Client } from '../testing/test-system';
import { startTwoInstances, type Instance, type TwoInstances } from '../testing/two-instances';

/**
 * Notices are derived from the log once, by the instance that projects, not by every
 * replica reading every event again (issue 13); when that instance stops, the one that
 * takes the projector's role over goes on deriving them.
 */
let system: TwoInstances;
let projector: Instance;
let follower: Instance;

beforeAll(async () => {
  system = await startTwoInstances();
  [projector, follower] = system.instances;
  if (!projector.app.get(ProjectionRunner).isProjector) [projector, follower] = [follower, projector];
}, 60_000);
afterAll(() => system?.close());

const on = (instance: Instance, path: string) => `${instance.baseUrl}${path}`;

/** The author's unread notices as `instance` answers, once there are `count` (polled: the reactor is not awaited by commands). */
async function unreadNotices(author: Client, instance: Instance, count: number): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const { unread } = (await author.get(on(instance, '/api/me/notifications'))).body as { unread: number };
    if (unread >= count) return unread;
    await pause(50);
  }
  throw new Error(`fewer than ${count} notices`);
}

describe('notices with two instances', () => {
  it('are derived by the projector alone, and by the other instance once it takes the role over', async () => {
    expect([projector, follower].map((instance) => instance.app.get(ProjectionRunner).isProjector)).toEqual([
      true,
      false,
    ]);
    const admin = await system.login('admin', follower);
    await admin.post(on(follower, '/api/roles/grant'), { subject: 'reviewer', role: 'reviewer' });
    const reviewer = await system.login('reviewer', follower);
    const author = await system.login('resident-centro-1', follower);
    const editionId = await createEdition(admin, ['proposals'], editionBody());
    const submit = async (title: string) =>
      (await author.post(on(follower, `/api/processes/${editionId}/proposals`), proposalBody({ title }))).body
        .id as string;
    const [first, second] = [await submit('Primera propuesta'), await submit('Segunda propuesta')];
    await admin.post(on(follower, `/api/processes/${editionId}/phase`), { to: 'review' });
    const assess = (proposalId: string) =>
      reviewer.post(on(follower, `/api/proposals/${proposalId}/assessment`), {
        feasible: true,
        cost: 450_000,
        reason: 'Viable según catálogo.',
      });

    await assess(first);
    expect(await unreadNotices(author, follower, 1)).toBe(1);

    await projector.app.close();
    await follower.app.get(ProjectionRunner).campaign();
    expect(follower.app.get(ProjectionRunner).isProjector).toBe(true);
    await assess(second);

    expect(await unreadNotices(author, follower, 2)).toBe(2);
  });
});

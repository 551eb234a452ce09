import { createEdition, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let author: Client;
let resident: Client;
let editionId: string;
let proposalId: string;

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  author = await system.login('resident-centro-1');
  resident = await system.login('resident-centro-2');
  editionId = await createEdition(admin, ['proposals']);
  proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
  await reviewer.post(`/api/proposals/${proposalId}/assessment`, { feasible: true, cost: 500_000, reason: 'Viable.' });
  await admin.post(`/api/processes/${editionId}/phase`, { to: 'supports' });
});
afterAll(() => system.close());

describe('my activity', () => {
  it('lists my proposals with their status, for me only', async () => {
    const mine = await author.get(`/api/me/activity?edition=${editionId}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      editionId,
      proposals: [{ id: proposalId, title: 'Luminarias en la Alameda', status: 'feasible' }],
      supports: [],
      ballot: null,
      follows: [],
      followedWorks: [],
    });
    const theirs = await resident.get(`/api/me/activity?edition=${editionId}`);
    expect(theirs.body.proposals).toEqual([]);
    expect((await system.anonymous.get(`/api/me/activity?edition=${editionId}`)).status).toBe(401);
    expect((await resident.get('/api/me/activity?edition=nope')).status).toBe(404);
    expect((await resident.get('/api/me/activity')).body.code).toBe('VALIDATION_FAILED');
  });

  it('lists my supports from the server, and what I follow', async () => {
    await resident.put(`/api/proposals/${proposalId}/support`);
    await resident.put(`/api/proposals/${proposalId}/follow`);
    const activity = await resident.get(`/api/me/activity?edition=${editionId}`);
    expect(activity.body.supports).toEqual([{ id: proposalId, title: 'Luminarias en la Alameda' }]);
    expect(activity.body.follows).toEqual([{ id: proposalId, title: 'Luminarias en la Alameda', status: 'feasible' }]);
    await resident.delete(`/api/proposals/${proposalId}/support`);
    expect((await resident.get(`/api/me/activity?edition=${editionId}`)).body.supports).toEqual([]);
  });

  it('says whether, when and through which channel I voted, never what I chose', async () => {
    await resident.put(`/api/proposals/${proposalId}/support`);
    await author.put(`/api/proposals/${proposalId}/support`);
    await admin.post(`/api/processes/${editionId}/phase`, { to: 'voting' });
    const cast = await resident.post(`/api/processes/${editionId}/ballot`, { selections: [proposalId] });
    expect(cast.status).toBe(201);
    const activity = await resident.get(`/api/me/activity?edition=${editionId}`);
    expect(activity.body.ballot).toEqual({ channel: 'online', castAt: expect.any(String), booth: null });
    expect(JSON.stringify(activity.body)).not.toContain('selections');
  });
});

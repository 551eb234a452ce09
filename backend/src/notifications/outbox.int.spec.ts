import { createEdition, proposalBody } from '../testing/fixtures';
import { startTestSystem, type TestSystem } from '../testing/test-system';
import { NotificationReactor } from './notification-reactor';

let system: TestSystem;
afterAll(() => system.close());

// Without SMTP_URL (npm start), e-mails are written to DATA_DIR/outbox and shown at a development-only page.
it('writes e-mails to the outbox and shows them at /dev/outbox', async () => {
  system = await startTestSystem();
  const { admin, reviewer } = await system.loginStaff();
  const author = await system.login('resident-centro-1');
  await author.put('/api/me/notification-settings', { email: { kinds: ['my-proposal'] }, inApp: { kinds: [] } });
  const editionId = await createEdition(admin, ['proposals']);
  const proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
  await reviewer.post(`/api/proposals/${proposalId}/assessment`, { feasible: true, cost: 500_000, reason: 'Cabe.' });

  let page = '';
  for (let tries = 0; !page.includes('Subject:') && tries < 100; tries++) {
    await system.app.get(NotificationReactor).tick();
    page = (await system.anonymous.get('/dev/outbox')).body as string;
  }
  expect(page).toContain('To: resident-centro-1@correo.example');
  expect(page).toMatch(/Subject: =\?UTF-8\?|Subject: Tu propuesta/);
  expect(page).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  expect((await author.get('/api/me/notifications')).body).toEqual({ items: [], unread: 0 });
});

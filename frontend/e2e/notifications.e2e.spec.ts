import type { Browser, Page } from 'playwright-core';
import { NotificationReactor } from '../../backend/src/notifications/notification-reactor';
import { startMailpit, type RunningMailpit } from '../../backend/src/notifications/testing/mailpit';
import { createEdition, proposalBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person } from './browser';

// A follower's story through the built SPA: follow a proposal, opt in to e-mail, see the
// bell count the notice when the proposal is assessed, and get the e-mail (read back from
// Mailpit, a real SMTP server). Staff and the author act through the API.
jest.setTimeout(120_000);

let mailpit: RunningMailpit;
let system: TestSystem;
let browser: Browser;
let follower: Page;
let editionId = '';
let proposalId = '';

beforeAll(async () => {
  mailpit = await startMailpit();
  system = await startTestSystem({ env: { SMTP_URL: mailpit.smtpUrl } });
  browser = await launch();
  const { admin, reviewer } = await system.loginStaff();
  const author = await system.login('resident-centro-1');
  editionId = await createEdition(admin, ['proposals']);
  proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody())).body.id;
  await admin.post(`/api/processes/${editionId}/phase`, { to: 'review' });
  // The reviewer acts later in the story; kept for then.
  reviewerAssess = () =>
    reviewer.post(`/api/proposals/${proposalId}/assessment`, {
      feasible: false,
      cost: 450_000,
      reason: 'La Alameda ya tiene luminarias LED desde 2025.',
    });
});

let reviewerAssess: () => Promise<unknown>;

afterAll(async () => {
  await browser?.close();
  await system?.close();
  await mailpit?.stop();
});

test('a follower follows a proposal and opts in to e-mail', async () => {
  ({ page: follower } = await person(browser, system.baseUrl));
  await logInWithHint(follower, 'resident-centro-2');
  await follower.goto(`/proposals/${proposalId}`);
  await follower.getByRole('button', { name: 'Seguir', exact: true }).click();
  await follower.getByText('Sigues esta propuesta').waitFor();
  await checkPage(follower, 'proposal-followed');

  await follower.goto('/notifications/settings');
  const email = follower.getByRole('group', { name: /Por correo a resident-centro-2@correo\.example/ });
  await email.getByRole('checkbox', { name: /Propuestas que sigo/ }).check();
  await follower.getByRole('button', { name: 'Guardar' }).click();
  await follower.getByText('Preferencias guardadas.').waitFor();
  await checkPage(follower, 'notification-settings');
});

test('when the proposal is assessed, the bell counts it, the centre shows it and the e-mail arrives', async () => {
  await reviewerAssess();
  await system.app.get(NotificationReactor).tick();
  await follower.goto('/');
  const bell = follower.getByRole('link', { name: 'Avisos: 1 sin leer' });
  for (let tries = 0; !(await bell.isVisible()) && tries < 20; tries++) {
    await system.app.get(NotificationReactor).tick();
    await follower.reload();
  }
  await checkPage(follower, 'bell');
  await bell.click();
  await follower.getByText('«Luminarias en la Alameda» ahora está: no viable.').waitFor();
  await checkPage(follower, 'notification-centre');
  await follower.getByRole('button', { name: 'Marcar todos como leídos' }).click();
  await follower.getByRole('link', { name: 'Avisos: 0 sin leer' }).waitFor();

  let mails = await mailpit.messages();
  for (let tries = 0; mails.length === 0 && tries < 50; tries++) {
    await system.app.get(NotificationReactor).tick();
    mails = await mailpit.messages();
  }
  expect(mails.map((m) => [m.to, m.subject])).toEqual([
    ['resident-centro-2@correo.example', '«Luminarias en la Alameda» ahora está no viable'],
  ]);
  expect(mails[0]!.text).toContain('Motivo: La Alameda ya tiene luminarias LED desde 2025.');
});

test('my activity shows what I follow, and the unsubscribe page works without login', async () => {
  await follower.goto(`/activity?edition=${editionId}`);
  await follower.getByRole('heading', { name: 'Propuestas que sigo' }).waitFor();
  await follower.getByText('Luminarias en la Alameda').first().waitFor();
  await checkPage(follower, 'my-activity');

  const [mail] = await mailpit.messages();
  const link = /https?:\/\/\S+\/notifications\/unsubscribe\?token=\S+/.exec(mail!.text)![0];
  const { page: stranger } = await person(browser, system.baseUrl);
  await stranger.goto(new URL(link).pathname + new URL(link).search);
  await stranger.getByRole('button', { name: 'Darme de baja' }).click();
  await stranger.getByText('Listo: ya no recibirás estos correos.').waitFor();
  await checkPage(stranger, 'unsubscribed');
});

import type { Browser, Page } from 'playwright-core';
import { NotificationReactor } from '../../backend/src/notifications/notification-reactor';
import { startMailpit, type RunningMailpit } from '../../backend/src/notifications/testing/mailpit';
import { EditionHistory } from '../../backend/src/testing/edition-history';
import { editionBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person } from './browser';

// After the vote: a resident follows a winning work, an implementer records its progress in
// the built SPA, the follower sees the bell count it and gets the e-mail (read back from
// Mailpit, a real SMTP server), and anyone sees the progress on the edition's public works
// dashboard. The edition up to its results is seeded and driven through the API; the works
// part goes through the browser.

jest.setTimeout(120_000);

let mailpit: RunningMailpit;
let system: TestSystem;
let browser: Browser;
let follower: Page;
let editionId = '';
let parque = '';

beforeAll(async () => {
  mailpit = await startMailpit();
  system = await startTestSystem({ env: { SMTP_URL: mailpit.smtpUrl } });
  browser = await launch();
  const admin = await system.login('admin');
  expect((await admin.post('/api/roles/grant', { subject: 'implementer', role: 'implementer' })).status).toBeLessThan(
    300,
  );
  const history = new EditionHistory(
    system,
    editionBody({
      title: 'Presupuesto Participativo 2027',
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      rules: { supports: { enabled: false }, counting: { rule: 'greedy' } },
    }),
  ).advance('proposals');
  parque = history.submit('resident-centro-1', {
    title: 'Parque Fundidora Norte',
    district: 'centro',
    estimatedCost: 600_000,
  });
  const banquetas = history.submit('resident-centro-2', {
    title: 'Banquetas de la calle Zaragoza',
    district: 'centro',
    estimatedCost: 300_000,
  });
  const cancha = history.submit('resident-norte-1', {
    title: 'Cancha techada de la colonia',
    district: 'norte',
    estimatedCost: 400_000,
  });
  history.advance('review');
  for (const [proposal, cost] of [
    [parque, 600_000],
    [banquetas, 300_000],
    [cancha, 400_000],
  ] as const) {
    history.assess(proposal, { feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
  }
  await history.seed();
  editionId = history.id;
  const url = `/api/processes/${editionId}`;
  await admin.post(`${url}/phase`, { to: 'voting' });
  for (const [account, selections] of [
    ['resident-centro-1', [parque, banquetas]],
    ['resident-centro-2', [parque]],
    ['resident-norte-1', [cancha]],
  ] as const) {
    const voter = await system.login(account);
    expect((await voter.post(`${url}/ballot`, { selections })).status).toBe(201);
  }
  await admin.post(`${url}/phase`, { to: 'counting' });
  expect((await admin.post(`${url}/phase`, { to: 'results' })).body.phase).toBe('results');
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
  await mailpit?.stop();
});

test('a resident follows a winning work and asks for its news by e-mail', async () => {
  // Someone of another district who did not vote: nothing else of theirs is in the bell.
  ({ page: follower } = await person(browser, system.baseUrl));
  await logInWithHint(follower, 'resident-sur-5', `/editions/${editionId}/works/${parque}`);
  await follower.getByRole('heading', { level: 1, name: 'Parque Fundidora Norte' }).waitFor();
  await follower.getByRole('button', { name: 'Seguir', exact: true }).click();
  await follower.getByText('Sigues esta obra').waitFor();

  await follower.goto('/notifications/settings');
  const email = follower.getByRole('group', { name: /Por correo a resident-sur-5@correo\.example/ });
  await email.getByRole('checkbox', { name: /Obras que sigo/ }).check();
  await follower.getByRole('button', { name: 'Guardar' }).click();
  await follower.getByText('Preferencias guardadas.').waitFor();
});

test('an implementer records the progress of a winning work, with a milestone', async () => {
  const { page } = await person(browser, system.baseUrl);
  await logInWithHint(page, 'implementer', `/editions/${editionId}/works`);
  await page.getByRole('heading', { level: 1, name: 'Seguimiento de obras' }).waitFor();
  await page.getByRole('link', { name: 'Parque Fundidora Norte' }).click();
  await page.getByRole('heading', { level: 1, name: 'Parque Fundidora Norte' }).waitFor();
  await page.getByLabel('Estado', { exact: true }).selectOption('in_progress');
  await page.getByLabel('Dependencia responsable').fill('Secretaría de Obras Públicas');
  await page.getByLabel('Avance en %').fill('40');
  await page.getByLabel('Ejercido hasta ahora, en pesos').fill('250,000');
  await page.getByLabel('Fecha del hito').fill('2027-09-15');
  await page.getByLabel('Título del hito').fill('Inicio de obra');
  await page.getByLabel('Descripción del hito').fill('Arranque con el despalme del terreno.');
  await page.getByRole('button', { name: 'Registrar la actualización' }).click();
  await page.getByText('Actualización registrada.').waitFor();
  const bar = page.getByRole('progressbar', { name: 'Avance de Parque Fundidora Norte' });
  expect(await bar.getAttribute('aria-valuenow')).toBe('40');
  await page.getByTestId('timeline').getByText('Hito: Inicio de obra').waitFor();
  await checkPage(page, 'works-work-implementer');

  // The follower hears of it: the bell, then the e-mail.
  const reactor = system.app.get(NotificationReactor);
  await reactor.tick();
  await follower.goto('/');
  const bell = follower.getByRole('link', { name: 'Avisos: 1 sin leer' });
  for (let tries = 0; !(await bell.isVisible()) && tries < 20; tries++) {
    await reactor.tick();
    await follower.reload();
  }
  await bell.click();
  await follower.getByText('La obra «Parque Fundidora Norte» tiene novedades.').waitFor();
  await checkPage(follower, 'works-follower-bell');
  let mails = await mailpit.messages();
  for (let tries = 0; mails.length === 0 && tries < 50; tries++) {
    await reactor.tick();
    mails = await mailpit.messages();
  }
  expect(mails.map((m) => [m.to, m.subject])).toEqual([
    ['resident-sur-5@correo.example', 'Novedades de la obra «Parque Fundidora Norte»'],
  ]);

  // Going back on progress needs a public reason: the server's rule, in the person's words.
  await page.getByLabel('Avance en %').fill('30');
  await page.getByRole('button', { name: 'Registrar la actualización' }).click();
  await page.getByRole('alert').getByText('Falta el motivo').waitFor();
});

test('anyone follows the works from the results: the dashboard shows the progress', async () => {
  const { page } = await person(browser, system.baseUrl);
  await page.goto(`/editions/${editionId}/results`);
  await page.getByRole('link', { name: 'Seguimiento de las obras ganadoras' }).click();
  await page.getByRole('heading', { level: 1, name: 'Seguimiento de obras' }).waitFor();
  const bar = page.getByRole('progressbar', { name: 'Avance de Parque Fundidora Norte' });
  expect(await bar.getAttribute('aria-valuenow')).toBe('40');
  expect(await page.getByTestId('work-status-counts').innerText()).toContain('1 En obra');
  await page
    .getByRole('table', { name: /asignado a las obras/ })
    .getByRole('row', { name: /Centro/ })
    .getByText('$250,000')
    .waitFor();
  await checkPage(page, 'works-dashboard');
  await page.getByRole('link', { name: 'Parque Fundidora Norte' }).click();
  await page
    .getByTestId('milestones')
    .getByText(/Inicio de obra/)
    .waitFor();
  expect(await page.getByRole('button', { name: 'Registrar la actualización' }).count()).toBe(0);
  await checkPage(page, 'works-work');
});

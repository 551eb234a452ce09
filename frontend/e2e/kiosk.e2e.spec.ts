import type { Browser, Page } from 'playwright-core';
import { EditionHistory } from '../../backend/src/testing/edition-history';
import { editionBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, person } from './browser';

// A booth's shared tablet in kiosk mode, through the built SPA and the real backend and
// local iD Digital: residents one after another log in with their own account, vote, see
// their receipt as a QR code, and the tablet ends each session by itself.

jest.setTimeout(120_000);

let system: TestSystem;
let browser: Browser;
let tablet: Page;
let editionId = '';

const kiosk = () => `/editions/${editionId}?kiosk=1`;

/** What the browser keeps of anyone: its storage, and whether the backend still knows a session. */
async function leftOnTablet(page: Page) {
  return page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    session: (await fetch('/api/me', { credentials: 'same-origin' })).status,
  }));
}

/** A resident at the tablet logs in with their own account at iD Digital, which asks who they are. */
async function logIn(account: string) {
  await tablet.getByRole('link', { name: 'Entrar con iD Digital' }).click();
  await tablet.getByLabel(/Nombre de la cuenta/).fill(account);
  await tablet.getByRole('button', { name: /^Entrar/ }).click();
  await tablet.getByRole('heading', { name: 'Tu boleta' }).waitFor();
}

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launch();
  const history = new EditionHistory(
    system,
    editionBody({ districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }] }),
  ).advance('proposals');
  const parque = history.submit('resident-centro-9', { title: 'Parque Alameda', estimatedCost: 600_000 });
  const banquetas = history.submit('resident-centro-9', { title: 'Banquetas Centro', estimatedCost: 300_000 });
  history.advance('review');
  for (const [id, cost] of [
    [parque, 600_000],
    [banquetas, 300_000],
  ] as const)
    history.assess(id, { feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
  history.advance('supports').openVoting({
    centro: [
      { proposalId: parque, cost: 600_000 },
      { proposalId: banquetas, cost: 300_000 },
    ],
  });
  await history.seed();
  editionId = history.id;
  ({ page: tablet } = await person(browser, system.baseUrl));
  // The tablet's clock is the test's: the 90 s of idleness pass at once, without waiting them out.
  await tablet.clock.install();
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('a resident votes at the kiosk, photographs the QR receipt and finishes; nothing of theirs stays', async () => {
  await tablet.goto(kiosk());
  await tablet.getByRole('heading', { name: 'Vota en esta tableta' }).waitFor();
  await checkPage(tablet, 'kiosk-welcome');
  // Kiosk mode shows no site menus: one task per screen.
  expect(await tablet.getByRole('navigation').count()).toBe(0);

  await logIn('resident-centro-1');
  await tablet.getByRole('checkbox', { name: /Parque Alameda/ }).check();
  await checkPage(tablet, 'kiosk-ballot');
  await tablet.getByRole('button', { name: 'Revisar mi voto' }).click();
  await tablet.getByRole('button', { name: 'Confirmar y enviar mi voto' }).click();
  await tablet.getByRole('heading', { name: 'Tu voto quedó registrado' }).waitFor();
  await tablet.getByRole('img', { name: 'Código QR de tu comprobante' }).waitFor();
  const receipt = (await tablet.getByTestId('receipt-code').textContent())!.trim();
  expect(receipt).toMatch(/^[0-9a-f-]{36}\.[0-9a-f]{64}$/);
  await checkPage(tablet, 'kiosk-receipt');

  await tablet.getByRole('button', { name: 'Terminar y cerrar mi sesión' }).click();
  await tablet.getByRole('heading', { name: 'Vota en esta tableta' }).waitFor();
  expect(await leftOnTablet(tablet)).toEqual({ localStorage: 0, sessionStorage: 0, session: 401 });
  // The receipt the QR code leads to proves the ballot is in the log.
  const proof = await system.anonymous.get(`/api/receipts/${receipt}`);
  expect(proof).toMatchObject({ status: 200, body: { matches: true } });
});

test('the next resident walks away mid-ballot: a countdown, then the kiosk logs out by itself and leaves nothing', async () => {
  await logIn('resident-centro-2');
  // iD Digital asked again: this is the second resident, not the first one's session.
  await tablet.getByRole('checkbox', { name: /Banquetas Centro/ }).check();
  expect(await tablet.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  await tablet.clock.runFor(71_000);
  await tablet
    .getByRole('alertdialog')
    .getByText(/Tu sesión se cerrará en \d+ segundos\./)
    .waitFor();
  await checkPage(tablet, 'kiosk-idle-countdown');
  await tablet.clock.runFor(20_000);
  await tablet.getByRole('heading', { name: 'Vota en esta tableta' }).waitFor();
  expect(await leftOnTablet(tablet)).toEqual({ localStorage: 0, sessionStorage: 0, session: 401 });
  const mine = await (await system.login('resident-centro-2')).get(`/api/processes/${editionId}/ballot`);
  expect(mine.status).toBe(404);
});

import type { Browser } from 'playwright-core';
import { createEdition, proposalBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person } from './browser';

// A resident reports a proposal, a moderator hides it from the queue, and it leaves the
// list, through the built SPA served by the real backend, in Debian's Chromium.
jest.setTimeout(120_000);

let system: TestSystem;
let browser: Browser;
let editionId: string;
let proposalId: string;
const TITLE = 'Rampa con insultos a los vecinos';

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launch();
  const admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'moderator', role: 'moderator' });
  editionId = await createEdition(admin, ['proposals']);
  const author = await system.login('resident-centro-2');
  proposalId = (await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ title: TITLE }))).body.id;
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('a resident reports a proposal, a moderator hides it, and it leaves the list', async () => {
  const { page: resident } = await person(browser, system.baseUrl);
  await logInWithHint(resident, 'resident-centro-1', `/proposals/${proposalId}`);
  await resident.getByRole('button', { name: 'Reportar esta propuesta' }).click();
  await resident.getByRole('radio', { name: 'Contenido ofensivo o discriminatorio' }).check();
  await resident.getByLabel('Detalles (opcional)').fill('El título insulta a los vecinos de la colonia.');
  await checkPage(resident, 'moderation-report-form');
  await resident.getByRole('button', { name: 'Enviar el reporte' }).click();
  await resident.getByText('Gracias: moderación revisará tu reporte.').waitFor();

  const { page: moderator } = await person(browser, system.baseUrl);
  await logInWithHint(moderator, 'moderator', '/');
  await moderator.getByRole('link', { name: 'Moderación' }).click();
  const item = moderator.getByRole('article', { name: TITLE });
  await item.getByText('El título insulta a los vecinos de la colonia.').waitFor();
  await checkPage(moderator, 'moderation-queue');
  await item.getByLabel('Motivo público de la acción').fill('Contenido ofensivo hacia los vecinos.');
  await item.getByRole('button', { name: 'Ocultar' }).click();
  await item.getByText(`Hecho: «${TITLE}».`).waitFor();

  await resident.goto(`/editions/${editionId}/proposals`);
  await resident.getByRole('heading', { level: 1 }).waitFor();
  await resident.waitForLoadState('networkidle');
  expect(await resident.getByText(TITLE).count()).toBe(0);
  await checkPage(resident, 'moderation-list-without-hidden');

  await resident.goto(`/proposals/${proposalId}`);
  await resident.getByText('Moderación ocultó esta propuesta').waitFor();
  await resident.getByText(/Motivo público: Contenido ofensivo hacia los vecinos\./).waitFor();
  await checkPage(resident, 'moderation-hidden-proposal');
});

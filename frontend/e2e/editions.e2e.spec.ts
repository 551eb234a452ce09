import type { Browser, Page } from 'playwright-core';
import { createEdition, editionBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person } from './browser';

// An admin edits an edition and its calendar in the SPA's form, before and after voting
// opens, through the built SPA served by the real backend, in Debian's Chromium.

jest.setTimeout(120_000);

let system: TestSystem;
let browser: Browser;
let api: Client;
let page: Page;
let editionId = '';

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launch();
  api = await system.login('admin');
  editionId = await createEdition(
    api,
    ['proposals'],
    editionBody({ title: 'Presupuesto Participativo 2027', rules: { supports: { enabled: false } } }),
  );
  ({ page } = await person(browser, system.baseUrl));
  await logInWithHint(page, 'admin', '/admin');
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

const field = (label: string) => page.getByLabel(label, { exact: true });

async function openEditForm() {
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Editar «Presupuesto Participativo 2027»' }).click();
  await page.getByRole('heading', { name: 'Editar la edición' }).waitFor();
}

test('an admin changes a budget, the ballot rules and the calendar while proposals are open', async () => {
  await openEditForm();
  await checkPage(page, 'editions-edit-proposals');
  await field('Presupuesto en pesos *').first().fill('6,000,000');
  await field('Mínimo de propuestas por boleta').fill('1');
  await field('Gasto mínimo de la boleta (% del presupuesto del distrito)').fill('20');
  await field('Recepción de propuestas: Empieza').fill('2027-01-10T09:00');
  await field('Recepción de propuestas: Termina').fill('2027-02-10T18:00');
  await field('Revisión técnica: Empieza').fill('2027-02-10T18:00');
  await field('Revisión técnica: Termina').fill('2027-03-01T18:00');
  await field('Votación: Empieza').fill('2027-03-01T18:00');
  await field('Votación: Termina').fill('2027-03-15T18:00');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  await page.getByText('Cambios guardados.').waitFor();
  await checkPage(page, 'editions-edit-saved');

  const edition = (await system.anonymous.get(`/api/processes/${editionId}`)).body;
  expect(edition.districts[0]).toMatchObject({ id: 'centro', budget: 6_000_000 });
  expect(edition.rules.ballot).toMatchObject({ minSelections: 1, minSpendShare: 0.2 });
  expect(edition.calendarPhases.map((w: { phase: string }) => w.phase)).toEqual(['proposals', 'review', 'voting']);
  expect(edition.phaseEndsAt).toBe(new Date('2027-02-10T18:00').toISOString());
});

test('a calendar row with one end only is marked on the form and nothing is sent', async () => {
  await openEditForm();
  await field('Conteo: Termina').fill('2027-03-20T18:00');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  await page.getByText('Escribe el inicio y el fin, o deja ambos en blanco.').waitFor();
  expect(await field('Conteo: Empieza').getAttribute('aria-invalid')).toBe('true');
});

test('once voting opens the rules are fixed, and the calendar moves with a public reason', async () => {
  for (const to of ['review', 'voting']) {
    expect((await api.post(`/api/processes/${editionId}/phase`, { to })).status).toBe(200);
  }
  await openEditForm();
  await page.getByText('Las reglas quedaron fijas al abrir la votación').waitFor();
  expect(await field('Edad mínima').isDisabled()).toBe(true);
  await field('Votación: Termina').fill('2027-03-22T18:00');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  // Without a reason the API refuses, and says why.
  await page.getByText('Falta el motivo').waitFor();
  await field('Motivo público del cambio de calendario').fill('Se extiende una semana por las lluvias.');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  await page.getByText('Cambios guardados.').waitFor();
  await checkPage(page, 'editions-edit-voting');

  await page.goto(`/editions/${editionId}`);
  await page.getByText('Calendario movido: Se extiende una semana por las lluvias.').waitFor();
  await checkPage(page, 'editions-calendar-moved');
});

import { join } from 'node:path';
import { accountClaims } from '@decidimos/infra';
import type { Browser, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person, SCREENSHOTS, tabTo } from './browser';

// The whole story of an edition through the built SPA, served by the real backend on
// temporary SQLite files, logging in at the real local iD Digital, in Debian's Chromium.
// Steps run in order and share the edition; each step is one person's journey.

// Each step drives a browser through several pages: a minute, not jest's 5 s default.
jest.setTimeout(120_000);

let system: TestSystem;
let browser: Browser;
const pages: Record<string, Page> = {};
let editionId = '';
let receipt = '';
let replacedReceipt = '';
const proposalIds: Record<string, string> = {};

const page = (who: string) => pages[who]!;
const text = (p: Page, content: string | RegExp) => p.getByText(content).first().waitFor();

async function open(who: string, account: string | null): Promise<Page> {
  const { page: p } = await person(browser, system.baseUrl);
  pages[who] = p;
  if (account) await logInWithHint(p, account);
  return p;
}

/** The admin moves the edition on, after reading the confirmation of what changes. */
async function advance(to: string, explains: RegExp) {
  const admin = page('admin');
  await admin.goto('/admin');
  await admin.getByRole('button', { name: `Pasar a «${to}»` }).click();
  await text(admin, explains);
  await admin.getByRole('button', { name: `Sí, pasar a «${to}»` }).click();
  await text(admin, `La edición está ahora en «${to}».`);
}

let broken: string | null = null;

/** One step of the story; once a step fails, the later ones (which build on it) fail at once, naming it. */
function step(name: string, body: () => Promise<void>) {
  test(name, async () => {
    if (broken) throw new Error(`skipped: an earlier step failed (${broken})`);
    try {
      await body();
    } catch (error) {
      broken = name;
      // What each person was looking at when the step failed, to read next to the error.
      for (const [who, p] of Object.entries(pages)) {
        await p.screenshot({ path: join(SCREENSHOTS, `failed-${who}.png`), fullPage: true }).catch(() => undefined);
      }
      throw error;
    }
  });
}

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

step(
  'the admin logs in with the iD Digital button and the account picker, grants roles and creates an edition',
  async () => {
    const admin = await open('admin', null);
    await admin.goto('/');
    await checkPage(admin, 'home-empty');
    // Keyboard users start at the skip link, which jumps past the menus to the page itself.
    await admin.keyboard.press('Tab');
    const skip = admin.getByRole('link', { name: 'Saltar al contenido' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await admin.keyboard.press('Enter');
    expect(await admin.locator('main').evaluate((el) => el === document.activeElement)).toBe(true);
    await admin.getByRole('link', { name: 'Entrar con iD Digital' }).click();
    await admin.getByRole('button', { name: /^admin\b/ }).click();
    await admin.getByRole('button', { name: 'Salir' }).waitFor();

    await admin.getByRole('link', { name: 'Administración' }).click();
    await checkPage(admin, 'admin');
    for (const role of ['reviewer', 'poll-officer']) {
      await admin.getByLabel('Cuenta de iD Digital').fill(role);
      await admin.getByLabel('Rol', { exact: true }).selectOption(role);
      await admin.getByRole('button', { name: 'Asignar rol' }).click();
      await text(admin, new RegExp(`Se asignó el rol .* a ${role}\\.`));
    }

    await admin.getByRole('link', { name: 'Crear una edición' }).click();
    await admin.getByRole('button', { name: 'Crear la edición' }).click();
    await text(admin, /datos? por corregir/);
    expect(await admin.getByLabel('Título *').getAttribute('aria-invalid')).toBe('true');
    await checkPage(admin, 'admin-new-edition-errors');
    await admin.getByLabel('Título *').fill('Presupuesto Participativo 2027');
    await admin.getByLabel('Descripción').fill('Obras para Centro y Norte, decididas por sus residentes.');
    await admin.locator('#edition-districts-0-id').fill('centro');
    await admin.locator('#edition-districts-0-name').fill('Centro');
    await admin.locator('#edition-districts-0-budget').fill('1,000,000');
    await admin.getByRole('button', { name: 'Agregar otro distrito' }).click();
    await admin.locator('#edition-districts-1-id').fill('norte');
    await admin.locator('#edition-districts-1-name').fill('Norte');
    await admin.locator('#edition-districts-1-budget').fill('500000');
    await admin.getByLabel('Apoyos necesarios para llegar a la boleta').fill('1');
    await admin.getByRole('button', { name: 'Crear la edición' }).click();
    await text(admin, 'Edición creada');
    const href = await admin.getByRole('link', { name: 'Ver la edición' }).getAttribute('href');
    editionId = href!.split('/').pop()!;
    expect(editionId).not.toBe('');

    await advance('Recepción de propuestas', /Se abre la recepción de propuestas/);
  },
);

step('a resident reads the edition, submits proposals with validation next to the fields, and edits one', async () => {
  const resident = await open('resident', 'resident-centro-1');
  await resident.goto('/');
  await text(resident, 'Presupuesto Participativo 2027');
  await text(resident, 'Recepción de propuestas');
  await checkPage(resident, 'home-proposals-phase');
  await resident.getByRole('link', { name: 'Presentar una propuesta' }).first().click();
  await resident.getByRole('button', { name: 'Enviar propuesta' }).click();
  await text(resident, /datos por corregir/);
  expect(await resident.getByLabel('Título *').getAttribute('aria-invalid')).toBe('true');
  await text(resident, 'Escribe al menos 5 letras.');
  await checkPage(resident, 'proposal-new-errors');

  const submit = async (title: string, cost: string) => {
    await resident.goto(`/editions/${editionId}/proposals/new`);
    await resident.getByLabel('Título *').fill(title);
    await resident.getByLabel('Descripción *').fill(`${title}: una obra pública para las familias del Centro.`);
    await resident.getByLabel('Costo estimado en pesos *').fill(cost);
    await resident.getByLabel('Categoría').fill('espacio público');
    await resident.getByRole('button', { name: 'Enviar propuesta' }).click();
    await text(resident, 'Recibimos tu propuesta');
    const link = await resident.getByRole('link', { name: 'Ver la propuesta' }).getAttribute('href');
    proposalIds[title] = link!.split('/').pop()!;
  };
  await resident.goto(`/editions/${editionId}/proposals/new`);
  await resident.getByLabel('Costo estimado en pesos *').fill('20');
  await resident.getByRole('button', { name: 'Enviar propuesta' }).click();
  await text(resident, /El costo debe estar entre/);
  await submit('Parque Alameda', '600,000');
  await checkPage(resident, 'proposal-received');
  await submit('Banquetas Centro', '$300 000');
  await submit('Cancha techada', '500000');

  await resident.goto(`/proposals/${proposalIds['Cancha techada']}`);
  await checkPage(resident, 'proposal-own');
  await resident.getByRole('link', { name: 'Cambiar la propuesta' }).click();
  await resident.getByLabel('Título *').fill('Cancha techada del Centro');
  await resident.getByRole('button', { name: 'Guardar cambios' }).click();
  await text(resident, 'Guardamos los cambios');

  await resident.goto(`/editions/${editionId}/proposals?q=Cancha`);
  await text(resident, '1 propuesta');
  await text(resident, 'Cancha techada del Centro');
  await checkPage(resident, 'proposals-search');
});

step('a resident sets the public name shown next to their proposals, by keyboard, and erases it', async () => {
  const resident = page('resident');
  const proposal = `/proposals/${proposalIds['Parque Alameda']}`;
  await resident.goto(proposal);
  await text(resident, 'Anónimo');
  await resident.getByRole('link', { name: 'Mi cuenta' }).click();
  await text(resident, 'Ahora tus propuestas aparecen como «Anónimo».');
  await checkPage(resident, 'account');
  await tabTo(resident, resident.getByRole('textbox', { name: 'Nombre público' }));
  await resident.keyboard.type('Vecina de la Alameda');
  await resident.keyboard.press('Enter');
  await text(resident, 'Guardamos tu nombre público.');
  await resident.goto(proposal);
  await text(resident, 'Vecina de la Alameda');

  await resident.goto('/account');
  await tabTo(resident, resident.getByRole('button', { name: 'Borrar mi nombre público' }));
  await resident.keyboard.press('Enter');
  await checkPage(resident, 'account-erase');
  await tabTo(resident, resident.getByRole('button', { name: 'Sí, borrarlo' }));
  await resident.keyboard.press('Enter');
  await text(resident, /Borramos tu nombre público/);
  await resident.goto(proposal);
  await text(resident, 'Anónimo');
  expect(await resident.getByText('Vecina de la Alameda').count()).toBe(0);
});

step('the reviewer works through the review queue and records assessments with final cost and reason', async () => {
  await advance('Revisión técnica', /Se cierra la recepción de propuestas/);
  const reviewer = await open('reviewer', 'reviewer');
  await reviewer.getByRole('link', { name: 'Revisión' }).click();
  await text(reviewer, '3 propuestas por revisar');
  await reviewer.getByLabel('Distrito').selectOption('norte');
  await text(reviewer, 'No quedan propuestas por revisar con este filtro.');
  await reviewer.getByLabel('Distrito').selectOption('');
  await checkPage(reviewer, 'review-queue');
  for (const [title, cost] of [
    ['Parque Alameda', '600000'],
    ['Banquetas Centro', '300000'],
    ['Cancha techada del Centro', '500000'],
  ] as const) {
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.getByRole('button', { name: 'Registrar dictamen' }).click();
    await text(reviewer, 'Elige viable o no viable.');
    await reviewer.getByRole('radio', { name: 'Viable', exact: true }).check();
    await reviewer.getByLabel('Costo final en pesos *').fill(cost);
    await reviewer
      .getByLabel('Razón pública *')
      .fill('Viable: predio municipal y costo verificado por Obras Públicas.');
    if (title === 'Parque Alameda') await checkPage(reviewer, 'assess');
    await reviewer.getByRole('button', { name: 'Registrar dictamen' }).click();
    await text(reviewer, 'Dictamen registrado');
    await reviewer.getByRole('link', { name: 'Volver a la lista por revisar' }).click();
  }
  await text(reviewer, 'No quedan propuestas por revisar con este filtro.');

  const resident = page('resident');
  await resident.goto(`/proposals/${proposalIds['Parque Alameda']}`);
  await text(resident, 'Dictamen del comité');
  await text(resident, 'Viable: predio municipal y costo verificado por Obras Públicas.');
  await checkPage(resident, 'proposal-assessed');
});

step('residents support proposals and take a support back', async () => {
  await advance('Apoyos', /Las viables podrán recibir apoyos/);
  const resident = page('resident');
  await resident.goto(`/proposals/${proposalIds['Parque Alameda']}`);
  await resident.getByRole('button', { name: 'Apoyar', exact: true }).click();
  await text(resident, 'Tu apoyo quedó registrado');
  expect(await resident.getByTestId('support-count').textContent()).toBe('1');
  await checkPage(resident, 'proposal-supported');
  await resident.getByRole('button', { name: 'Retirar mi apoyo' }).click();
  await text(resident, 'Retiraste tu apoyo');
  await resident.getByTestId('support-count').getByText('0').waitFor();
  await resident.getByRole('button', { name: 'Apoyar', exact: true }).click();
  await text(resident, 'Tu apoyo quedó registrado');

  const neighbour = await open('neighbour', 'resident-centro-2');
  for (const title of ['Banquetas Centro', 'Cancha techada']) {
    await neighbour.goto(`/proposals/${proposalIds[title]}`);
    await neighbour.getByRole('button', { name: 'Apoyar', exact: true }).click();
    await text(neighbour, 'Tu apoyo quedó registrado');
  }
});

step(
  'a resident builds a knapsack ballot with a live budget bar, survives a reload and a dropped connection, and keeps the receipt',
  async () => {
    await advance('Votación', /Las reglas de votación quedan fijas/);
    const resident = page('resident');
    await resident.goto('/');
    await resident.getByRole('link', { name: 'Votar' }).first().click();
    await text(resident, '3 propuestas en la boleta de Centro');
    await text(resident, /Quedan\s\$1,000,000\./);
    await checkPage(resident, 'ballot-empty');

    await resident.getByRole('checkbox', { name: /Parque Alameda/ }).check();
    await text(resident, /Quedan\s\$400,000\./);
    await resident.getByRole('checkbox', { name: /Cancha techada/ }).click();
    await text(resident, /cuesta\s\$1,100,000 y el presupuesto es\s\$1,000,000/);
    expect(await resident.getByRole('checkbox', { name: /Cancha techada/ }).isChecked()).toBe(false);
    await checkPage(resident, 'ballot-over-budget');

    // Keyboard only: Tab to the proposal and tick it with the space bar.
    const banquetas = resident.getByRole('checkbox', { name: /Banquetas Centro/ });
    await tabTo(resident, banquetas);
    await resident.keyboard.press('Space');
    await text(resident, /Quedan\s\$100,000\./);

    await resident.reload();
    await text(resident, /Quedan\s\$100,000\./);
    expect(await resident.getByRole('checkbox', { name: /Parque Alameda/ }).isChecked()).toBe(true);
    expect(await banquetas.isChecked()).toBe(true);

    await resident.getByRole('button', { name: 'Revisar mi voto' }).click();
    await text(resident, 'Vas a votar por 2 propuestas');
    await checkPage(resident, 'ballot-review');
    await resident.context().setOffline(true);
    await resident.getByRole('button', { name: 'Confirmar y enviar mi voto' }).click();
    await text(resident, 'Sin conexión con el servidor');
    await text(resident, 'Tu selección sigue guardada; puedes intentarlo de nuevo sin perderla.');
    await checkPage(resident, 'ballot-offline');
    await resident.context().setOffline(false);
    await resident.getByRole('button', { name: 'Intentar de nuevo' }).click();
    await text(resident, 'Tu voto quedó registrado');
    receipt = (await resident.getByTestId('receipt-code').textContent())!.trim();
    expect(receipt).toMatch(/^[0-9a-f-]{36}\.[0-9a-f]{64}$/);
    await checkPage(resident, 'ballot-receipt');

    await resident.reload();
    expect((await resident.getByTestId('receipt-code').textContent())!.trim()).toBe(receipt);
    // Revoting: the ballot already cast comes back to be changed; the new cast gets a new receipt.
    await resident.getByRole('link', { name: 'Cambiar mi voto' }).click();
    await text(resident, /Ya votaste/);
    expect(await resident.getByRole('checkbox', { name: /Parque Alameda/ }).isChecked()).toBe(true);
    await resident.getByRole('checkbox', { name: /Banquetas Centro/ }).uncheck();
    await resident.getByRole('checkbox', { name: /Banquetas Centro/ }).check();
    await resident.getByRole('button', { name: 'Revisar mi voto' }).click();
    await text(resident, 'Este voto reemplaza el que ya emitiste; cuenta el último.');
    await resident.getByRole('button', { name: 'Confirmar el cambio de voto' }).click();
    await text(resident, 'Tu voto quedó registrado');
    const changed = (await resident.getByTestId('receipt-code').textContent())!.trim();
    expect(changed).not.toBe(receipt);
    replacedReceipt = receipt;
    receipt = changed;
  },
);

step('the admin defines a voting booth and gives the poll officer a shift there, now', async () => {
  const admin = page('admin');
  await admin.goto('/admin');
  // datetime-local takes the browser's local time, which is this machine's.
  const local = (hours: number) => {
    const at = new Date(Date.now() + hours * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  };
  await admin.getByLabel('Nombre', { exact: true }).fill('Mesa Macroplaza');
  await admin.getByLabel('Dirección', { exact: true }).fill('Zuazua y Padre Mier s/n');
  await admin.getByLabel('Distrito', { exact: true }).selectOption('centro');
  await admin.getByLabel('Abre', { exact: true }).fill(local(-1));
  await admin.getByLabel('Cierra', { exact: true }).fill(local(4));
  await admin.getByRole('button', { name: 'Definir la mesa' }).click();
  const shift = admin.getByRole('form', { name: 'Turno en Mesa Macroplaza' });
  await shift.waitFor();
  await shift.getByLabel(/Cuenta de iD Digital/).fill('poll-officer');
  await shift.getByLabel('Desde', { exact: true }).fill(local(-1));
  await shift.getByLabel('Hasta', { exact: true }).fill(local(3));
  await shift.getByRole('button', { name: 'Asignar el turno' }).click();
  await text(admin, 'Turno asignado.');
  await checkPage(admin, 'admin-booths');
});

step('a poll officer records an assisted ballot from the keyboard', async () => {
  const officer = await open('officer', 'poll-officer');
  await officer.getByRole('link', { name: 'Voto asistido' }).click();
  const curp = officer.getByLabel('CURP', { exact: true });
  await curp.waitFor();
  expect(await curp.evaluate((el) => el === document.activeElement)).toBe(true);
  const claims = accountClaims('resident-centro-3')!;
  await officer.keyboard.type(claims.curp.slice(0, 10));
  await officer.getByRole('button', { name: 'Registrar el voto' }).click();
  await text(officer, /La CURP debe tener 18 caracteres/);
  expect(await officer.getByLabel('Mesa (tu turno actual)').inputValue()).not.toBe('');
  await checkPage(officer, 'assisted-errors');
  await curp.fill(claims.curp);
  await officer.getByLabel('Fecha de nacimiento').fill(claims.birthdate);
  await tabTo(officer, officer.getByRole('checkbox', { name: /Banquetas Centro/ }));
  await officer.keyboard.press('Space');
  await officer.keyboard.press('Enter');
  await officer.getByTestId('assisted-receipt').waitFor();
  await text(officer, 'Voto registrado');
  expect(await officer.getByLabel('CURP', { exact: true }).inputValue()).toBe('');
  await checkPage(officer, 'assisted-recorded');
});

/** The receipt page's answer for `code`, by its data-state, once the check has run. */
async function checkReceipt(p: Page, code: string): Promise<string | null> {
  // A fresh page each time, so the answer read is this code's, never the one before.
  await p.goto('/receipts');
  await p.getByLabel('Comprobante').fill(code);
  await p.getByRole('button', { name: 'Comprobar' }).click();
  const result = p.locator('[data-state]');
  await result.waitFor();
  return result.getAttribute('data-state');
}

step(
  'during voting the resident checks the receipt: recorded, the signature that covers it still to come',
  async () => {
    const resident = page('resident');
    await resident.goto('/receipts');
    await resident.getByLabel('Comprobante').fill('no-es-un-comprobante');
    await resident.getByRole('button', { name: 'Comprobar' }).click();
    await text(resident, 'Esto no parece un comprobante completo. Cópialo de nuevo, sin espacios.');
    // The resident's ballot id with another hash: the recorded ballot is not the one this receipt describes.
    expect(await checkReceipt(resident, `${receipt.slice(0, 36)}.${'0'.repeat(64)}`)).toBe('failed');
    await text(resident, 'sus huellas no coinciden');
    // Well-formed but no ballot has it: the server says so (404) and the page says what to do.
    await resident.goto(`/receipts/00000000-0000-4000-8000-000000000000.${'0'.repeat(64)}`);
    await resident.locator('[data-state="not-found"]').waitFor();
    await text(resident, 'No encontramos este comprobante');
    await checkPage(resident, 'receipt-not-found');

    expect(await checkReceipt(resident, receipt)).toBe('pending');
    await text(resident, 'Tu voto está registrado; falta la firma');
    await text(resident, /la ciudad firma el registro al menos cada [\d,]+ min/);
    // Sealed: during voting the page (like every public route) knows nothing of what the ballot chose.
    await resident.getByTestId('receipt-sealed').waitFor();
    await checkPage(resident, 'receipt-pending');
  },
);

step(
  'the admin counts and publishes; the results page shows each district’s winners, the chart and the open data',
  async () => {
    await advance('Conteo', /Se cierra la votación/);
    await advance('Resultados', /Se publican los resultados/);
    const visitor = await open('visitor', null);
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Ver resultados' }).click();
    const winners = visitor.getByTestId('winners-centro');
    await winners.waitFor();
    // Greedy: Banquetas (2 votes, $300,000) and Parque (1 vote, $600,000) fit the $1,000,000; the cancha does not.
    expect(await winners.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Banquetas Centro'),
      expect.stringContaining('Parque Alameda'),
    ]);
    await text(visitor, '2 personas votaron.');
    await visitor.locator('.chart svg').first().waitFor();
    // The results name the head signed when voting closed, with the way to check it.
    const head = visitor.getByTestId('results-tree-head');
    await head.getByText(/registro firmado el .*, al cerrar la votación, con \d+ eventos\./).waitFor();
    expect(await head.locator('dd.mono').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await head.getByRole('link', { name: 'Comprobarlo en la página de auditoría' }).getAttribute('href')).toBe(
      `/editions/${editionId}/audit`,
    );
    const csv = await visitor.getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(decodeURIComponent(csv!)).toContain('"centro","Centro","1000000","900000","2"');
    await checkPage(visitor, 'results');

    await visitor.getByRole('button', { name: 'English' }).click();
    await text(visitor, 'Winning proposals');
    await text(visitor, '2 people voted.');
    await checkPage(visitor, 'results-english');
    await visitor.getByRole('button', { name: 'Español' }).click();
    await text(visitor, 'Propuestas ganadoras');
  },
);

step(
  'after the results, the resident checks the receipt again: verified in the browser against the signed head',
  async () => {
    const resident = page('resident');
    expect(await checkReceipt(resident, receipt)).toBe('verified');
    await text(resident, 'Tu voto está en el registro público');
    await text(resident, /del registro firmado el/);
    expect(await resident.getByTestId('receipt-replaced').count()).toBe(0);
    // Voting has closed: the page lists what the ballot counted for, from its published opening.
    await resident.getByTestId('receipt-counted').waitFor();
    await checkPage(resident, 'receipt-verified');

    // The ballot the revote replaced is in the record too, and the page says the last one counts.
    expect(await checkReceipt(resident, replacedReceipt)).toBe('verified');
    await resident.getByTestId('receipt-replaced').waitFor();
  },
);

step('an auditor opens the audit page: every signed tree head checks, and so does the whole edition', async () => {
  const auditor = page('visitor');
  await auditor.goto(`/editions/${editionId}/audit`);
  await auditor.getByRole('heading', { name: 'Auditoría', exact: true }).waitFor();
  const heads = auditor.getByTestId('tree-head');
  await heads.first().waitFor();
  // One head per phase change from proposals to results, and one when the tally was fixed.
  const reasons = await heads.getByRole('rowheader').allTextContents();
  expect(reasons).toEqual(expect.arrayContaining(['paso a «Votación»', 'paso a «Conteo»', 'resultados fijados']));
  expect(await auditor.locator('[data-signature="invalid"]').count()).toBe(0);
  expect(await auditor.locator('[data-signature="valid"]').count()).toBe(reasons.length);
  const download = auditor.getByRole('link', { name: 'Descargar el registro (JSON Lines)' });
  expect(await download.getAttribute('href')).toBe(`/api/processes/${editionId}/audit/export`);

  await auditor.getByRole('button', { name: 'Comprobar en este navegador' }).click();
  const verdict = auditor.locator('[data-state="verified"], [data-state="failed"]');
  await verdict.waitFor();
  const findings = await auditor.getByTestId('findings').allTextContents();
  expect(findings).toEqual([]);
  expect(await verdict.getAttribute('data-state')).toBe('verified');
  await text(auditor, 'Todas las comprobaciones se cumplen');
  await text(auditor, 'El recuento da los mismos resultados que se publicaron.');
  await checkPage(auditor, 'audit');
});

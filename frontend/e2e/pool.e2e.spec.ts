import type { Browser, Page } from 'playwright-core';
import { EditionHistory } from '../../backend/src/testing/edition-history';
import { editionBody } from '../../backend/src/testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../../backend/src/testing/test-system';
import { checkPage, launch, logInWithHint, person } from './browser';

// Issue 12, part 2, in the browser: a resident of Centro votes on one ballot with two pools
// (their district's and the citywide one), each with its own budget bar, on a 360 px phone;
// the results page then lists the citywide pool beside the districts.

jest.setTimeout(120_000);

let system: TestSystem;
let browser: Browser;
let admin: Client;
let resident: Page;
let editionId = '';

const text = (p: Page, content: string | RegExp) => p.getByText(content).first().waitFor();

/** checkPage from the top of the page: each pool's budget bar sticks within its section while scrolled. */
async function photograph(p: Page, name: string): Promise<void> {
  await p.evaluate(() => window.scrollTo(0, 0));
  await checkPage(p, name);
}

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launch();
  admin = await system.login('admin');
  const history = new EditionHistory(
    system,
    editionBody({
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 },
      rules: { supports: { enabled: false } },
    }),
  ).advance('proposals');
  const proposals: [string, string, string, number][] = [
    ['resident-centro-1', 'Parque Alameda renovado', 'centro', 600_000],
    ['resident-centro-1', 'Banquetas del Centro', 'centro', 300_000],
    ['resident-centro-2', 'Ciclovía metropolitana', 'ciudad', 1_500_000],
    ['resident-centro-2', 'Bebederos en parques', 'ciudad', 700_000],
    ['resident-norte-1', 'Cancha del Topo Chico', 'norte', 400_000],
  ];
  const ids = proposals.map(([account, title, district, cost]) => {
    const id = history.submit(account, { title, district, estimatedCost: cost });
    return { id, district, cost };
  });
  history.advance('review');
  for (const { id, cost } of ids) {
    history.assess(id, { feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
  }
  await history.seed();
  editionId = history.id;
  const voting = await admin.post(`/api/processes/${editionId}/phase`, { to: 'voting' });
  expect(voting.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

test('a resident fills a two-pool ballot at 360 px, each pool within its own budget, and casts it', async () => {
  ({ page: resident } = await person(browser, system.baseUrl));
  await logInWithHint(resident, 'resident-centro-1', `/editions/${editionId}/ballot`);
  await resident.goto(`/editions/${editionId}/ballot`);
  const district = resident.getByRole('region', { name: 'Centro' });
  const citywide = resident.getByRole('region', { name: 'Toda la ciudad' });
  await text(resident, '2 propuestas en la boleta de Toda la ciudad');
  await district.getByText(/Quedan\s\$1,000,000\./).waitFor();
  await citywide.getByText(/Quedan\s\$2,000,000\./).waitFor();
  expect(resident.viewportSize()?.width).toBe(360);
  await checkPage(resident, 'pool-ballot-empty');

  await district.getByRole('checkbox', { name: /Parque Alameda renovado/ }).check();
  await citywide.getByRole('checkbox', { name: /Ciclovía metropolitana/ }).check();
  await district.getByText(/Quedan\s\$400,000\./).waitFor();
  await citywide.getByText(/Quedan\s\$500,000\./).waitFor();
  // Over the citywide budget only: refused next to the pick, while the district still has room.
  await citywide.getByRole('checkbox', { name: /Bebederos en parques/ }).click();
  await citywide.getByText(/cuesta\s\$2,200,000 y el presupuesto es\s\$2,000,000/).waitFor();
  expect(await citywide.getByRole('checkbox', { name: /Bebederos en parques/ }).isChecked()).toBe(false);
  await photograph(resident, 'pool-ballot-over-citywide-budget');
  await district.getByRole('checkbox', { name: /Banquetas del Centro/ }).check();
  await district.getByText(/Quedan\s\$100,000\./).waitFor();

  await resident.getByRole('button', { name: 'Revisar mi voto' }).click();
  await text(resident, 'Vas a votar por 3 propuestas');
  const review = resident.locator('.ballot-review');
  await review.getByRole('heading', { name: 'Toda la ciudad' }).waitFor();
  await review.getByText(/Total:\s\$1,500,000 de\s\$2,000,000\./).waitFor();
  await review.getByText(/Total:\s\$900,000 de\s\$1,000,000\./).waitFor();
  await checkPage(resident, 'pool-ballot-review');
  await resident.getByRole('button', { name: 'Confirmar y enviar mi voto' }).click();
  await text(resident, 'Tu voto quedó registrado');
  await checkPage(resident, 'pool-ballot-receipt');

  const mine = await resident.request.get(`/api/processes/${editionId}/ballot`);
  expect((await mine.json()).selections).toHaveLength(3);
});

test('the results page lists the citywide pool beside the districts, with its own winners', async () => {
  for (const to of ['counting', 'results']) {
    expect((await admin.post(`/api/processes/${editionId}/phase`, { to })).status).toBe(200);
  }
  const { page: visitor } = await person(browser, system.baseUrl);
  await visitor.goto(`/editions/${editionId}/results`);
  const winners = visitor.getByTestId('winners-ciudad');
  await winners.waitFor();
  expect(await winners.getByRole('listitem').allTextContents()).toEqual([
    expect.stringContaining('Ciclovía metropolitana'),
  ]);
  await text(visitor, /cada residente votó en él además de en su distrito/);
  const headings = await visitor.locator('.district-results h2').allTextContents();
  expect(headings).toEqual(['Centro', 'Norte', 'Toda la ciudad']);
  expect(await visitor.getByRole('link', { name: /de Toda la ciudad en formato pabulib/ }).getAttribute('href')).toBe(
    `/api/processes/${editionId}/results.pb?district=ciudad`,
  );
  await checkPage(visitor, 'pool-results');
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, installed by scripts/install-chromium.sh; playwright downloads no browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export function launch(): Promise<Browser> {
  // Root in a container has no user namespace for Chromium's sandbox.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** What the browser refused under the backend's Content-Security-Policy, per person. */
const cspViolations = new WeakMap<BrowserContext, string[]>();

/** A person at their own device: their own cookies and storage, a phone-sized window, Spanish. */
export async function person(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, locale: 'es-MX' });
  const refused: string[] = [];
  cspViolations.set(context, refused);
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  // Every wait in the story is for something a person would see within seconds.
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

/** Logs in through the real iD Digital flow, skipping the account picker with login_hint. */
export async function logInWithHint(page: Page, account: string, returnTo = '/'): Promise<void> {
  await page.goto(`/auth/login?${new URLSearchParams({ login_hint: account, returnTo })}`);
  await page.getByRole('button', { name: /^Salir$/ }).waitFor();
}

let shot = 0;

/**
 * Every page the story reaches: the browser refused nothing under the Content-Security-Policy,
 * axe-core finds no serious or critical WCAG 2.1 A/AA violation, and the page is
 * photographed at 360 px and 1280 px for people to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect({ page: name, refusedByCsp: cspViolations.get(page.context()) ?? [] }).toEqual({
    page: name,
    refusedByCsp: [],
  });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  expect(grave).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  shot += 1;
  const prefix = join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}`);
  const viewport = page.viewportSize() ?? { width: 360, height: 780 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(viewport);
}

/** Presses Tab until `target` has the focus, as a keyboard-only user would; fails if it never does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

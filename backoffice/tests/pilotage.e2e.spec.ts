import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { startBackoffice } from './support/server.ts';

const MANAGER = 'responsable@demo.guichet.test';
const AGENT = 'agent@demo.guichet.test';

const parisDay = (offsetDays: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));
/** « 1 234 » → 1234 (French thousands separators are narrow no-break spaces). */
const int = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, ''));

async function chartsDrawn(page: Page, count: number) {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('canvas')];
    return canvases.length >= n && canvases.every((c) => c.width > 0 && c.height > 0);
  }, count);
}

async function signIn(page: Page, baseUrl: string, email: string) {
  await logIn(page, baseUrl, email);
  await page.getByRole('heading', { name: 'File d’attente', level: 1 }).waitFor();
}

/** The totals row of a table of the dashboard, as numbers. */
async function totals(page: Page, table: string): Promise<number[]> {
  return (await page.locator(`table[data-table="${table}"] tfoot td`).allInnerTexts()).map(int);
}

describe('Back office: manager dashboard', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the figures of a period with charts and their tables, and a CSV with the same totals', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/backoffice/pilotage`);
    await page.getByRole('heading', { name: 'Pilotage de la qualité de service', level: 1 }).waitFor();
    await chartsDrawn(page, 5);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pilotage-30-jours');
    const lastMonth = await totals(page, 'volumes');

    // Three months instead of the default thirty days: the demo town's two months of requests.
    await page.getByLabel('Du', { exact: true }).fill(parisDay(-89));
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/from=/);
    await page.getByText('courbes par semaine').waitFor();
    await chartsDrawn(page, 5);
    const quarter = await totals(page, 'volumes');
    expect(quarter.at(-1)).toBeGreaterThan(lastMonth.at(-1) as number);
    // Per channel, then all channels: the total is the sum of its parts, and the key figure says the same.
    expect(quarter.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(quarter.at(-1));
    expect(int(await page.locator('.kpis li').first().locator('strong').innerText())).toBe(quarter.at(-1));
    await screenshot(page, 'pilotage-90-jours');

    const section = page.locator('section#volumes');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: /Télécharger ce tableau/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^pilotage-volumes-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Période;En ligne;Téléphone;Courriel;Courrier;Accueil / guichet;Total');
    const total = (csv.at(-1) as string).split(';');
    expect(total[0]).toBe('Total');
    expect(total.slice(1).map(Number)).toEqual(quarter);

    // From a figure to the requests behind it.
    await page.locator('table[data-table="volumes"] tfoot td').last().getByRole('link').click();
    await page.getByRole('heading', { name: 'Demandes reçues', level: 1 }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(quarter.at(-1));
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has a page per service with its alerts, readable on a phone', async () => {
    const context = await newContext(browser, { width: 360 });
    const page = await context.newPage();
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/backoffice/pilotage?from=${parisDay(-89)}&to=${parisDay(0)}`);
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'Voirie' }).click();
    await page.getByRole('heading', { name: /Pilotage — Voirie/ }).waitFor();
    await page.getByRole('heading', { name: 'Échéances à surveiller' }).waitFor();
    await chartsDrawn(page, 5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pilotage-service-mobile');
    await context.close();
  });

  it('works without JavaScript: the tables and CSV links carry the figures', async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/backoffice/pilotage`);
    await page.getByLabel('Du', { exact: true }).fill(parisDay(-59));
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(/from=/);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.locator('table[data-table]').count()).toBe(8);
    const stock = await totals(page, 'stock');
    const href = (await page
      .locator('section#stock')
      .getByRole('link', { name: /Télécharger/ })
      .getAttribute('href')) as string;
    const res = await page.request.get(new URL(href, page.url()).toString());
    const last = (await res.text()).trim().split('\r\n').at(-1) as string;
    expect(last.split(';').slice(1).map(Number)).toEqual(stock);
    await screenshot(page, 'pilotage-sans-javascript');
    await context.close();
  });

  it('is closed to agents without a manager role', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, AGENT);
    const res = await page.goto(`${server.url}/backoffice/pilotage`);
    expect(res?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Accès réservé' }).waitFor();
    await context.close();
  });
});

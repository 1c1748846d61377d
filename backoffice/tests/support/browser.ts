import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function newContext(
  browser: Browser,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1366, height: 900 },
  });
}

export async function logIn(page: Page, baseUrl: string, email: string, password = 'guichet-demo'): Promise<void> {
  await page.goto(`${baseUrl}/backoffice/connexion`);
  await page.getByLabel('Adresse électronique professionnelle').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Logged in, or refused: either way the next step starts from a settled page.
  await page.getByRole('button', { name: 'Se déconnecter' }).or(page.getByRole('alert')).first().waitFor();
}

/** axe-core's serious and critical violations on the current page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    return (await (window as unknown as { axe: { run(): Promise<Result> } }).axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(target: Page | ReturnType<Page['locator']>, name: string): Promise<void> {
  const dir = join(root, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path, fullPage: true });
  else await target.screenshot({ path });
}

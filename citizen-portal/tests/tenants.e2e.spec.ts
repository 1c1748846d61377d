import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { ccasLogoPng } from '../../api/src/demo/ccas.ts';
import { logIn } from '../../backoffice/tests/support/browser.ts';
import { startPortal } from './support/server.ts';
import { launchBrowser, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { apiClient, signUpResident } from './support/api.ts';

/** Several organisations on one installation: each one's branding, catalogue, and one account for a resident. */
describe('collectivités : identité visuelle, portail de chacune, compte usager commun', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const cssVar = (page: Page, name: string) =>
    page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

  it("l'administrateur du CCAS change couleur et logo ; le portail du CCAS les montre", async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, 'admin.ccas@demo.guichet.test');
    // The back office header already carries the CCAS's name and logo.
    await expect(page.locator('header .brand').textContent()).resolves.toContain('CCAS de S.');
    expect(await page.locator('header .brand img').getAttribute('src')).toContain('/api/v1/tenants/ccas-de-s/logo');

    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Identité de la collectivité' }).click();
    await page.getByRole('heading', { level: 1, name: 'Identité de la collectivité' }).waitFor();

    // Too light for white text: refused next to the field, nothing saved.
    await page.getByLabel('Couleur principale').fill('#ffcc00');
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    const refusal = page.locator('#tenant-primary-err');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('4,5:1');
    expect(await page.getByLabel('Couleur principale').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Couleur principale').fill('#5b2a86');
    await page
      .locator('#tenant-logo')
      .setInputFiles({ name: 'nouveau-logo.png', mimeType: 'image/png', buffer: ccasLogoPng(40) });
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.getByText('Identité enregistrée').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'backoffice-identite-collectivite');

    // The CCAS's portal, reached by its link: its name, logo and colour.
    const portal = await (await newContext(browser)).newPage();
    await portal.goto(`${server.url}/?collectivite=ccas-de-s`);
    await expect(portal.locator('.marque-nom').textContent()).resolves.toBe('CCAS de S.');
    const logo = portal.locator('header img.marque-logo');
    const src = await logo.getAttribute('src');
    expect(src).toContain('/api/v1/tenants/ccas-de-s/logo');
    const served = await fetch(`${server.url}${src}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(ccasLogoPng(40))).toBe(true);
    expect(await cssVar(portal, '--bleu')).toBe('#5b2a86');
    // Remembered: the next page is still the CCAS's portal.
    await portal.goto(`${server.url}/demarches`);
    expect(await cssVar(portal, '--bleu')).toBe('#5b2a86');
    await screenshot(portal, 'portail-ccas');
  });

  it('un usager change de collectivité, voit ses démarches, et retrouve toutes ses demandes', async () => {
    const { token } = await signUpResident(server.url, 'Inès');
    const context = await newContext(browser);
    await context.addCookies([{ name: 'guichet_citoyen', value: token, url: server.url }]);
    const page = await context.newPage();

    await page.goto(`${server.url}/demarches`);
    await page.getByRole('link', { name: 'Question sur une facture' }).waitFor();
    expect(await page.getByRole('link', { name: "Demande d'aide sociale facultative" }).count()).toBe(0);

    await page.getByRole('link', { name: 'Changer de collectivité' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choisir votre collectivité' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portail-choix-collectivite');
    await page.getByRole('button', { name: /CCAS de S\./ }).click();
    await page.waitForURL(`${server.url}/demarches`);
    await page.getByRole('link', { name: "Demande d'aide sociale facultative" }).waitFor();
    await page.getByRole('link', { name: 'Rendez-vous avec un travailleur social' }).waitFor();
    expect(await page.getByRole('link', { name: 'Question sur une facture' }).count()).toBe(0);
    await expect(page.locator('.marque-nom').textContent()).resolves.toBe('CCAS de S.');

    // One account, two organisations: each request says which one handles it.
    const resident = apiClient(server.url, token);
    const ccas = await resident.get<{ items: { id: string; slug: string }[] }>('/procedures?tenant=ccas-de-s');
    await resident.post('/cases', {
      procedureId: ccas.items.find((p) => p.slug === 'rendez-vous-travailleur-social')!.id,
      data: { motif: 'logement', disponibilites: 'Le mardi matin' },
    });
    const facture = (await resident.get<{ items: { id: string; slug: string }[] }>('/procedures')).items.find(
      (p) => p.slug === 'question-facture',
    )!;
    await resident.post('/cases', {
      procedureId: facture.id,
      data: {
        numeroFacture: 'FAC-2026-000777',
        montant: '12,00',
        objet: 'tarif',
        question: 'Pourquoi ce tarif ?',
        courriel: 'ines@exemple.fr',
      },
    });
    await page.getByRole('link', { name: 'Mes demandes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();
    const rdv = page.locator('li.demande', { hasText: 'Rendez-vous avec un travailleur social' });
    await expect(rdv.locator('.collectivite').textContent()).resolves.toBe('CCAS de S.');
    const question = page.locator('li.demande', { hasText: 'Question sur une facture' });
    await expect(question.locator('.collectivite').textContent()).resolves.toBe('Ville de S.');

    // And back to the town.
    await page.getByRole('link', { name: 'Changer de collectivité' }).click();
    await page.getByRole('button', { name: /Ville de S\./ }).click();
    await page.getByRole('link', { name: 'Question sur une facture' }).waitFor();
    // A CCAS procedure reached from the town's portal (a link on the CCAS's site) wears the CCAS's name.
    await page.goto(`${server.url}/demarches/aide-sociale-facultative`);
    await expect(page.locator('.marque-nom').textContent()).resolves.toBe('CCAS de S.');
    await page.goto(`${server.url}/demarches`);
    await expect(page.locator('.marque-nom').textContent()).resolves.toBe('Ville de S.');
  });

  it('une adresse propre à une collectivité ouvre son portail (GUICHET_TENANT_HOSTS)', async () => {
    const { port } = new URL(server.url);
    process.env.GUICHET_TENANT_HOSTS = `localhost:${port}=ccas-de-s`;
    try {
      const page = await (await newContext(browser)).newPage();
      await page.goto(`http://localhost:${port}/demarches`);
      await page.getByRole('link', { name: "Demande d'aide sociale facultative" }).waitFor();
      await expect(page.locator('.marque-nom').textContent()).resolves.toBe('CCAS de S.');
      // The same installation under its other address is still the town's.
      await page.goto(`${server.url}/demarches`);
      await page.getByRole('link', { name: 'Question sur une facture' }).waitFor();
      await expect(page.locator('.marque-nom').textContent()).resolves.toBe('Ville de S.');
    } finally {
      delete process.env.GUICHET_TENANT_HOSTS;
    }
  });

  it("sans JavaScript, l'administrateur de la ville voit un logo trop lourd refusé, puis enregistre sa couleur d'accent", async () => {
    const page = await (await newContext(browser, { javaScript: false })).newPage();
    await logIn(page, server.url, 'admin@demo.guichet.test');
    await page.goto(`${server.url}/backoffice/administration/collectivite`);
    await page.getByLabel('Couleur d’accent').fill('#0b5d1e');
    const heavy = Buffer.alloc(600 * 1024, 7);
    heavy.set(ccasLogoPng().subarray(0, 8));
    await page.locator('#tenant-logo').setInputFiles({ name: 'lourd.png', mimeType: 'image/png', buffer: heavy });
    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.locator('#tenant-logo-err').waitFor();
    expect(await page.locator('#tenant-logo-err').textContent()).toContain('512 Ko');
    // What was typed is still there; nothing was saved.
    expect(await page.getByLabel('Couleur d’accent').inputValue()).toBe('#0b5d1e');
    expect((await fetch(`${server.url}/api/v1/tenants/ville-de-s`).then((r) => r.json())).accentColour).not.toBe(
      '#0b5d1e',
    );

    await page.getByRole('button', { name: 'Enregistrer l’identité' }).click();
    await page.getByText('Identité enregistrée').waitFor();
    const portal = await (await newContext(browser)).newPage();
    await portal.goto(`${server.url}/?collectivite=ville-de-s`);
    expect(await cssVar(portal, '--accent')).toBe('#0b5d1e');
    expect(await portal.locator('header img.marque-logo').count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, seriousViolations } from './support/browser.ts';
import { apiAs, startBackoffice } from './support/server.ts';

const TOWN_AGENT = 'agent@demo.guichet.test';
const CCAS_ADMIN = 'admin.ccas@demo.guichet.test';
const RESIDENT = 'citoyen@demo.guichet.test';
const NOT_YOURS = 'Cette demande n’existe pas ou ne relève pas de vos services.';

interface Summary {
  id: string;
  reference: string;
}

/** Two organisations on one installation: the town (Ville de S.) and its CCAS, one resident account for both. */
describe('Back office: the agents of one organisation never see another’s requests', () => {
  let server: TestServer;
  let browser: Browser;
  let townCase: Summary;
  let ccasCase: Summary;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
    const resident = apiAs(server.url, await server.login(RESIDENT));
    const ccas = await resident.get<{ items: { id: string; slug: string }[] }>('/procedures?tenant=ccas-de-s');
    ccasCase = await resident.post<Summary>('/cases', {
      procedureId: ccas.items.find((p) => p.slug === 'rendez-vous-travailleur-social')!.id,
      data: { motif: 'logement', disponibilites: 'Le jeudi après-midi' },
    });
    const town = apiAs(server.url, await server.login(TOWN_AGENT));
    townCase = (await town.get<{ items: Summary[] }>('/queues?limit=1')).items[0]!;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the CCAS its own request, and refuses it the town’s, by address and by search', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, CCAS_ADMIN);
    await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
    await page.getByRole('link', { name: ccasCase.reference }).waitFor();
    expect(await page.getByRole('link', { name: townCase.reference }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const refused = await page.goto(`${server.url}/backoffice/demandes/${townCase.id}`);
    expect(refused?.status()).toBe(404);
    await page.getByText(NOT_YOURS).waitFor();

    await page.goto(`${server.url}/backoffice/recherche?reference=${encodeURIComponent(townCase.reference)}`);
    await page.getByRole('heading', { name: 'Rechercher une demande' }).waitFor();
    expect(await page.getByRole('link', { name: townCase.reference }).count()).toBe(0);
    await page.context().close();
  });

  it('refuses the town’s agent the CCAS’s request, though the same resident filed both', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, TOWN_AGENT);
    await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
    expect(await page.getByRole('link', { name: ccasCase.reference }).count()).toBe(0);
    const refused = await page.goto(`${server.url}/backoffice/demandes/${ccasCase.id}`);
    expect(refused?.status()).toBe(404);
    await page.getByText(NOT_YOURS).waitFor();
    // And the API says the same to the same agent.
    const res = await fetch(`${server.url}/api/v1/cases/${ccasCase.id}`, {
      headers: { authorization: `Bearer ${await server.login(TOWN_AGENT)}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    await page.context().close();
  });
});

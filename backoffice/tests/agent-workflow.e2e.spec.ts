import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { apiAs, startBackoffice } from './support/server.ts';

const AGENT = 'agent@demo.guichet.test';
const CITIZEN = 'citoyen@demo.guichet.test';

describe('Back office: an agent works a request from arrival to closure', () => {
  let server: TestServer;
  let browser: Browser;
  let citizen: ReturnType<typeof apiAs>;
  let agentApi: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
    citizen = apiAs(server.url, await server.login(CITIZEN));
    agentApi = apiAs(server.url, await server.login(AGENT));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a citizen with a clear French message', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, CITIZEN);
    await page.getByText('Cet espace est réservé aux agents de la commune.').waitFor();
    expect(page.url()).toContain('/backoffice/connexion');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('sees a web request arrive live, handles it with the keyboard and the forms, and closes it', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, AGENT);
    await page.getByRole('heading', { name: 'File d’attente' }).waitFor();

    // Newest unassigned first: the filters are a GET form applied as soon as they change.
    await page.getByLabel('Attribution').selectOption('none');
    await page.waitForURL(/assignee=none/);
    await page.getByLabel('Trier par').selectOption('activity');
    await page.waitForURL(/sort=activity/);
    await page.getByText('Mise à jour en direct').waitFor();

    const procedure = await citizen.get<{ id: string }>('/procedures/question-facture');
    const question = 'Trois repas facturés en mars alors que ma fille était en classe de neige.';
    const submitted = await citizen.post<{ id: string; reference: string }>('/cases', {
      procedureId: procedure.id,
      data: {
        numeroFacture: 'FAC-2026-004512',
        montant: '58,20',
        objet: 'repas-factures',
        question,
        courriel: CITIZEN,
      },
    });
    const row = page.locator('tbody tr').first();
    await row.getByRole('link', { name: submitted.reference }).waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Reçue');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'backoffice-file-attente');

    // j selects the first request, Entrée opens it, p takes it.
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(submitted.reference) }).waitFor();
    expect(await page.getByText(question).count()).toBe(1);
    expect(await page.getByText('Repas facturés alors que mon enfant était absent').count()).toBe(1);
    await page.keyboard.press('p');
    await page.getByText('La demande vous est attribuée.').waitFor();
    await page.locator('.strip').getByText('Claire Dubois').waitFor();

    // c opens « Demander un complément »; the deadline pauses.
    await page.keyboard.press('c');
    await page.keyboard.type('Merci de joindre la facture de mars et le certificat d’absence.');
    await page.getByRole('button', { name: 'Envoyer la demande de complément' }).click();
    await page.getByText('Demande de complément envoyée. Le délai est suspendu.').waitFor();
    await page.locator('.strip').getByText('En attente du demandeur', { exact: true }).waitFor();
    await page.locator('.strip').getByText('Délai suspendu', { exact: true }).waitFor();

    // The citizen answers through the API; the page shows it without a reload.
    const answer = 'Voici le certificat de l’école : ma fille était absente du 10 au 14 mars.';
    await citizen.post(`/cases/${submitted.id}/provide-information`, { message: answer });
    await page.locator('.timeline').getByText(answer).waitFor({ timeout: 15_000 });
    await page.locator('.strip').getByText('En cours de traitement', { exact: true }).waitFor();

    // a: a phone call; n: an internal note, typed with letters that are shortcuts elsewhere.
    await page.keyboard.press('a');
    await page.getByLabel('Durée (minutes)').fill('4,5');
    await page.getByLabel('Résumé de l’appel').fill('Appel de la mère : confirme l’absence, demande le remboursement.');
    await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
    await page.getByText('Appel enregistré.').waitFor();
    const call = page.locator('.timeline li', { hasText: 'Appel téléphonique' });
    await call.waitFor();
    expect(await call.innerText()).toMatch(/Appel reçu du demandeur, durée 4 min 30 s/);
    expect(await call.innerText()).toContain('Téléphone');

    await page.keyboard.press('n');
    const note = 'Vérifier avec la cantine avant de rembourser trois repas.';
    await page.keyboard.type(note);
    expect(await page.getByLabel('Note interne').inputValue()).toBe(note);
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText('Note interne enregistrée.').waitFor();
    const noted = page.locator('.timeline li', { hasText: note });
    await noted.waitFor();
    expect(await noted.locator('.badge').textContent()).toBe('Note interne');

    await page.getByText('Rendre la décision').click();
    await page.getByLabel('Acceptée').check();
    await page.locator('#decide-reason').fill('Trois repas seront déduits de la prochaine facture.');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await page.getByText('Décision enregistrée.').waitFor();
    await page.locator('.strip').getByText('Décision rendue', { exact: true }).waitFor();

    await page.getByText('Clôturer la demande').click();
    await page.getByRole('button', { name: 'Clôturer', exact: true }).click();
    await page.getByText('Demande clôturée.').waitFor();
    await page.locator('.strip').getByText('Clôturée', { exact: true }).waitFor();
    // Only what a closed request allows is offered now.
    expect(await page.getByText('Rouvrir la demande').count()).toBe(1);
    expect(await page.getByText('Demander un complément').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Prendre la demande/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'backoffice-demande');
    await screenshot(page.locator('section', { has: page.locator('#historique') }), 'backoffice-historique');

    // The request as it was when the information was asked for.
    const { events } = await agentApi.get<{ events: { type: string; at: string }[] }>(
      `/cases/${submitted.id}/timeline`,
    );
    const asked = events.find((e) => e.type === 'InformationRequested')!;
    await page.goto(`${server.url}/backoffice/demandes/${submitted.id}/vue-au?at=${encodeURIComponent(asked.at)}`);
    await page.getByText(/^Vue au /).waitFor();
    const strip = await page.locator('.strip').textContent();
    expect(strip).toContain('En attente du demandeur');
    expect(strip).toContain('Claire Dubois');
    expect(await page.getByText(answer).count()).toBe(0);
    expect(await page.getByText('Appel téléphonique').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Clôturer|Enregistrer/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

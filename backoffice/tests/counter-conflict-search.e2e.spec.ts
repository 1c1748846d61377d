import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { apiAs, startBackoffice } from './support/server.ts';

const AGENT = 'agent@demo.guichet.test';
const MANAGER = 'responsable@demo.guichet.test';

describe('Back office: counter requests, concurrent edits and search', () => {
  let server: TestServer;
  let browser: Browser;
  let agentApi: ReturnType<typeof apiAs>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
    agentApi = apiAs(server.url, await server.login(AGENT));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records a request made at the counter for a resident without account, without JavaScript, and it joins their history', async () => {
    const page = await (await newContext(browser, { javaScript: false })).newPage();
    await logIn(page, server.url, AGENT);
    await page.getByRole('link', { name: 'Nouvelle demande' }).click();

    await page.getByLabel('Nom, courriel ou téléphone du demandeur').fill('Marchand');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText('Aucune personne ne correspond.').waitFor();
    await page.getByText('Créer la fiche d’une personne sans compte').click();
    await page.locator('#c-first').fill('Odile');
    await page.locator('#c-last').fill('Marchand');
    await page.locator('#c-phone').fill('06 98 76 54 32');
    await page.getByRole('button', { name: 'Créer la fiche et la choisir' }).click();
    await page.getByText('Odile Marchand').first().waitFor();

    await page.locator('#procedure').selectOption({ label: 'Question sur une facture' });
    await page.getByLabel('Accueil / guichet').check();
    await page.getByRole('button', { name: 'Afficher le formulaire' }).click();
    await page.getByRole('heading', { name: '3. Question sur une facture' }).waitFor();
    const formUrl = page.url();

    // A mistake first: the API's French message shows next to the field, nothing typed is lost.
    await page.getByLabel('Numéro de facture').fill('facture 12');
    await page.getByLabel('Montant de la facture (€)').fill('42');
    await page.getByLabel('Objet').selectOption('tarif');
    await page
      .getByLabel('Votre question')
      .fill('Le tarif du quotient familial 2 ne semble pas appliqué depuis janvier.');
    await page.getByLabel('Adresse électronique').fill('odile.marchand@exemple.fr');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await page.getByText('Saisissez le numéro tel qu’il figure sur la facture, au format FAC-2026-004512.').waitFor();
    expect(await page.getByLabel('Votre question').inputValue()).toContain('quotient familial 2');

    await page.getByLabel('Numéro de facture').fill('FAC-2026-000777');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    const saved = page.getByText(/Demande S-\d{4}-\d+ enregistrée/);
    await saved.waitFor();
    const reference = /S-\d{4}-\d+/.exec(await saved.innerText())![0];
    expect(await page.locator('.strip').innerText()).toContain('Accueil / guichet');

    await page.getByRole('link', { name: 'Tout l’historique de ce demandeur' }).click();
    await page.getByRole('heading', { name: 'Odile Marchand' }).waitFor();
    const entry = page.locator('tbody tr', { hasText: reference });
    expect(await entry.count()).toBeGreaterThan(0);
    expect(await entry.first().innerText()).toContain('Accueil / guichet');
    const historyUrl = page.url();
    await page.context().close();

    // axe needs JavaScript: the same pages, checked in an ordinary browser.
    const checked = await (await newContext(browser)).newPage();
    await logIn(checked, server.url, AGENT);
    for (const url of [formUrl, historyUrl]) {
      await checked.goto(url);
      expect(await seriousViolations(checked)).toEqual([]);
    }
    await checked.context().close();
  });

  it('shows a second agent, acting on a stale page, what changed and keeps their text', async () => {
    const queue = await agentApi.get<{ items: { id: string; reference: string }[] }>(
      '/queues?status=in_progress&limit=1',
    );
    const target = queue.items[0]!;
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, MANAGER);
    await page.goto(`${server.url}/backoffice/demandes/${target.id}`);
    await page.getByText('Écrire une note interne').click();
    const mine = 'Le demandeur a rappelé : il attend une réponse avant vendredi.';
    await page.getByLabel('Note interne').fill(mine);

    // Meanwhile Claire writes a note on the same request.
    await agentApi.post(`/cases/${target.id}/notes`, { text: 'Dossier complet, à valider.' });

    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText('Un autre agent a modifié cette demande pendant que vous la consultiez.').waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'Un autre agent' });
    expect(await notice.innerText()).toContain('Claire Dubois');
    expect(await notice.innerText()).toContain('Note interne');
    expect(await page.getByLabel('Note interne').inputValue()).toBe(mine);
    expect(await seriousViolations(page)).toEqual([]);

    // Having read what changed, the agent sends it again: recorded once, after Claire's.
    await page.getByRole('button', { name: 'Enregistrer la note' }).click();
    await page.getByText('Note interne enregistrée.').waitFor();
    const { events } = await agentApi.get<{ events: { type: string; data: { text?: string } }[] }>(
      `/cases/${target.id}/timeline`,
    );
    const notes = events.filter((e) => e.type === 'InternalNoteWritten').map((e) => e.data.text);
    expect(notes.slice(-2)).toEqual(['Dossier complet, à valider.', mine]);
    await page.context().close();
  });

  it('without JavaScript: takes a request, records a letter with its scan, and a double-clicked note counts once', async () => {
    const queue = await agentApi.get<{ items: { id: string }[] }>('/queues?status=submitted&unassigned=true&limit=1');
    const target = queue.items[0]!;
    const page = await (await newContext(browser, { javaScript: false })).newPage();
    await logIn(page, server.url, AGENT);
    await page.goto(`${server.url}/backoffice/demandes/${target.id}`);
    await page.getByRole('button', { name: /Prendre la demande/ }).click();
    await page.getByText('La demande vous est attribuée.').waitFor();

    await page.getByText('Enregistrer un courrier').click();
    await page.getByLabel('Résumé du courrier').fill('Courrier du demandeur avec la facture annotée.');
    await page.getByLabel(/Scan du courrier/).setInputFiles({
      name: 'courrier-scanne.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Enregistrer le courrier' }).click();
    await page.getByText('Courrier enregistré.').waitFor();
    const scan = page
      .locator('.timeline li', { hasText: 'Courrier reçu' })
      .getByRole('link', { name: 'courrier-scanne.pdf' });
    const file = await page.request.get(new URL((await scan.getAttribute('href'))!, page.url()).toString());
    expect(file.headers()['content-type'], `${file.status()} ${await file.text()}`).toContain('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByText('Écrire une note interne').click();
    const note = 'Courrier rangé dans le classeur des réclamations.';
    await page.getByLabel('Note interne').fill(note);
    await page.getByRole('button', { name: 'Enregistrer la note' }).dblclick();
    await page.getByText('Note interne enregistrée.').waitFor();
    const { events } = await agentApi.get<{ events: { type: string; data: { text?: string } }[] }>(
      `/cases/${target.id}/timeline`,
    );
    expect(events.filter((e) => e.type === 'InternalNoteWritten' && e.data.text === note)).toHaveLength(1);
    await page.context().close();
  });

  it('finds a request by a word of its form data, French stemming included', async () => {
    const procedure = await agentApi.get<{ id: string }>('/procedures/signalement-voirie');
    const created = await agentApi.post<{ id: string; reference: string }>('/cases', {
      procedureId: procedure.id,
      channel: 'phone',
      contact: { firstName: 'Paul', lastName: 'Martin', phone: '06 11 22 33 44' },
      data: {
        type: 'eclairage',
        localisation: '4 allée des Peupliers',
        description: 'Deux lampadaires clignotent toute la nuit devant l’école.',
      },
    });
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, AGENT);
    await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('/');
    await page.keyboard.type('lampadaire');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Rechercher une demande' }).waitFor();
    await page.getByRole('link', { name: created.reference }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'backoffice-recherche');
    await page.context().close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { startPortal } from './support/server.ts';
import {
  files,
  fitsOnPhone,
  launchBrowser,
  markNoReload,
  readAll,
  newContext,
  screenshot,
  seriousViolations,
  stillSamePage,
} from './support/browser.ts';
import { apiClient, signUpResident } from './support/api.ts';

/** The resident's main journeys with JavaScript on: the portal as most people use it. */
describe('portail citoyen, JavaScript activé', () => {
  let server: TestServer;
  let browser: Browser;
  let agent: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortal(), launchBrowser()]);
    agent = apiClient(server.url, await server.login('agent@demo.guichet.test'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function residentPage(token: string): Promise<Page> {
    const context = await newContext(browser);
    await context.addCookies([{ name: 'guichet_citoyen', value: token, url: server.url }]);
    return context.newPage();
  }

  /** A resident with a fresh request on « Question sur une facture », made through the API. */
  async function residentWithRequest() {
    const { token } = await signUpResident(server.url);
    const resident = apiClient(server.url, token);
    const { items } = await resident.get<{ items: { id: string; slug: string }[] }>('/procedures');
    const procedure = items.find((p) => p.slug === 'question-facture')!;
    const created = await resident.post<{ id: string; reference: string }>('/cases', {
      procedureId: procedure.id,
      data: {
        numeroFacture: 'FAC-2026-000123',
        montant: '42,50',
        objet: 'tarif',
        question: 'Le tarif appliqué ne correspond pas à mon quotient.',
        courriel: 'camille@exemple.fr',
      },
    });
    return { token, ...created };
  }

  it('inscription, démarche avec pièce jointe, brouillon repris, envoi, puis « Mes demandes »', async () => {
    const page = await (await newContext(browser)).newPage();
    const email = `lea.martin.${Date.now()}@exemple.fr`;

    await page.goto(`${server.url}/inscription?redirectTo=/demandes`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
    await page.getByLabel('Prénom').fill('Léa');
    await page.locator('#champ-lastName').fill('Martin');
    await page.getByLabel('Téléphone (facultatif)').fill('06 11 22 33 44');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.waitForURL(`${server.url}/demandes`);
    await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();

    // The catalogue, searched with its GET form.
    await page.goto(`${server.url}/demarches`);
    await page.getByLabel('Rechercher une démarche').fill('facture');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/demarches\?q=facture/);
    await page.getByRole('link', { name: 'Question sur une facture' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/demarches`);
    await screenshot(page, 'portail-catalogue');
    expect(await fitsOnPhone(page)).toBe(true);

    await page.goto(`${server.url}/demarches/question-facture`);
    await page.getByRole('heading', { name: 'Ce qu’il vous faut' }).waitFor();
    expect(await page.getByText('La mairie s’engage à vous répondre sous 15 jours.').count()).toBe(1);
    await page.getByRole('link', { name: 'Commencer la démarche' }).click();

    // Prefilled from the profile; a refused attachment keeps everything typed.
    expect(await page.locator('#champ-courriel').inputValue()).toBe(email);
    await page.locator('#champ-numeroFacture').fill('FAC-2026-004512');
    await page.locator('#champ-montant').fill('58.20');
    await page.locator('#champ-objet').selectOption('repas-factures');
    await page.locator('#champ-question').fill('Trois repas facturés en mars alors que ma fille était absente.');
    await page.locator('#champ-facture').setInputFiles(files.text());
    await page.getByRole('button', { name: 'Vérifier ma demande' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: /Ce type de fichier n'est pas accepté/ }).waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#champ-facture');
    expect(await page.locator('#champ-numeroFacture').inputValue()).toBe('FAC-2026-004512');
    expect(await page.locator('#champ-question').inputValue()).toContain('Trois repas');

    // Save a draft with a real attachment, leave, come back: it is all there.
    await page.locator('#champ-facture').setInputFiles(files.pdf('facture-mars.pdf'));
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText(/Brouillon enregistré le/).waitFor();
    await page.goto(`${server.url}/demarches/question-facture`);
    await page.getByRole('link', { name: 'Reprendre mon brouillon' }).click();
    await page.getByText('facture-mars.pdf').waitFor();
    expect(await page.locator('#champ-numeroFacture').inputValue()).toBe('FAC-2026-004512');
    expect(await page.locator('#champ-objet').inputValue()).toBe('repas-factures');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portail-formulaire');
    expect(await fitsOnPhone(page)).toBe(true);

    await page.getByRole('button', { name: 'Vérifier ma demande' }).click();
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    expect(await page.locator('dl.resume').innerText()).toContain('facture-mars.pdf');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const receipt = page.getByText(/Votre demande a bien été envoyée\. Référence : S-\d{4}-\d+/);
    await receipt.waitFor();
    const reference = (await page.locator('[data-reference]').innerText()).trim();

    await page.goto(`${server.url}/demandes`);
    const item = page.locator('li.demande', { hasText: reference });
    await item.waitFor();
    expect(await item.textContent()).toContain('Reçue');
    expect(await item.textContent()).toMatch(/Réponse attendue au plus tard le/);
    expect(await page.getByRole('heading', { name: 'Brouillons' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('une demande d’information de l’agent apparaît en direct, l’usager y répond avec un fichier', async () => {
    const { token, id } = await residentWithRequest();
    const page = await residentPage(token);
    await page.goto(`${server.url}/demandes/${id}`);
    await page.getByText('Cette page se met à jour en direct.').waitFor();
    await markNoReload(page);

    const question = 'Pouvez-vous joindre votre attestation de quotient familial de la CAF ?';
    await agent.post(`/cases/${id}/request-information`, { message: question });
    await page.getByRole('heading', { name: 'La mairie vous demande un complément' }).waitFor({ timeout: 2000 });
    await page.locator('.chronologie').getByText(question).waitFor({ timeout: 2000 });
    expect(await stillSamePage(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'portail-demande');
    expect(await fitsOnPhone(page)).toBe(true);

    await page.locator('#complement-message').fill('Voici mon attestation, merci.');
    await page.locator('#complement-fichiers').setInputFiles(files.pdf('attestation-caf.pdf'));
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await page.getByText('Votre réponse a été envoyée.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.chronologie').getByRole('link', { name: 'attestation-caf.pdf' }).click(),
    ]);
    expect((await readAll(await download.createReadStream())).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getByRole('heading', { name: 'La mairie vous demande un complément' }).count()).toBe(0);
    const view = await agent.get<{ status: string; documents: unknown[] }>(`/cases/${id}`);
    expect(view.status).toBe('in_progress');

    // Messages both ways; the agent's internal note never reaches the resident.
    await page.locator('#message-message').fill('Je reste joignable par téléphone.');
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    await page.getByText('Votre message a été envoyé au service.').waitFor();
    await agent.post(`/cases/${id}/notes`, { text: 'Note interne : usager déjà connu du service' });
    await agent.post(`/cases/${id}/messages`, { message: 'Bien reçu, nous revenons vers vous.' });
    await page.locator('.chronologie').getByText('Bien reçu, nous revenons vers vous.').waitFor({ timeout: 2000 });
    await page.reload();
    await page.locator('.chronologie').getByText('Je reste joignable par téléphone.').waitFor();
    expect(await page.content()).not.toContain('usager déjà connu du service');
  });

  it('après la clôture, l’usager note le service ; historique et export de ses données', async () => {
    const { token, id, reference } = await residentWithRequest();
    const page = await residentPage(token);
    await page.goto(`${server.url}/demandes/${id}`);
    await page.getByText('Cette page se met à jour en direct.').waitFor();
    await agent.post(`/cases/${id}/phone-calls`, {
      direction: 'outbound',
      durationSeconds: 180,
      summary: 'Appel pour confirmer le quotient familial',
    });
    await agent.post(`/cases/${id}/decision`, {
      outcome: 'accepted',
      reason: 'Le tarif a été corrigé sur la prochaine facture.',
    });
    await agent.post(`/cases/${id}/close`, { reason: 'Demande traitée' });
    await page.getByRole('heading', { name: 'Votre avis sur le service' }).waitFor({ timeout: 3000 });

    await page.getByLabel('4 — Satisfait').check();
    await page.getByLabel('Commentaire (facultatif)').fill('Réponse rapide et claire.');
    await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
    await page.getByText('Vous avez donné la note de').waitFor();
    expect(await page.getByText('4 sur 5').count()).toBe(1);

    // Another resident learns nothing of this request, not even that it exists.
    const stranger = await residentPage((await signUpResident(server.url, 'Sacha')).token);
    const response = await stranger.goto(`${server.url}/demandes/${id}`);
    expect(response?.status()).toBe(404);
    expect(await stranger.locator('main').innerText()).not.toContain(reference);
    expect((await stranger.request.get(`${server.url}/demandes/${id}/live`)).status()).toBe(404);

    await page.goto(`${server.url}/historique`);
    await page.getByText('Appel pour confirmer le quotient familial').waitFor();
    expect(await page.locator('main').innerText()).toContain('Téléphone');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/donnees`);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Télécharger mes données/ }).click(),
    ]);
    const exported = JSON.parse((await readAll(await download.createReadStream())).toString('utf8')) as {
      requests: { reference: string }[];
    };
    expect(exported.requests.map((r) => r.reference)).toContain(reference);
  });
  it('« Mon compte » pré-remplit les formulaires ; les champs conditionnels suivent les réponses', async () => {
    const { token } = await signUpResident(server.url, 'Inès');
    const page = await residentPage(token);
    await page.goto(`${server.url}/compte`);
    await page.getByLabel('Téléphone (facultatif)').fill('07 98 76 54 32');
    await page.getByLabel('Commune').fill('S.');
    await page.getByRole('button', { name: 'Enregistrer mes coordonnées' }).click();
    await page.getByText('Vos coordonnées ont été enregistrées.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/demarches/acte-de-naissance/formulaire`);
    expect(await page.locator('#champ-nom').inputValue()).toBe('Durand');
    expect(await page.locator('#champ-adresse-city').inputValue()).toBe('S.');
    const precision = page.locator('#champ-qualitePrecision');
    expect(await precision.isVisible()).toBe(false);
    await page.getByLabel('Autre (notaire, héritier, représentant légal…)').check();
    await precision.waitFor({ state: 'visible' });
    await page.getByLabel('Retrait à la mairie').check();
    await page.locator('#champ-adresse-street').waitFor({ state: 'hidden' });
    await page.getByLabel('Envoi par courrier').check();
    expect(await page.locator('#champ-adresse-street').inputValue()).toBe('3 rue des Lilas');

    await page.goto(`${server.url}/demarches/inscription-listes-electorales/formulaire`);
    expect(await page.locator('#champ-telephone').inputValue()).toBe('07 98 76 54 32');
  });
});

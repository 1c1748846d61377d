import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { startPortal } from './support/server.ts';
import { files, launchBrowser, newContext } from './support/browser.ts';
import { apiClient } from './support/api.ts';

/** Every main journey must work with JavaScript disabled: plain forms, plain links, server answers. */
describe('portail citoyen, JavaScript désactivé', () => {
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

  const pageWithoutJs = async (): Promise<Page> =>
    (await newContext(browser, { javaScript: false, width: 390 })).newPage();
  const click = (page: Page, name: string | RegExp) => page.getByRole('button', { name }).click();

  it('signalement sans compte avec photo, code de suivi, réponse à une demande de complément', async () => {
    const page = await pageWithoutJs();
    await page.goto(`${server.url}/demarches/signalement-voirie`);
    await page.getByText('Possible sans compte').waitFor();
    await page.getByRole('link', { name: 'Commencer la démarche' }).click();

    await page.locator('#champ-type').selectOption('nid-de-poule');
    await page.locator('#champ-localisation').fill('12 avenue de la Gare, devant la boulangerie');
    await page.locator('#champ-description').fill('Un trou profond d’environ 20 cm sur la chaussée.');
    await page.locator('#champ-photo').setInputFiles(files.png('nid-de-poule.png'));
    await click(page, 'Vérifier ma demande');
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    expect(await page.locator('dl.resume').innerText()).toContain('nid-de-poule.png');
    await click(page, 'Envoyer ma demande');
    await page.getByText(/Votre demande a bien été envoyée\. Référence : S-\d{4}-\d+/).waitFor();
    const code = (await page.locator('[data-tracking-code]').innerText()).trim();
    expect(code).toMatch(/^[A-Za-z0-9-]{12,20}$/);

    await click(page, 'Suivre cette demande');
    await page.getByRole('heading', { level: 1, name: /Suivi de la demande S-/ }).waitFor();
    const { case: tracked } = await apiClient(server.url).get<{ case: { id: string } }>(`/tracking/${code}`);
    await agent.post(`/cases/${tracked.id}/request-information`, {
      message: 'Le trou est-il côté pair ou impair de l’avenue ?',
    });

    await page.reload();
    await page.getByRole('heading', { name: 'La mairie vous demande un complément' }).waitFor();
    await page.locator('#complement-message').fill('Côté pair, au niveau du numéro 12.');
    await page.locator('#complement-fichiers').setInputFiles(files.png('vue-large.png'));
    await click(page, 'Envoyer ma réponse');
    await page.getByText('Votre réponse a été envoyée.').waitFor();
    await page.locator('.chronologie').getByText('Côté pair, au niveau du numéro 12.').waitFor();
    expect(await page.locator('.chronologie').innerText()).toContain('vue-large.png');

    // A wrong code is said next to the field; the right one opens the request again.
    await click(page, 'Suivre une autre demande');
    await page.getByLabel('Code de suivi').fill('ZZZZ-ZZZZ-ZZZZ');
    await click(page, 'Suivre ma demande');
    await page.locator('#champ-code-erreur').waitFor();
    expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#champ-code');
    await page.getByLabel('Code de suivi').fill(code);
    await click(page, 'Suivre ma demande');
    await page.getByText('Côté pair, au niveau du numéro 12.').waitFor();
  });

  it('compte, formulaire refusé puis corrigé, brouillon, envoi, message, avis après clôture', async () => {
    const page = await pageWithoutJs();
    await page.goto(`${server.url}/inscription`);
    await page.locator('#champ-email').fill(`noah.petit.${Date.now()}@exemple.fr`);
    await page.locator('#champ-password').fill('mot-de-passe-solide');
    await page.locator('#champ-firstName').fill('Noah');
    await page.locator('#champ-lastName').fill('Petit');
    await page.locator('#champ-street').fill('8 place de la Mairie');
    await page.locator('#champ-postalCode').fill('75004');
    await page.locator('#champ-city').fill('Paris');
    await click(page, 'Créer mon compte');
    await page.getByRole('heading', { level: 1, name: 'Mes demandes' }).waitFor();

    await page.goto(`${server.url}/demarches/acte-de-naissance/formulaire`);
    expect(await page.locator('#champ-nom').inputValue()).toBe('Petit');
    // Without JavaScript every conditional field is shown, with when to fill it.
    await page
      .getByText(
        'À remplir seulement si vous avez répondu « Autre (notaire, héritier, représentant légal…) » à « Vous êtes ».',
      )
      .waitFor();
    await page.locator('#champ-typeActe').selectOption('extrait-sans-filiation');
    await page.locator('#champ-nombreExemplaires').fill('2');
    await page.locator('#champ-dateNaissance').fill('1990-04-12');
    await page.locator('#champ-lieuNaissance').fill('Lyon (Rhône)');
    await page.getByLabel('Autre (notaire, héritier, représentant légal…)').check();
    await page.getByLabel('Retrait à la mairie').check();
    await click(page, 'Vérifier ma demande');

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#champ-qualitePrecision');
    expect(await page.locator('#champ-qualitePrecision-erreur').innerText()).toContain('Ce champ est obligatoire.');
    expect(await page.locator('#champ-lieuNaissance').inputValue()).toBe('Lyon (Rhône)');
    expect(await page.locator('#champ-nombreExemplaires').inputValue()).toBe('2');

    await click(page, 'Enregistrer le brouillon');
    await page.getByText(/Brouillon enregistré le/).waitFor();
    await page.goto(`${server.url}/demandes`);
    await page.getByRole('link', { name: /Demande de copie intégrale ou d'extrait d'acte de naissance/ }).click();
    expect(await page.locator('#champ-lieuNaissance').inputValue()).toBe('Lyon (Rhône)');

    await page.locator('#champ-qualitePrecision').fill('Notaire chargé de la succession');
    await click(page, 'Vérifier ma demande');
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    const review = await page.locator('dl.resume').innerText();
    expect(review).toContain('Retrait à la mairie');
    expect(review).not.toContain("Adresse d'envoi");
    await click(page, 'Envoyer ma demande');
    await page.getByText(/Votre demande a bien été envoyée\. Référence : S-\d{4}-\d+/).waitFor();
    await page.getByRole('link', { name: 'Voir ma demande' }).click();
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;

    await page.locator('#message-message').fill('Faut-il un justificatif de ma qualité de notaire ?');
    await click(page, 'Envoyer le message');
    await page.getByText('Votre message a été envoyé au service.').waitFor();
    await page.locator('.chronologie').getByText('Faut-il un justificatif de ma qualité de notaire ?').waitFor();

    await agent.post(`/cases/${caseId}/decision`, { outcome: 'accepted', reason: 'Extrait envoyé.' });
    await agent.post(`/cases/${caseId}/close`, { reason: 'Acte délivré' });
    await page.reload();
    await page.getByLabel('5 — Très satisfait').check();
    await click(page, 'Envoyer mon avis');
    await page.getByText('Vous avez donné la note de').waitFor();

    await page.goto(`${server.url}/demandes`);
    await page.getByRole('heading', { name: 'Terminées (1)' }).waitFor();
    await click(page, 'Se déconnecter');
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { apiAs, startBackoffice } from './support/server.ts';

const ADMIN = 'admin@demo.guichet.test';
const AGENT = 'agent@demo.guichet.test';
const CITIZEN = 'citoyen@demo.guichet.test';
const SERVICE = 'Commerce et terrasses';

/** Every page of the designer and of the administration has no serious accessibility violation. */
async function accessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

async function addField(page: Page, type: string, position: number) {
  await page.getByLabel('Type du champ à ajouter').selectOption(type);
  await page.getByRole('button', { name: 'Ajouter ce champ à la fin' }).click();
  await page.getByText(`Champ ajouté en position ${position}.`).waitFor();
}

/** What a resident is shown of a procedure form, field by field, once the page is interactive. */
function formShape(form: Locator) {
  return form.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('[data-champ]')].map((block) => ({
      name: block.dataset.champ,
      shown: !block.hidden,
      label: block.querySelector('legend, label')?.textContent?.replace(/\s+/g, ' ').trim(),
      requiredMark: block.querySelector('.obligatoire') !== null,
      help: block.querySelector('.indice')?.textContent?.trim() ?? null,
      controls: [...block.querySelectorAll<HTMLInputElement>('input, select, textarea')].map((c) =>
        [c.tagName.toLowerCase(), c.type, c.name, c.id, c.required ? 'requis' : '', c.disabled ? 'inactif' : ''].join(
          ' ',
        ),
      ),
    })),
  );
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
  await page.getByText('Brouillon enregistré.').waitFor();
}

describe('Back office: a town sets up its own procedure, workflow and roles', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the designer and the administration to their roles, in French', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, AGENT);
    await page.waitForURL(/\/backoffice\/?$/);
    for (const path of ['conception', 'conception/nouvelle', 'administration', 'administration/journal']) {
      const res = await page.goto(`${server.url}/backoffice/${path}`);
      expect(res?.status()).toBe(403);
      await page.getByRole('heading', { name: 'Accès réservé' }).waitFor();
    }
    await accessible(page);
    await page.context().close();
  });

  it('builds a procedure without JavaScript, publishes it, and follows a request through the new workflow and its versions', async () => {
    const designer = await (await newContext(browser, { javaScript: false })).newPage();
    await logIn(designer, server.url, ADMIN);
    await designer.waitForURL(/\/backoffice\/?$/);

    // A new service for the town.
    await designer.goto(`${server.url}/backoffice/administration/services`);
    await designer.getByLabel('Nom du service').fill(SERVICE);
    await designer.getByRole('button', { name: 'Créer le service' }).click();
    await designer.getByText(`Service « ${SERVICE} » créé.`).waitFor();

    // The procedure's card.
    await designer.goto(`${server.url}/backoffice/conception/nouvelle`);
    await designer.getByLabel('Titre de la démarche').fill('Autorisation de terrasse');
    await designer
      .getByLabel(/^Description/)
      .fill('Pour installer une terrasse sur le trottoir devant votre commerce.');
    await designer.getByLabel('Thème du catalogue').selectOption('urbanisme');
    await designer.getByLabel('Service qui traite les demandes').selectOption({ label: SERVICE });
    await designer.getByLabel(/^Délai de réponse/).fill('30');
    await designer.getByLabel(/^Documents à fournir/).fill('Plan de la terrasse\nAttestation d’assurance');
    await designer.getByRole('button', { name: 'Créer le brouillon' }).click();
    await designer.waitForURL(/\/formulaire\?cree=1$/);
    const root = designer.url().replace(/\/formulaire.*$/, '');

    // The form: a choice, a conditional number, a long text moved up, an empty field refused then removed.
    await addField(designer, 'radio', 1);
    await designer.locator('#f-0-label').fill('Type de terrasse');
    await designer.locator('#f-0-options').fill('Ouverte\nFermée (véranda)');
    await designer.locator('#f-0-required').check();
    await addField(designer, 'number', 2);
    await designer.locator('#f-1-label').fill('Surface de la véranda (m²)');
    await designer.locator('#f-1 summary', { hasText: 'Règles de saisie' }).click();
    await designer.locator('#f-1-min').fill('1');
    await designer.locator('#f-1-showIfField').selectOption({ label: 'Si « Type de terrasse » vaut…' });
    await save(designer);
    await designer.locator('#f-1-showIfEquals').selectOption({ label: 'Fermée (véranda)' });
    await addField(designer, 'textarea', 3);
    await designer.locator('#f-2-label').fill('Description du projet');
    await designer.locator('#f-2-required').check();
    await addField(designer, 'text', 4);
    expect(await designer.locator('#f-3-label-err').textContent()).toBe('Donnez un libellé à ce champ.');
    await designer.getByRole('button', { name: 'Supprimer le champ 4 sans libellé' }).click();
    await designer.getByText('Champ sans libellé supprimé.').waitFor();
    await designer.getByRole('button', { name: 'Monter le champ 3 « Description du projet »' }).click();
    await designer.getByText('Champ « Description du projet » déplacé en position 2.').waitFor();
    expect(await designer.locator('fieldset.editor > legend').allTextContents()).toEqual([
      'Champ 1 : « Type de terrasse » Choix unique (boutons radio)',
      'Champ 2 : « Description du projet » Texte long',
      'Champ 3 : « Surface de la véranda (m²) » Nombre',
    ]);
    // Without JavaScript the preview says when the conditional field applies, as the portal does.
    await designer
      .locator('aside')
      .getByText('À remplir seulement si vous avez répondu « Fermée (véranda) » à « Type de terrasse ».')
      .waitFor();

    // The workflow: a third state, unreachable at first, which blocks publication…
    await designer.goto(`${root}/circuit`);
    await designer.getByRole('button', { name: 'Ajouter un état' }).click();
    await designer.getByText('État ajouté en position 3.').waitFor();
    await designer.locator('#s-2-label').fill('En instruction');
    await designer.locator('#s-2-visible').check();
    await designer.locator('#s-2-publicLabel').fill('En cours d’examen');
    await save(designer);
    expect(await designer.locator('#s-2-err').textContent()).toContain(
      "L'état « En instruction » n'est pas atteignable depuis l'état initial.",
    );
    await designer.goto(`${root}/versions`);
    expect(await designer.getByRole('button', { name: 'Publier la version 1' }).isDisabled()).toBe(true);
    await designer
      .getByRole('link', { name: /^État 3 « En instruction » : L'état « En instruction » n'est pas atteignable/ })
      .click();
    await designer.waitForURL(/\/circuit#s-2$/);

    // …until the transitions go through it.
    await designer.locator('#t-0-label').fill('Commencer l’instruction');
    await designer.locator('#t-0-id').fill('instruire');
    await designer.locator('#t-0-to').selectOption({ label: 'En instruction' });
    await designer.getByRole('button', { name: 'Ajouter une transition' }).click();
    await designer.getByText('Transition ajoutée en position 2.').waitFor();
    await designer.locator('#t-1-label').fill('Accorder l’autorisation');
    await designer.locator('#t-1-from').selectOption({ label: 'En instruction' });
    await designer.locator('#t-1-messageTemplate').fill('Votre autorisation de terrasse est accordée.');
    await save(designer);
    expect(await designer.locator('form .error-text').count()).toBe(0);
    const asText = await designer.locator('figure.diagram figcaption').innerText();
    expect(asText).toContain('De « Reçue » vers « En instruction » : Commencer l’instruction');
    expect(asText).toContain('De « En instruction » vers « Traitée » : Accorder l’autorisation');
    expect(await designer.locator('figure.diagram svg.lr g.node').count()).toBe(3);

    await designer.goto(`${root}/versions`);
    await designer.getByRole('button', { name: 'Publier la version 1' }).click();
    await designer.getByText('Version 1 publiée').first().waitFor();

    // With JavaScript: the live preview applies the condition; screenshots and accessibility of each page.
    const live = await (await newContext(browser)).newPage();
    await logIn(live, server.url, ADMIN);
    await live.waitForURL(/\/backoffice\/?$/);
    await live.goto(`${server.url}/backoffice/conception`);
    await accessible(live);
    await live.goto(`${root}/formulaire`);
    const preview = live.locator('aside');
    // Once the page is interactive, the condition applies instead of being explained.
    await preview.locator('legend', { hasText: 'Type de terrasse' }).waitFor();
    await preview.locator('.condition').waitFor({ state: 'detached' });
    expect(await preview.getByLabel('Surface de la véranda (m²)').isVisible()).toBe(false);
    await preview.getByLabel('Fermée (véranda)').check();
    await preview.getByLabel('Surface de la véranda (m²)').waitFor();
    await live.locator('#f-1-help').fill('Dimensions, mobilier, horaires.');
    await preview.getByText('Dimensions, mobilier, horaires.').waitFor();
    await accessible(live);
    // Sticky parts (the save bar, the preview) are drawn where they stand at the top of the page.
    await live.evaluate(() => window.scrollTo(0, 0));
    await screenshot(live, 'conception-formulaire');
    await screenshot(preview, 'conception-apercu');
    await live.goto(`${root}/circuit`);
    await accessible(live);
    await screenshot(live.locator('figure.diagram'), 'conception-circuit');
    for (const path of ['', '/apercu', '/versions']) {
      await live.goto(`${root}${path}`);
      await accessible(live);
    }
    await live.goto(`${server.url}/backoffice/conception/nouvelle`);
    await accessible(live);

    // A resident fills it in on the portal.
    const citizen = await (await newContext(browser)).newPage();
    await citizen.goto(`${server.url}/connexion`);
    await citizen.getByLabel('Adresse e-mail').fill(CITIZEN);
    await citizen.getByLabel('Mot de passe').fill('guichet-demo');
    await citizen.getByRole('button', { name: 'Se connecter' }).click();
    // Logged in once the portal holds the session (its own navigation after login is its business).
    await expect
      .poll(async () => (await citizen.context().cookies()).some((c) => c.name === 'guichet_citoyen'), {
        timeout: 10_000,
      })
      .toBe(true);
    await citizen.goto(`${server.url}/demarches/autorisation-de-terrasse/formulaire`);

    // The designer's preview of the published version is the portal's own rendering: same fields,
    // labels, controls, required markers, and the same condition applied the same way.
    await live.goto(`${root}/apercu?version=1`);
    const previewForm = live.locator('.apercu-citoyen .formulaire-demarche');
    const portalForm = citizen.locator('main .formulaire-demarche');
    for (const form of [previewForm, portalForm]) await form.locator('.condition').waitFor({ state: 'detached' });
    const before = await formShape(portalForm);
    expect(before.map((f) => [f.label, f.shown, f.requiredMark])).toEqual([
      ['Type de terrasse*', true, true],
      ['Description du projet*', true, true],
      ['Surface de la véranda (m²)', false, false],
    ]);
    expect(before.map((f) => f.controls.map((c) => c.split(' ').slice(0, 2).join(' ')))).toEqual([
      ['input radio', 'input radio'],
      ['textarea textarea'],
      ['input number'],
    ]);
    expect(await formShape(previewForm)).toEqual(before);
    for (const page of [live, citizen]) await page.getByLabel('Fermée (véranda)').check();
    for (const form of [previewForm, portalForm]) await form.getByLabel('Surface de la véranda (m²)').waitFor();
    const after = await formShape(portalForm);
    expect(after[2]!.shown).toBe(true);
    expect(await formShape(previewForm)).toEqual(after);

    await citizen.getByLabel('Fermée (véranda)').check();
    await citizen.getByLabel(/Surface de la véranda/).fill('12');
    await citizen.getByLabel(/Description du projet/).fill('Véranda de 12 m² devant le café, fermée l’hiver.');
    await citizen.getByRole('button', { name: 'Vérifier ma demande' }).click();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const reference = (await citizen.locator('[data-reference]').textContent())!.trim();
    const citizenApi = apiAs(server.url, await server.login(CITIZEN));
    const mine = await citizenApi.get<{ items: { id: string; reference: string }[] }>('/me/cases');
    const caseId = mine.items.find((c) => c.reference === reference)!.id;

    // The agent has no role in the new service: the request is not in their queue…
    const agentApi = apiAs(server.url, await server.login(AGENT));
    const queued = async () =>
      (await agentApi.get<{ items: { id: string }[] }>('/queues')).items.some((c) => c.id === caseId);
    expect(await queued()).toBe(false);

    // …until an administrator grants it.
    await designer.goto(`${server.url}/backoffice/administration`);
    await designer.locator('tr', { hasText: AGENT }).getByRole('link').click();
    await designer.getByLabel(`Agent — ${SERVICE}`).check();
    await designer.getByRole('button', { name: 'Enregistrer les rôles' }).click();
    await designer.getByText('Rôles enregistrés : 1 rôle(s) donné(s).', { exact: false }).waitFor();
    await expect.poll(queued, { timeout: 5000 }).toBe(true);

    const agent = await (await newContext(browser)).newPage();
    await logIn(agent, server.url, AGENT);
    await agent.getByRole('link', { name: reference }).waitFor();

    // The agent moves it through the new workflow from the request page.
    await agent.goto(`${server.url}/backoffice/demandes/${caseId}`);
    for (const step of ['Commencer l’instruction', 'Accorder l’autorisation']) {
      await agent.getByText('Faire avancer dans le circuit').click();
      await agent.getByLabel(step).check();
      await agent.getByRole('button', { name: 'Valider l’étape' }).click();
      await agent.getByText('Étape franchie.').waitFor();
    }
    const handled = await agentApi.get<{ workflowState: string; procedureVersion: number }>(`/cases/${caseId}`);
    expect(handled.workflowState).toBe('traitee');

    // Version 2 adds a field; the request already made keeps version 1.
    await designer.goto(`${root}/formulaire`);
    await addField(designer, 'text', 4);
    await designer.locator('#f-3-label').fill('Horaires d’ouverture');
    await save(designer);
    await designer.goto(`${root}/versions`);
    await designer.getByText('Champ ajouté(e) : Horaires d’ouverture').waitFor();
    await designer.getByRole('button', { name: 'Publier la version 2' }).click();
    await designer.getByText('Version 2 publiée').first().waitFor();
    await designer.getByRole('link', { name: 'Changements depuis la version 1' }).click();
    await designer.getByRole('heading', { name: 'Ce qui a changé entre la version 1 et la version 2' }).waitFor();
    expect(await designer.locator('.changes li').allInnerTexts()).toEqual([
      expect.stringContaining('Champ ajouté(e) : Horaires d’ouverture'),
    ]);
    expect((await agentApi.get<{ procedureVersion: number }>(`/cases/${caseId}`)).procedureVersion).toBe(1);

    // Another town imports what this one exports.
    await designer.goto(`${root}/versions`);
    const [download] = await Promise.all([
      designer.waitForEvent('download'),
      designer.getByRole('link', { name: 'Télécharger la démarche (JSON)' }).click(),
    ]);
    const exported = readFileSync((await download.path())!);
    expect(JSON.parse(exported.toString()).definition.fields).toHaveLength(4);
    await designer.goto(`${server.url}/backoffice/conception`);
    await designer
      .locator('#fichier')
      .setInputFiles({ name: 'terrasse.guichet.json', mimeType: 'application/json', buffer: exported });
    await designer.getByRole('button', { name: 'Importer en brouillon' }).click();
    await designer.getByText('Démarche importée en brouillon.').waitFor();
    await designer.getByText('/demarches/autorisation-de-terrasse-importee').waitFor();
    // This town does not want it after all: retired, it leaves the catalogue and accepts no more change.
    await designer.getByRole('link', { name: 'Publication et versions' }).click();
    await designer.getByLabel('Motif du retrait').fill('Doublon de la démarche existante.');
    await designer.getByRole('button', { name: 'Retirer définitivement' }).click();
    await designer.getByText('La démarche est retirée du catalogue.').waitFor();
    expect(await designer.getByRole('button', { name: /^Publier/ }).isDisabled()).toBe(true);

    // The administration pages, and the journal of what was done.
    await live.goto(`${server.url}/backoffice/administration/journal`);
    await live.getByRole('cell', { name: 'Version 2 publiée : Autorisation de terrasse' }).waitFor();
    await live.getByRole('cell', { name: `Rôle agent donné dans le service commerce-et-terrasses` }).waitFor();
    await accessible(live);
    for (const path of ['administration/services', 'administration']) {
      await live.goto(`${server.url}/backoffice/${path}`);
      await accessible(live);
    }
    await live.locator('tr', { hasText: AGENT }).getByRole('link').click();
    await live.getByRole('heading', { name: 'Rôles par service' }).waitFor();
    await accessible(live);
    for (const page of [designer, live, citizen, agent]) await page.context().close();
  });

  it('invites an agent with a password shown once, then suspends, restores and resets their access', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, ADMIN);
    await page.waitForURL(/\/backoffice\/?$/);
    await page.goto(`${server.url}/backoffice/administration`);
    const email = 'karim.haddad@demo.guichet.test';
    await page.getByLabel('Prénom et nom').fill('Karim Haddad');
    await page.getByLabel('Adresse électronique professionnelle').fill(email);
    await page.getByLabel('Agent — Voirie et cadre de vie').check();
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Il ne sera plus jamais affiché.').waitFor();
    const first = (await page.locator('[data-temporary-password]').textContent())!.trim();
    await server.login(email, first);
    expect(await page.locator('tr', { hasText: email }).innerText()).toContain('Agent : Voirie et cadre de vie');
    await accessible(page);
    await page.goto(`${server.url}/backoffice/administration`);
    expect(await page.locator('[data-temporary-password]').count()).toBe(0);

    await page.getByRole('link', { name: 'Karim Haddad' }).click();
    await page.getByLabel('Motif').fill('Mutation au CCAS.');
    await page.getByRole('button', { name: 'Désactiver le compte' }).click();
    await page.getByText('Compte désactivé : ses sessions sont fermées').waitFor();
    await expect(server.login(email, first)).rejects.toThrow(/login/);
    await page.getByRole('button', { name: 'Réactiver le compte' }).click();
    await page.getByText('Compte réactivé').waitFor();
    await server.login(email, first);
    await page.getByRole('button', { name: 'Réinitialiser l’accès' }).click();
    const second = (await page.locator('[data-temporary-password]').textContent())!.trim();
    expect(second).not.toBe(first);
    await expect(server.login(email, first)).rejects.toThrow(/login/);
    await server.login(email, second);
    await accessible(page);
    await page.context().close();
  });

  it('says plainly when someone else saved the draft meanwhile, and keeps what was typed', async () => {
    const context = await newContext(browser, { javaScript: false });
    const first = await context.newPage();
    await logIn(first, server.url, ADMIN);
    await first.waitForURL(/\/backoffice\/?$/);
    const list = await apiAs(server.url, await server.login(ADMIN)).get<{ items: { id: string; slug: string }[] }>(
      '/admin/procedures',
    );
    const id = list.items.find((p) => p.slug === 'signalement-voirie')?.id ?? list.items[0]!.id;
    const second = await context.newPage();
    await first.goto(`${server.url}/backoffice/conception/${id}`);
    await second.goto(`${server.url}/backoffice/conception/${id}`);
    await second.getByLabel(/^Délai de réponse/).fill('12');
    await save(second);
    await first.getByLabel(/^Délai de réponse/).fill('20');
    await first.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
    await first.getByText('Quelqu’un d’autre a enregistré cette démarche pendant que vous la modifiiez.').waitFor();
    // The box says who changed what meanwhile, in French.
    const changes = await first.locator('.conflict-changes').innerText();
    expect(changes).toMatch(/Sophie Bernard : Brouillon modifié/);
    expect(changes).toContain('Délai modifié(e)');
    expect(await first.getByLabel(/^Délai de réponse/).inputValue()).toBe('20');
    await first.getByRole('button', { name: 'Enregistrer mes modifications quand même' }).click();
    await first.getByText('Brouillon enregistré.').waitFor();
    await first.goto(`${server.url}/backoffice/conception/${id}`);
    expect(await first.getByLabel(/^Délai de réponse/).inputValue()).toBe('20');
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, screenshot, seriousViolations } from './support/browser.ts';
import { startBackoffice } from './support/server.ts';

const ADMIN = 'admin@demo.guichet.test';
const DELEGATE = 'presidence@amis-du-parc.test';
const PROCEDURE = 'Signalement sur la voirie';

async function accessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('Back office: a category delegated to a neighbourhood council, under moderation', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin delegates, the delegate proposes, the admin rejects then approves, the portal shows the new version', async () => {
    const admin = await (await newContext(browser)).newPage();
    await logIn(admin, server.url, ADMIN);

    // The administrator delegates « Voirie et cadre de vie » to the president of an association.
    await admin.goto(`${server.url}/backoffice/administration/delegations`);
    await admin.getByLabel('Prénom et nom').fill('Odile Martin');
    await admin.getByLabel('Adresse électronique').fill(DELEGATE);
    await admin.getByLabel('Organisation (association, mandat)').fill('Conseil de quartier du Parc');
    await admin.getByLabel('Catégorie de démarches').selectOption({ label: 'Voirie et cadre de vie' });
    await admin.getByRole('button', { name: 'Déléguer' }).click();
    await admin
      .getByText('Catégorie « Voirie et cadre de vie » déléguée à Odile Martin (Conseil de quartier du Parc).')
      .waitFor();
    const password = (await admin.locator('[data-temporary-password]').textContent())!.trim();
    await admin
      .getByRole('row', { name: /Odile Martin/ })
      .getByRole('cell', { name: 'Conseil de quartier du Parc' })
      .waitFor();
    await accessible(admin);
    await screenshot(admin, 'backoffice-delegations');

    // The delegate, without JavaScript: only the design of the category.
    const delegate = await (await newContext(browser, { javaScript: false })).newPage();
    await logIn(delegate, server.url, DELEGATE, password);
    await delegate.waitForURL(/\/backoffice\/conception$/);
    const nav = delegate.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Conception']);
    expect(await delegate.getByRole('link', { name: 'Acte de naissance' }).count()).toBe(0);
    await delegate.goto(`${server.url}/backoffice/recherche?q=dupont`);
    await delegate.waitForURL(/\/backoffice\/conception$/);

    await delegate.getByRole('link', { name: PROCEDURE }).first().click();
    const root = delegate.url().replace(/\/$/, '');
    await delegate.getByLabel(/^Description/).fill('Signalez un nid-de-poule ou un banc cassé dans le parc.');
    await delegate.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
    await delegate.getByText('Brouillon enregistré.').waitFor();
    await delegate.goto(`${root}/versions`);
    expect(await delegate.getByRole('button', { name: /^Publier/ }).count()).toBe(0);
    await delegate.getByRole('button', { name: 'Soumettre à la modération' }).click();
    await delegate.getByText('Démarche soumise à la modération').waitFor();
    await delegate.getByText('Votre proposition attend la décision de la commune.').waitFor();

    // The administrator reads what changes, and sends it back with a reason.
    await admin.goto(`${server.url}/backoffice/conception`);
    await admin.getByRole('link', { name: /^Modération/ }).click();
    const proposal = admin.getByRole('region', { name: PROCEDURE });
    await proposal.getByText('Conseil de quartier du Parc').waitFor();
    await proposal
      .getByText(/Description/)
      .first()
      .waitFor();
    await accessible(admin);
    await screenshot(admin, 'backoffice-moderation');
    const reason = 'Ajoutez qu’une photo aide les agents à intervenir.';
    await proposal.getByLabel('Motif du refus (le délégué le lira)').fill(reason);
    await proposal.getByRole('button', { name: 'Refuser' }).click();
    await admin.getByText('Proposition refusée : le délégué voit votre motif').waitFor();

    // The delegate reads the reason, corrects and submits again.
    await delegate.goto(root);
    await delegate.getByText('Proposition refusée par la modération').waitFor();
    await delegate.getByText(reason).waitFor();
    await screenshot(delegate, 'backoffice-delegate-refused');
    await delegate
      .getByLabel(/^Description/)
      .fill('Signalez un nid-de-poule ou un banc cassé dans le parc. Une photo aide les agents à intervenir.');
    await delegate.getByRole('button', { name: 'Enregistrer le brouillon' }).first().click();
    await delegate.getByText('Brouillon enregistré.').waitFor();
    await delegate.goto(`${root}/versions`);
    await delegate.getByRole('button', { name: 'Soumettre à la modération' }).click();
    await delegate.getByText('Démarche soumise à la modération').waitFor();

    // The administrator approves: published with every check of a publication.
    await admin.goto(`${server.url}/backoffice/conception/moderation`);
    await admin.getByRole('region', { name: PROCEDURE }).getByRole('button', { name: 'Approuver et publier' }).click();
    await admin.getByText('Proposition approuvée : la nouvelle version est en ligne.').waitFor();
    await admin.getByText('Aucune proposition en attente.').waitFor();

    // The journal says who did what.
    await admin.goto(`${server.url}/backoffice/administration/journal`);
    await admin.getByText('Catégorie « voirie-cadre-de-vie » déléguée (Conseil de quartier du Parc)').waitFor();
    await admin.getByText(`Proposition refusée par la modération : ${reason}`).waitFor();
    await admin.getByText('Proposition approuvée par la modération').waitFor();

    // The portal lists the new version.
    const citizen = await (await newContext(browser)).newPage();
    const shown = await citizen.goto(`${server.url}/demarches/signalement-voirie?collectivite=ville-de-s`);
    expect(shown?.status()).toBe(200);
    await citizen.getByText('Une photo aide les agents à intervenir.').first().waitFor();

    await Promise.all([admin.context().close(), delegate.context().close(), citizen.context().close()]);
  });
});

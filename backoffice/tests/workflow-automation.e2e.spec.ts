import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createScheduler } from '../../api/src/scheduler/scheduler.ts';
import type { TestServer } from '../../api/src/testing/test-server.ts';
import { launchBrowser, logIn, newContext, seriousViolations } from './support/browser.ts';
import { apiAs, startBackoffice } from './support/server.ts';

const AGENT = 'agent@demo.guichet.test';

/** « Dossier incomplet » stops the deadline; after 30 days there the request is closed without follow-up. */
const definition = () => ({
  title: 'Aide aux fournitures scolaires',
  description: 'Demandez l’aide de la commune pour les fournitures de la rentrée.',
  theme: 'education',
  serviceId: 'education',
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: [],
  fields: [{ name: 'enfant', type: 'text', label: 'Prénom de l’enfant', required: true }],
  workflow: {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue', publicLabel: 'Demande reçue' },
      { id: 'incomplet', label: 'Dossier incomplet', publicLabel: 'Dossier à compléter', pausesDeadline: true },
      { id: 'classee', label: 'Classée sans suite', publicLabel: 'Classée sans suite', final: true },
    ],
    transitions: [
      { id: 'incomplet', label: 'Déclarer incomplet', from: 'recue', to: 'incomplet' },
      { id: 'complete', label: 'Pièces reçues', from: 'incomplet', to: 'recue' },
      {
        id: 'sans_suite',
        label: 'Classer sans suite',
        from: 'incomplet',
        to: 'classee',
        autoAfterDays: 30,
        messageTemplate: 'Sans nouvelles de votre part depuis 30 jours, votre demande est classée.',
      },
    ],
  },
});

describe('Back office: a request in a state that pauses the deadline and moves on by itself', () => {
  let server: TestServer;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBackoffice(), launchBrowser()]);
    const admin = apiAs(server.url, await server.login('admin@demo.guichet.test'));
    const citizen = apiAs(server.url, await server.login('citoyen@demo.guichet.test'));
    const agent = apiAs(server.url, await server.login(AGENT));
    const created = await admin.post<{ id: string }>('/admin/procedures', {
      slug: 'fournitures',
      definition: definition(),
    });
    await admin.post(`/admin/procedures/${created.id}/publish`);
    caseId = (await citizen.post<{ id: string }>('/cases', { procedureId: 'fournitures', data: { enfant: 'Lina' } }))
      .id;
    await agent.post(`/cases/${caseId}/transitions`, { transitionId: 'incomplet' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows since when the deadline is paused and when the case will move by itself', async () => {
    const page = await (await newContext(browser)).newPage();
    await logIn(page, server.url, AGENT);
    await page.goto(`${server.url}/backoffice/demandes/${caseId}`);
    const paused = page.getByTestId('deadline-paused');
    await paused.waitFor();
    expect(await paused.innerText()).toMatch(
      /Délai suspendu depuis le \d{1,2} \S+ \d{4}.*tant que la demande est à l’étape « Dossier incomplet »/s,
    );
    const planned = page.getByTestId('automatic-transition');
    expect(await planned.innerText()).toMatch(
      /Passage automatique vers « Classée sans suite » prévu le \d{1,2} \S+ \d{4}/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Thirty days later the scheduler takes the step: the page no longer announces it.
    const { automaticTransitions } = await apiAs(server.url, await server.login(AGENT)).get<{
      automaticTransitions: { dueAt: string }[];
    }>(`/cases/${caseId}`);
    const scheduler = createScheduler({
      db: server.guichet.db,
      store: server.guichet.store,
      clock: () => new Date(Date.parse(automaticTransitions[0]!.dueAt) + 60_000),
    });
    expect((await scheduler.tick()).taken).toHaveLength(1);
    await server.guichet.runner!.catchUp();
    await page.reload();
    await page.getByText('(passage automatique après 30 jours)').first().waitFor();
    // The timeline says when the clock stopped and how long it stood still.
    await page.getByText('délai repris après 30 j de suspension').first().waitFor();
    expect(await page.locator('.ev-WorkflowTransitioned').filter({ hasText: 'délai suspendu' }).count()).toBe(1);
    expect(await page.getByTestId('automatic-transition').count()).toBe(0);
    expect(await page.getByTestId('deadline-paused').count()).toBe(0);
    await page.context().close();
  });
});

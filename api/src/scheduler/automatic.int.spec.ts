import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { client } from '../testing/http.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { createScheduler } from './scheduler.ts';

const DAY = 86_400_000;

/** « Dossier incomplet » stops the deadline; 30 days there and the request is closed without follow-up. */
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

describe.each(testDatabases())('a workflow that keeps time, through the API, on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let admin: string;
  let agent: string;
  let citizen: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    [admin, agent, citizen] = await Promise.all([
      server.login('admin@demo.guichet.test'),
      server.login('agent@demo.guichet.test'),
      server.login('citoyen@demo.guichet.test'),
    ]);
    const created = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'fournitures', definition: definition() },
      admin,
    );
    expect(created.status).toBe(201);
    expect((await api.post(`/api/v1/admin/procedures/${created.body.id}/publish`, {}, admin)).status).toBe(200);
    const submitted = await api.post(
      '/api/v1/cases',
      { procedureId: 'fournitures', data: { enfant: 'Lina' } },
      citizen,
    );
    expect(submitted.status).toBe(201);
    caseId = submitted.body.id as string;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('shows the pause and the planned automatic step on the case, and the pause in the citizen’s list', async () => {
    const before = (await api.get(`/api/v1/cases/${caseId}`, agent)).body;
    expect(before).toMatchObject({ paused: false, pausedSince: null, pauseReasons: [], automaticTransitions: [] });

    expect((await api.post(`/api/v1/cases/${caseId}/transitions`, { transitionId: 'incomplet' }, agent)).status).toBe(
      200,
    );
    const c = (await api.get(`/api/v1/cases/${caseId}`, agent)).body;
    expect(c).toMatchObject({
      workflowLabel: 'Dossier incomplet',
      paused: true,
      pauseReasons: ['workflow_state'],
      dueAt: before.dueAt,
      automaticTransitions: [{ transitionId: 'sans_suite', toLabel: 'Classée sans suite', afterDays: 30 }],
    });
    expect(Date.parse(c.automaticTransitions[0].dueAt) - Date.parse(c.pausedSince)).toBe(30 * DAY);
    // « Vue au … »: the pause as it was, but no step planned from today's rows.
    const asOf = await api.get(
      `/api/v1/cases/${caseId}/as-of?at=${encodeURIComponent(new Date().toISOString())}`,
      agent,
    );
    expect(asOf.body.case).toMatchObject({ paused: true, pauseReasons: ['workflow_state'], automaticTransitions: [] });
    const mine = (await api.get('/api/v1/me/cases', citizen)).body.items.find((i: { id: string }) => i.id === caseId);
    expect(mine.paused).toBe(true);
  });

  it('takes the step when it falls due, tells the citizen, and gives the paused days back', async () => {
    const c = (await api.get(`/api/v1/cases/${caseId}`, agent)).body;
    const due = Date.parse(c.automaticTransitions[0].dueAt);
    const scheduler = createScheduler({
      db: server.guichet.db,
      store: server.guichet.store,
      clock: () => new Date(due + 60_000),
    });
    expect((await scheduler.tick()).taken.map((d) => d.caseId)).toEqual([caseId]);
    await server.guichet.runner!.catchUp();

    const after = (await api.get(`/api/v1/cases/${caseId}`, agent)).body;
    expect(after).toMatchObject({ workflowLabel: 'Classée sans suite', paused: false, automaticTransitions: [] });
    expect(Date.parse(after.dueAt) - Date.parse(c.dueAt)).toBe(30 * DAY + 60_000);
    const timeline = (await api.get(`/api/v1/cases/${caseId}/timeline`, citizen)).body.events;
    const step = timeline.find((e: { type: string; data: { to?: string } }) => e.data.to === 'classee');
    expect(step.summary).toBe(
      'Étape « Dossier à compléter » → « Classée sans suite » (passage automatique après 30 jours) : ' +
        'Sans nouvelles de votre part depuis 30 jours, votre demande est classée.',
    );
    expect(step.data).toMatchObject({
      message: 'Sans nouvelles de votre part depuis 30 jours, votre demande est classée.',
      automatic: { reason: 'passage automatique après 30 jours' },
    });
  });
});

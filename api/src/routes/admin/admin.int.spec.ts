import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { client } from '../../testing/http.ts';
import { createTenant } from '../../lib/tenants.ts';

/** A three-state workflow with a conditional field: what a designer builds in the form workshop. */
const definition = (title: string) => ({
  title,
  description: 'Réservez la salle des fêtes pour un événement familial ou associatif.',
  theme: 'vie-associative',
  serviceId: 'education',
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: ['Attestation d’assurance'],
  fields: [
    {
      name: 'demandeur',
      type: 'radio',
      label: 'Vous êtes',
      required: true,
      options: [
        { value: 'particulier', label: 'Un particulier' },
        { value: 'association', label: 'Une association' },
      ],
    },
    {
      name: 'association',
      type: 'text',
      label: 'Nom de l’association',
      required: true,
      showIf: { field: 'demandeur', equals: 'association' },
    },
    { name: 'date', type: 'date', label: 'Date souhaitée', required: true },
  ],
  workflow: {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue', publicLabel: 'Demande reçue' },
      { id: 'instruction', label: 'En instruction', publicLabel: 'En cours d’examen' },
      { id: 'reservee', label: 'Réservée', publicLabel: 'Salle réservée', final: true },
    ],
    transitions: [
      { id: 'instruire', label: 'Instruire', from: 'recue', to: 'instruction' },
      {
        id: 'reserver',
        label: 'Réserver',
        from: 'instruction',
        to: 'reservee',
        messageTemplate: 'La salle vous est réservée.',
      },
    ],
  },
});

describe.each(testDatabases())('procedure design and administration on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let admin: string;
  let citizen: string;
  let agent: string;

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    [admin, citizen, agent] = await Promise.all([
      server.login('admin@demo.guichet.test'),
      server.login('citoyen@demo.guichet.test'),
      server.login('agent@demo.guichet.test'),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('builds, publishes, runs and versions a procedure; an old request keeps its version', async () => {
    expect(
      (
        await api.post(
          '/api/v1/admin/procedures',
          { slug: 'salle-des-fetes', definition: definition('Réservation de la salle des fêtes') },
          agent,
        )
      ).status,
    ).toBe(403);
    const created = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'salle-des-fetes', definition: definition('Réservation de la salle des fêtes') },
      admin,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // Not in the catalogue until published.
    expect((await api.get('/api/v1/procedures/salle-des-fetes')).status).toBe(404);
    expect((await api.post(`/api/v1/admin/procedures/${id}/publish`, {}, admin)).body.publishedVersion).toBe(1);

    // The conditional field is required only when shown.
    const missing = await api.post(
      '/api/v1/cases',
      { procedureId: 'salle-des-fetes', data: { demandeur: 'association', date: '2026-12-19' } },
      citizen,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'data.association', message: expect.any(String) });
    const submitted = await api.post(
      '/api/v1/cases',
      { procedureId: 'salle-des-fetes', data: { demandeur: 'particulier', date: '2026-12-19' } },
      citizen,
    );
    expect(submitted.status).toBe(201);
    const caseId = submitted.body.id as string;

    const seen = await api.get(`/api/v1/cases/${caseId}`, agent);
    expect(seen.body.availableTransitions.map((t: { id: string }) => t.id)).toEqual(['instruire']);
    expect((await api.post(`/api/v1/cases/${caseId}/transitions`, { transitionId: 'reserver' }, agent)).status).toBe(
      409,
    );
    expect((await api.post(`/api/v1/cases/${caseId}/transitions`, { transitionId: 'instruire' }, agent)).status).toBe(
      200,
    );
    expect((await api.get(`/api/v1/cases/${caseId}`, citizen)).body.workflowLabel).toBe('En cours d’examen');
    const steps = (await api.get(`/api/v1/cases/${caseId}/timeline`, citizen)).body.events.filter(
      (e: { type: string }) => e.type === 'WorkflowTransitioned',
    );
    expect(steps.map((e: { summary: string }) => e.summary)).toEqual([
      'Étape « Demande reçue » → « En cours d’examen »',
    ]);

    // Version 2 renames a state; the running request keeps version 1.
    const v2 = definition('Réservation de la salle des fêtes municipale');
    v2.workflow.states[1]!.label = 'Examen du dossier';
    expect(
      (await api.call('PUT', `/api/v1/admin/procedures/${id}/draft`, { token: admin, body: { definition: v2 } }))
        .status,
    ).toBe(200);
    const diff = await api.get(`/api/v1/admin/procedures/${id}/diff?from=1&to=draft`, admin);
    expect(diff.body.changes.map((c: { path: string }) => c.path)).toEqual(
      expect.arrayContaining(['title', 'state:instruction']),
    );
    expect((await api.post(`/api/v1/admin/procedures/${id}/publish`, {}, admin)).body.publishedVersion).toBe(2);
    expect((await api.get('/api/v1/procedures/salle-des-fetes')).body.version).toBe(2);
    const old = await api.get(`/api/v1/cases/${caseId}`, agent);
    expect(old.body.procedureVersion).toBe(1);
    expect(old.body.workflowLabel).toBe('En instruction');

    // Export, then import as another town would.
    const exported = await api.get(`/api/v1/admin/procedures/${id}/export`, admin);
    expect(exported.body.format).toBe('guichet-procedure/1');
    const imported = await api.post('/api/v1/admin/procedures/import', exported.body, admin);
    expect(imported.status).toBe(201);
    expect(imported.body.slug).toBe('salle-des-fetes-importee');
  });

  it('refuses to publish a workflow with an unreachable state, naming it', async () => {
    const broken = definition('Démarche cassée');
    broken.workflow.states.push({ id: 'orphelin', label: 'Orphelin', publicLabel: 'Orphelin' });
    const created = await api.post('/api/v1/admin/procedures', { slug: 'cassee', definition: broken }, admin);
    const publish = await api.post(`/api/v1/admin/procedures/${created.body.id}/publish`, {}, admin);
    expect(publish.status).toBe(400);
    expect(publish.body.errors).toContainEqual({
      field: 'definition.workflow.states[3]',
      message: expect.stringContaining('« Orphelin »'),
    });
  });

  it("changes an agent's queue when an admin grants or revokes a role", async () => {
    const invited = await api.post(
      '/api/v1/admin/agents',
      { email: 'nouvel.agent@demo.guichet.test', name: 'Nouvel Agent', roles: [] },
      admin,
    );
    expect(invited.status).toBe(201);
    const token = await server.login('nouvel.agent@demo.guichet.test', invited.body.temporaryPassword);
    expect((await api.get('/api/v1/queues', token)).status).toBe(403);
    expect(
      (await api.post(`/api/v1/admin/agents/${invited.body.id}/roles`, { serviceId: 'voirie', role: 'agent' }, admin))
        .status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 2100)); // the role cache's lifetime
    const queue = await api.get('/api/v1/queues', token);
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    expect(new Set(queue.body.items.map((c: { serviceId: string }) => c.serviceId))).toEqual(new Set(['voirie']));
    const reset = await api.post(`/api/v1/admin/agents/${invited.body.id}/reset-access`, {}, admin);
    expect(reset.status).toBe(200);
    expect((await api.get('/api/v1/queues', token)).status).toBe(401);
    await expect(server.login('nouvel.agent@demo.guichet.test', invited.body.temporaryPassword)).rejects.toThrow(/401/);
    const again = await server.login('nouvel.agent@demo.guichet.test', reset.body.temporaryPassword);
    expect(
      (await api.post(`/api/v1/admin/agents/${invited.body.id}/deactivate`, { reason: 'Départ' }, admin)).status,
    ).toBe(200);
    expect((await api.get('/api/v1/queues', again)).status).toBe(401);
    const audit = (await api.get('/api/v1/admin/audit', admin)).body.items as {
      type: string;
      actorName: string;
      summary: string;
    }[];
    expect(audit.slice(0, 4).map((a) => a.type)).toEqual([
      'AgentDeactivated',
      'AgentPasswordReset',
      'AgentRoleGranted',
      'AgentAccountCreated',
    ]);
    expect(audit[0]!.actorName).toBe('Sophie Bernard');
    expect(JSON.stringify(audit)).not.toContain('scrypt');
    expect((await api.get('/api/v1/admin/audit', agent)).status).toBe(403);
  });

  it("keeps one organisation's requests, agents and procedures away from another's agents", async () => {
    const { temporaryPassword } = await createTenant(server.guichet.store, {
      id: 'ccas-s',
      name: 'CCAS de S.',
      services: [{ id: 'action-sociale', name: 'Action sociale' }],
      admin: { email: 'directrice@ccas-s.test', name: 'Anne Roy' },
    });
    await server.guichet.runner!.catchUp();
    const other = await server.login('directrice@ccas-s.test', temporaryPassword);
    const aCase = (await api.get('/api/v1/queues?limit=1', agent)).body.items[0].id as string;

    expect((await api.get(`/api/v1/cases/${aCase}`, other)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${aCase}/timeline`, other)).status).toBe(404);
    expect((await api.post(`/api/v1/cases/${aCase}/notes`, { text: 'intrusion' }, other)).status).toBe(404);
    const queue = await api.get('/api/v1/queues', other);
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([]);
    expect((await api.get('/api/v1/search?q=naissance', other)).body.items).toEqual([]);
    expect((await api.get('/api/v1/queues?service=voirie', other)).status).toBe(403);
    const staff = (await api.get('/api/v1/admin/agents', other)).body.items as { email: string }[];
    expect(staff.map((a) => a.email)).toEqual(['directrice@ccas-s.test']);
    expect((await api.get('/api/v1/admin/procedures', other)).body.items).toEqual([]);
    expect(
      (
        await api.post(
          '/api/v1/admin/agents',
          { email: 'x@ccas-s.test', name: 'X', roles: [{ serviceId: 'voirie', role: 'agent' }] },
          other,
        )
      ).status,
    ).toBe(400);
  });
});

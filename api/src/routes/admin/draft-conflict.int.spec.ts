import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { client } from '../../testing/http.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const definition = () => ({
  title: 'Prêt de barrières',
  description: 'Empruntez des barrières pour une fête de quartier.',
  theme: 'vie-associative',
  serviceId: 'education',
  deadlineDays: 10,
  access: 'account',
  documentsToProvide: [],
  fields: [{ name: 'date', type: 'date', label: 'Date souhaitée', required: true }],
  workflow: {
    initial: 'recue',
    states: [
      { id: 'recue', label: 'Reçue', publicLabel: 'Demande reçue' },
      { id: 'pretee', label: 'Prêtée', publicLabel: 'Barrières prêtées', final: true },
    ],
    transitions: [{ id: 'preter', label: 'Prêter', from: 'recue', to: 'pretee' }],
  },
});

describe.each(testDatabases())('a procedure draft saved over someone else’s work on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let admin: string;
  let id: string;
  const save = (body: unknown, version: number) =>
    api.call('PUT', `/api/v1/admin/procedures/${id}/draft`, {
      token: admin,
      body: { definition: body },
      headers: { 'if-match': `"${version}"` },
    });

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    admin = await server.login('admin@demo.guichet.test');
    const created = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'pret-barrieres', definition: definition() },
      admin,
    );
    expect(created.status).toBe(201);
    id = created.body.id as string;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 409 with who changed what since the version the designer had, and writes nothing', async () => {
    const other = definition();
    other.deadlineDays = 15;
    other.fields.push({ name: 'nombre', type: 'number', label: 'Nombre de barrières', required: true });
    expect((await save(other, 1)).status).toBe(200);

    const mine = definition();
    mine.title = 'Prêt de barrières de sécurité';
    const stale = await save(mine, 1);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({
      status: 409,
      detail: expect.stringContaining('modifié cette démarche'),
      expectedVersion: 1,
      currentVersion: 2,
      changes: [
        {
          version: 2,
          type: 'ProcedureDraftUpdated',
          actor: 'Sophie Bernard',
          summary: 'Brouillon modifié',
          details: ['Délai modifié(e)', 'Champ ajouté(e) : Nombre de barrières'],
        },
      ],
    });
    expect(stale.body.draftDiff.map((c: { path: string }) => c.path)).toEqual(['deadlineDays', 'field:nombre']);

    const now = await api.get(`/api/v1/admin/procedures/${id}`, admin);
    expect(now.body).toMatchObject({ streamVersion: 2, draft: { title: 'Prêt de barrières', deadlineDays: 15 } });
  });

  it('names a publication among the changes, and lets a save on the current version through', async () => {
    expect((await api.post(`/api/v1/admin/procedures/${id}/publish`, {}, admin)).status).toBe(200);
    const stale = await save(definition(), 2);
    expect(stale.status).toBe(409);
    expect(stale.body.changes.map((c: { summary: string }) => c.summary)).toEqual(['Version 1 publiée']);
    // The draft itself did not change: nothing to merge by hand.
    expect(stale.body.draftDiff).toEqual([]);
    expect((await save(definition(), stale.body.currentVersion as number)).status).toBe(200);
  });
});

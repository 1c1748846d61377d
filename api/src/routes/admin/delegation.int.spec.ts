import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { client } from '../../testing/http.ts';

const CATEGORY = 'voirie-cadre-de-vie';

describe.each(testDatabases())('delegation of a procedure category, with moderation, on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let admin: string;
  let agent: string;
  let delegate: string;
  let delegateId: string;
  let voirieId: string;
  let otherId: string;

  const draftOf = async (id: string, token: string) => (await api.get(`/api/v1/admin/procedures/${id}`, token)).body;
  const saveDraft = (id: string, definition: unknown, token: string) =>
    api.call('PUT', `/api/v1/admin/procedures/${id}/draft`, { token, body: { definition } });

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    [admin, agent] = await Promise.all([
      server.login('admin@demo.guichet.test'),
      server.login('agent@demo.guichet.test'),
    ]);
    const all = (await api.get('/api/v1/admin/procedures', admin)).body.items as {
      id: string;
      theme: string;
      currentVersion: number | null;
    }[];
    voirieId = all.find((p) => p.theme === CATEGORY && p.currentVersion)!.id;
    otherId = all.find((p) => p.theme !== CATEGORY && p.currentVersion)!.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an administrator invites a third party as delegate of a category; bad input names the field', async () => {
    for (const [field, body] of [
      [
        'email',
        { email: 'pas-une-adresse', name: 'Odile Martin', organisation: 'Les Amis du Parc', category: CATEGORY },
      ],
      [
        'organisation',
        { email: 'odile@amis-du-parc.test', name: 'Odile Martin', organisation: '', category: CATEGORY },
      ],
      ['category', { email: 'odile@amis-du-parc.test', name: 'Odile Martin', organisation: 'Les Amis du Parc' }],
    ] as const) {
      const bad = await api.post('/api/v1/admin/delegations', body, admin);
      expect(bad.status, field).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expect(
      (
        await api.post(
          '/api/v1/admin/delegations',
          { email: 'odile@amis-du-parc.test', name: 'Odile', organisation: 'Les Amis du Parc', category: CATEGORY },
          agent,
        )
      ).status,
    ).toBe(403);
    // A town agent never becomes a delegate.
    const staff = await api.post(
      '/api/v1/admin/delegations',
      { email: 'agent@demo.guichet.test', name: 'Claire', organisation: 'Mairie', category: CATEGORY },
      admin,
    );
    expect(staff.status).toBe(409);
    expect(staff.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);

    const invited = await api.post(
      '/api/v1/admin/delegations',
      { email: 'Odile@Amis-du-Parc.test', name: 'Odile Martin', organisation: 'Les Amis du Parc', category: CATEGORY },
      admin,
    );
    expect(invited.status).toBe(201);
    delegateId = invited.body.id;
    delegate = await server.login('odile@amis-du-parc.test', invited.body.temporaryPassword);
    const list = await api.get('/api/v1/admin/delegations', admin);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: delegateId,
        delegations: [expect.objectContaining({ category: CATEGORY, organisation: 'Les Amis du Parc' })],
      }),
    );
    expect(list.body.categories).toContain(CATEGORY);
    const session = await api.get('/api/v1/session', delegate);
    expect(session.body.user).toMatchObject({ roles: [], delegations: [CATEGORY] });
  });

  it('a delegate sees and edits only the procedures of the category, and nothing of the town', async () => {
    const mine = (await api.get('/api/v1/admin/procedures', delegate)).body.items as { id: string }[];
    expect(mine.map((p) => p.id)).toContain(voirieId);
    expect(mine.map((p) => p.id)).not.toContain(otherId);
    expect((await api.get(`/api/v1/admin/procedures/${otherId}`, delegate)).status).toBe(404);
    const other = await draftOf(otherId, admin);
    expect((await saveDraft(otherId, other.draft, delegate)).status).toBe(403);
    // No cases, no residents, no administration, no moderation queue.
    for (const path of [
      '/api/v1/queues',
      '/api/v1/search?q=dupont',
      '/api/v1/admin/agents',
      '/api/v1/admin/audit',
      '/api/v1/admin/delegations',
      '/api/v1/admin/moderation',
      '/api/v1/me',
    ]) {
      expect((await api.get(path, delegate)).status, path).toBe(403);
    }
    const p = await draftOf(voirieId, delegate);
    // A new draft goes to one of the town's services, in a delegated category.
    const created = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'fete-du-parc', definition: { ...p.draft, title: 'Fête du parc', serviceId: 'piscine' } },
      delegate,
    );
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([{ field: 'definition.serviceId', message: expect.any(String) }]);
    const imported = await api.post(
      '/api/v1/admin/procedures/import',
      { format: 'guichet-procedure/1', slug: 'fete-du-parc', definition: p.draft, serviceId: 'piscine' },
      delegate,
    );
    expect(imported.body.errors).toEqual([{ field: 'definition.serviceId', message: expect.any(String) }]);
    const elsewhere = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'fete-du-parc', definition: { ...p.draft, title: 'Fête du parc', theme: 'etat-civil' } },
      delegate,
    );
    expect(elsewhere.status).toBe(403);
    const own = await api.post(
      '/api/v1/admin/procedures',
      { slug: 'fete-du-parc', definition: { ...p.draft, title: 'Fête du parc' } },
      delegate,
    );
    expect(own.status).toBe(201);
    expect((await api.get(`/api/v1/admin/procedures/${own.body.id}`, delegate)).body.draft.title).toBe('Fête du parc');
    // The category and the owning service stay as the town set them.
    expect((await saveDraft(voirieId, { ...p.draft, theme: 'etat-civil' }, delegate)).status).toBe(403);
    expect((await saveDraft(voirieId, { ...p.draft, serviceId: 'education' }, delegate)).status).toBe(403);
    const saved = await saveDraft(
      voirieId,
      { ...p.draft, description: 'Signalez un nid-de-poule ou un banc cassé.' },
      delegate,
    );
    expect(saved.status).toBe(200);
  });

  it('a delegate cannot publish: submission, rejection with a reason, resubmission, approval publishes', async () => {
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/publish`, {}, delegate)).status).toBe(403);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/submit`, {}, admin)).status).toBe(403);
    const before = (await draftOf(voirieId, admin)).currentVersion as number;
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/submit`, {}, delegate)).status).toBe(200);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/submit`, {}, delegate)).status).toBe(409);
    // Frozen while the moderator looks at it.
    const p = await draftOf(voirieId, delegate);
    expect(p.moderation).toMatchObject({ status: 'pending', submittedByName: 'Odile Martin' });
    expect((await saveDraft(voirieId, { ...p.draft, title: 'Autre titre' }, delegate)).status).toBe(409);

    const queue = await api.get('/api/v1/admin/moderation', admin);
    const item = queue.body.items.find((i: { id: string }) => i.id === voirieId);
    expect(item).toMatchObject({ organisation: 'Les Amis du Parc', submittedByName: 'Odile Martin' });
    expect(item.changes.map((c: { path: string }) => c.path)).toEqual(['description']);
    expect((await api.get('/api/v1/admin/moderation', agent)).status).toBe(403);

    const noReason = await api.post(`/api/v1/admin/procedures/${voirieId}/reject`, { reason: '' }, admin);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/reject`, { reason: 'x' }, delegate)).status).toBe(403);
    const reason = 'Précisez qu’une photo aide les agents à intervenir.';
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/reject`, { reason }, admin)).status).toBe(200);
    const refused = await draftOf(voirieId, delegate);
    expect(refused.moderation).toMatchObject({ status: 'rejected', reason });
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/approve`, {}, admin)).status).toBe(409);

    const corrected = { ...refused.draft, description: 'Signalez un nid-de-poule ou un banc cassé, photo à l’appui.' };
    expect((await saveDraft(voirieId, corrected, delegate)).status).toBe(200);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/submit`, {}, delegate)).status).toBe(200);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/approve`, {}, delegate)).status).toBe(403);
    expect((await api.post(`/api/v1/admin/procedures/${voirieId}/approve`, {}, admin)).status).toBe(200);
    const after = await draftOf(voirieId, admin);
    expect(after.currentVersion).toBe(before + 1);
    expect(after.moderation.status).toBe('approved');
    const portal = await api.get(`/api/v1/procedures/${after.slug}`);
    expect(portal.body.version).toBe(before + 1);
    expect(portal.body.definition?.description ?? portal.body.description).toContain('photo à l’appui');

    const audit = (await api.get('/api/v1/admin/audit', admin)).body.items.map((i: { type: string }) => i.type);
    expect(audit).toEqual(
      expect.arrayContaining([
        'CategoryDelegated',
        'ProcedureSubmittedForModeration',
        'ProcedureModerationRejected',
        'ProcedureModerationApproved',
      ]),
    );
  });

  it('revoking a delegation cuts the delegate off at once', async () => {
    // A second category: the delegate keeps a session, but loses the first category on the next request.
    const second = await api.post(
      '/api/v1/admin/delegations',
      {
        email: 'odile@amis-du-parc.test',
        name: 'Odile Martin',
        organisation: 'Les Amis du Parc',
        category: 'elections',
      },
      admin,
    );
    expect(second.status).toBe(201);
    expect(second.body.temporaryPassword).toBeUndefined();
    const bad = await api.call('DELETE', `/api/v1/admin/delegations/${delegateId}/urbanisme`, { token: admin });
    expect(bad.status).toBe(409);
    const revoked = await api.call('DELETE', `/api/v1/admin/delegations/${delegateId}/${CATEGORY}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect((await api.get(`/api/v1/admin/procedures/${voirieId}`, delegate)).status).toBe(404);
    const p = await draftOf(voirieId, admin);
    expect((await saveDraft(voirieId, { ...p.draft, title: 'Signalement' }, delegate)).status).toBe(403);
    // Without any category left, the sessions end.
    await api.call('DELETE', `/api/v1/admin/delegations/${delegateId}/elections`, { token: admin });
    expect((await api.get('/api/v1/admin/procedures', delegate)).status).toBe(401);
    expect(
      (await api.get('/api/v1/admin/delegations', admin)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(delegateId);
    const audit = (await api.get('/api/v1/admin/audit', admin)).body.items.map((i: { type: string }) => i.type);
    expect(audit).toContain('DelegationRevoked');
  });
});

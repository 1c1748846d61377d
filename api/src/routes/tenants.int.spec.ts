import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { CCAS_PROCEDURES, ccasLogoPng, DEMO_CCAS } from '../demo/ccas.ts';
import { client } from '../testing/http.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const branding = { name: 'Ville de S.', tagline: 'Mairie de S.', primaryColour: '#1f4e79', accentColour: '#8a1538' };

describe.each(testDatabases())('organisations: branding, portals, one resident account on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let admin: string;
  let ccasAdmin: string;
  let agent: string;
  let manager: string;
  let citizen: string;

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    [admin, ccasAdmin, agent, manager, citizen] = await Promise.all([
      server.login('admin@demo.guichet.test'),
      server.login('admin.ccas@demo.guichet.test'),
      server.login('agent@demo.guichet.test'),
      server.login('responsable@demo.guichet.test'),
      server.login('citoyen@demo.guichet.test'),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = async (bytes: Uint8Array, type: string, token: string, fileName = 'logo.png') => {
    const res = await fetch(`${server.url}/api/v1/documents?fileName=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: bytes,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { documentId: string }).documentId;
  };
  const put = (body: unknown, token: string) => api.call('PUT', '/api/v1/admin/tenant/branding', { token, body });

  it('lists both organisations of the demo with their branding and serves the CCAS logo', async () => {
    const { status, body } = await api.get('/api/v1/tenants');
    expect(status).toBe(200);
    expect(body.defaultTenant).toBe('ville-de-s');
    const ccas = body.items.find((t: { id: string }) => t.id === DEMO_CCAS.id);
    expect(ccas).toMatchObject({ name: 'CCAS de S.', primaryColour: '#00665e', accentColour: '#8a1538' });
    expect(body.items.find((t: { id: string }) => t.id === 'ville-de-s')).toMatchObject({
      name: 'Ville de S.',
      logoUrl: null,
      primaryColour: '#000091',
    });
    const logo = await fetch(`${server.url}${ccas.logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await logo.arrayBuffer()).equals(ccasLogoPng())).toBe(true);
    expect((await api.get('/api/v1/tenants/nulle-part')).status).toBe(404);
  });

  it('lets the administrator change colours and logo, refusing bad ones field by field, and audits it', async () => {
    const badHex = await put({ ...branding, primaryColour: 'bleu' }, admin);
    expect(badHex.status).toBe(400);
    expect(badHex.headers.get('content-type')).toContain('application/problem+json');
    expect(badHex.body.errors).toEqual([{ field: 'primaryColour', message: expect.stringContaining('hexadécimal') }]);

    const tooLight = await put({ ...branding, accentColour: '#ffcc00', name: ' ' }, admin);
    expect(tooLight.status).toBe(400);
    expect(tooLight.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accentColour', 'name']);
    expect(tooLight.body.errors.find((e: { field: string }) => e.field === 'accentColour').message).toMatch(
      /contraste de 1,\d:1 \(4,5:1 au moins/,
    );

    // An image of 600 Ko: /documents takes it (10 Mo), the branding does not (512 Ko).
    const big = Buffer.alloc(600 * 1024, 1);
    big.set(ccasLogoPng().subarray(0, 8));
    const oversized = await put({ ...branding, logo: await upload(big, 'image/png', admin) }, admin);
    expect(oversized.status).toBe(400);
    expect(oversized.body.errors).toEqual([{ field: 'logo', message: expect.stringContaining('512 Ko') }]);

    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const notPng = await put({ ...branding, logo: await upload(gif, 'image/gif', admin, 'logo.gif') }, admin);
    expect(notPng.body.errors).toEqual([{ field: 'logo', message: expect.stringContaining('PNG ou JPEG') }]);
    // Somebody else's upload is not an administrator's to use.
    const foreign = await put({ ...branding, logo: await upload(ccasLogoPng(), 'image/png', ccasAdmin) }, admin);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('logo');

    const refusedAudit = (await api.get('/api/v1/admin/audit', admin)).body.items as { type: string }[];
    expect(refusedAudit.filter((e) => e.type === 'TenantBrandingChanged')).toEqual([]);

    const logoId = await upload(ccasLogoPng(48), 'image/png', admin);
    const ok = await put({ ...branding, primaryColour: '#1F4E79', logo: logoId }, admin);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: 'ville-de-s', primaryColour: '#1f4e79', logoFileName: 'logo.png' });
    const shown = (await api.get('/api/v1/tenants/ville-de-s')).body;
    expect(shown).toMatchObject({ name: 'Ville de S.', tagline: 'Mairie de S.', accentColour: '#8a1538' });
    const logo = await fetch(`${server.url}${shown.logoUrl}`);
    expect(Buffer.from(await logo.arrayBuffer()).equals(ccasLogoPng(48))).toBe(true);

    // Without `logo` the logo stays; the same branding again writes nothing.
    expect((await put({ ...branding, tagline: null }, admin)).body.logoFileName).toBe('logo.png');
    expect((await put({ ...branding, tagline: null }, admin)).status).toBe(200);
    const audit = (await api.get('/api/v1/admin/audit', admin)).body.items as { type: string; summary: string }[];
    const changes = audit.filter((e) => e.type === 'TenantBrandingChanged');
    expect(changes).toHaveLength(2);
    expect(changes.at(-1)!.summary).toContain('#1f4e79');
    // The CCAS journal does not show the town's changes.
    const ccasAudit = (await api.get('/api/v1/admin/audit', ccasAdmin)).body.items as { summary: string }[];
    expect(ccasAudit.some((e) => e.summary.includes('#1f4e79'))).toBe(false);
  });

  it("lets only that organisation's administrator change it", async () => {
    expect((await put(branding, agent)).status).toBe(403);
    expect((await put(branding, manager)).status).toBe(403);
    expect((await put(branding, citizen)).status).toBe(403);
    expect((await api.call('PUT', '/api/v1/admin/tenant/branding', { body: branding })).status).toBe(401);
    // The CCAS administrator changes the CCAS, never the town.
    const before = (await api.get('/api/v1/tenants/ville-de-s')).body;
    const ccas = await put(
      { ...DEMO_CCAS.branding, name: 'CCAS de la Ville de S.', primaryColour: '#004d47' },
      ccasAdmin,
    );
    expect(ccas.status).toBe(200);
    expect(ccas.body.id).toBe(DEMO_CCAS.id);
    expect((await api.get('/api/v1/tenants/ville-de-s')).body).toEqual(before);
    expect((await api.get(`/api/v1/tenants/${DEMO_CCAS.id}`)).body.name).toBe('CCAS de la Ville de S.');
    expect((await api.get('/api/v1/admin/tenant', ccasAdmin)).body.logoFileName).toBe('logo-ccas.png');
  });

  it('gives each organisation its catalogue; one resident submits to both and sees both; agents see only theirs', async () => {
    const town = (await api.get('/api/v1/procedures')).body.items as { slug: string; tenant: string }[];
    expect(town.length).toBeGreaterThan(0);
    expect(new Set(town.map((p) => p.tenant))).toEqual(new Set(['ville-de-s']));
    const ccas = (await api.get(`/api/v1/procedures?tenant=${DEMO_CCAS.id}`)).body.items as { slug: string }[];
    expect(ccas.map((p) => p.slug).sort()).toEqual(CCAS_PROCEDURES.map((p) => p.slug).sort());
    // An agent's catalogue (counter requests) is their organisation's.
    expect((await api.get('/api/v1/procedures', ccasAdmin)).body.items).toHaveLength(CCAS_PROCEDURES.length);

    const toCcas = await api.post(
      '/api/v1/cases',
      {
        procedureId: CCAS_PROCEDURES[0]!.id,
        data: { nature: 'energie', foyer: 3, situation: 'Facture de chauffage impayée cet hiver.' },
      },
      citizen,
    );
    expect(toCcas.status).toBe(201);
    const signalement = (await api.get('/api/v1/procedures/signalement-voirie')).body;
    const townCase = await api.post(
      '/api/v1/cases',
      {
        procedureId: signalement.id,
        data: { type: 'eclairage', localisation: '3 rue des Lilas', description: 'Le lampadaire clignote la nuit.' },
      },
      citizen,
    );
    expect(townCase.status).toBe(201);

    const mine = (await api.get('/api/v1/me/cases', citizen)).body.items as {
      id: string;
      tenant: string;
      tenantName: string;
    }[];
    expect(mine.find((c) => c.id === toCcas.body.id)).toMatchObject({
      tenant: DEMO_CCAS.id,
      tenantName: expect.stringContaining('CCAS'),
    });
    expect(mine.find((c) => c.id === townCase.body.id)).toMatchObject({
      tenant: 'ville-de-s',
      tenantName: 'Ville de S.',
    });

    // The resident acts on the CCAS request with the same account.
    const read = await api.get(`/api/v1/cases/${toCcas.body.id}`, citizen);
    expect(read.status).toBe(200);
    const message = await api.post(
      `/api/v1/cases/${toCcas.body.id}/messages`,
      { message: 'Je joins mes justificatifs demain.' },
      citizen,
    );
    expect(message.status).toBe(200);

    // The CCAS sees its request, not the town's; the town's agents the reverse.
    expect((await api.get(`/api/v1/cases/${toCcas.body.id}`, ccasAdmin)).status).toBe(200);
    expect((await api.get(`/api/v1/cases/${townCase.body.id}`, ccasAdmin)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${toCcas.body.id}`, agent)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${toCcas.body.id}`, admin)).status).toBe(404);

    // The resident's history in the back office: each organisation sees its own part only.
    const me = (await api.get('/api/v1/session', citizen)).body.user as { id: string };
    const ccasView = await api.get(`/api/v1/citizens/${me.id}/history`, ccasAdmin);
    expect(ccasView.status).toBe(200);
    const ccasCases = new Set(ccasView.body.items.map((i: { caseId: string }) => i.caseId));
    expect(ccasCases).toEqual(new Set([toCcas.body.id]));
    const townView = await api.get(`/api/v1/citizens/${me.id}/history`, agent);
    const townCases = new Set(townView.body.items.map((i: { caseId: string }) => i.caseId));
    expect(townCases.has(townCase.body.id)).toBe(true);
    expect(townCases.has(toCcas.body.id)).toBe(false);
    // The CCAS finds the resident (they have a request there), by name.
    const found = (await api.get('/api/v1/citizens?q=dupont', ccasAdmin)).body.items as { id: string }[];
    expect(found.map((c) => c.id)).toContain(me.id);
  });

  it('tells the CCAS nothing of a resident who never dealt with it', async () => {
    const jean = await server.login('jean.petit@demo.guichet.test');
    const id = (await api.get('/api/v1/session', jean)).body.user.id as string;
    expect((await api.get(`/api/v1/citizens/${id}/history`, ccasAdmin)).status).toBe(404);
    expect((await api.get('/api/v1/citizens?q=petit', ccasAdmin)).body.items).toEqual([]);
    expect((await api.get(`/api/v1/citizens/${id}/history`, agent)).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '@guichet/eventstore/testing';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { client, openEventStream } from './testing/http.ts';

const POTHOLE = {
  type: 'nid-de-poule',
  localisation: '12 rue de la République',
  description: 'Un gros nid-de-poule sur la chaussée devant la boulangerie, dangereux pour les vélos.',
};

describe.each(testDatabases())('API v1 over HTTP on $name', ({ open }) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let citizen: string;
  let otherCitizen: string;
  let agent: string;
  let voirieAgent: string;
  let etatCivilAgent: string;

  beforeAll(async () => {
    server = await startTestServer({ db: await open(), serveApps: false });
    api = client(server.url);
    [citizen, otherCitizen, agent, voirieAgent, etatCivilAgent] = await Promise.all([
      server.login('citoyen@demo.guichet.test'),
      server.login('jean.petit@demo.guichet.test'),
      server.login('agent@demo.guichet.test'),
      server.login('julie.moreau@demo.guichet.test'),
      server.login('karim.benali@demo.guichet.test'),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('follows a request from submission to closing, across channels, with the right audience everywhere', async () => {
    const queueLive = await openEventStream(`${server.url}/api/v1/queues/live`, voirieAgent);
    const submitted = await api.post('/api/v1/cases', { procedureId: 'signalement-voirie', data: POTHOLE }, citizen);
    expect(submitted.status).toBe(201);
    const { id, reference } = submitted.body as { id: string; reference: string };
    expect(reference).toMatch(/^S-\d{4}-\d{5}$/);
    // The demo town's fifty requests keep their references.
    expect(Number(reference.slice(-5))).toBeGreaterThan(50);

    // The agent's queue learns about it live, and lists it.
    await queueLive.next((m) => m.event === 'case' && m.data.caseIds.includes(id), 1000);
    queueLive.close();
    const queue = await api.get(`/api/v1/queues?service=voirie&status=submitted`, voirieAgent);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);

    // The citizen watches the case live while the agent asks for information.
    const live = await openEventStream(`${server.url}/api/v1/cases/${id}/live`, citizen);
    expect(live.contentType).toMatch(/^text\/event-stream/);
    const asked = await api.post(
      `/api/v1/cases/${id}/request-information`,
      { message: 'Pouvez-vous préciser le numéro de la rue ?' },
      voirieAgent,
    );
    expect(asked.status).toBe(200);
    const pushed = await live.next((m) => m.event === 'timeline' && m.data.type === 'InformationRequested');
    expect(pushed.data.summary).toContain('numéro de la rue');
    // A page that showed the case up to that event, and whose feed connects only after the next one,
    // still gets that one: the feed starts from the position the page gives.
    expect(
      (await api.post(`/api/v1/cases/${id}/messages`, { message: 'Merci de répondre ici.' }, voirieAgent)).status,
    ).toBe(200);
    const late = await openEventStream(
      `${server.url}/api/v1/cases/${id}/live?lastEventId=${pushed.data.position}`,
      citizen,
    );
    const caughtUp = await late.next((m) => m.event === 'timeline' && m.data.type === 'MessageSent');
    expect(caughtUp.data.position).toBeGreaterThan(pushed.data.position);
    late.close();

    const waiting = await api.get(`/api/v1/cases/${id}`, citizen);
    expect(waiting.body.status).toBe('waiting_citizen');
    expect(waiting.body.statusLabel).toBe('En attente de votre réponse');

    expect(
      (await api.post(`/api/v1/cases/${id}/provide-information`, { message: 'Devant le numéro 14.' }, citizen)).status,
    ).toBe(200);
    expect(
      (
        await api.post(
          `/api/v1/cases/${id}/phone-calls`,
          { direction: 'outbound', durationSeconds: 240, summary: 'Rappel du demandeur pour fixer le passage.' },
          voirieAgent,
          { 'x-channel': 'phone' },
        )
      ).status,
    ).toBe(200);
    expect(
      (await api.post(`/api/v1/cases/${id}/notes`, { text: 'Voir avec l’équipe enrobé, secteur nord.' }, voirieAgent))
        .status,
    ).toBe(200);
    expect(
      (
        await api.post(
          `/api/v1/cases/${id}/decision`,
          { outcome: 'accepted', reason: 'Intervention validée.' },
          voirieAgent,
        )
      ).status,
    ).toBe(200);
    const closed = await api.post(`/api/v1/cases/${id}/close`, { reason: 'Chaussée réparée.' }, voirieAgent);
    expect(closed.status).toBe(200);
    await live.next((m) => m.event === 'timeline' && m.data.type === 'CaseClosed');
    expect(live.messages.some((m) => m.data?.type === 'InternalNoteWritten')).toBe(false);
    live.close();

    const citizenTimeline = (await api.get(`/api/v1/cases/${id}/timeline`, citizen)).body.events as {
      type: string;
      summary: string;
      actor: { id?: string; name: string };
    }[];
    const citizenTypes = citizenTimeline.map((e) => e.type);
    expect(citizenTypes).toEqual(
      expect.arrayContaining([
        'CaseSubmitted',
        'InformationRequested',
        'InformationProvided',
        'PhoneCallLogged',
        'CaseDecided',
        'CaseClosed',
      ]),
    );
    expect(citizenTypes).not.toContain('InternalNoteWritten');
    expect(JSON.stringify(citizenTimeline)).not.toContain('équipe enrobé');

    const agentTimeline = (await api.get(`/api/v1/cases/${id}/timeline`, voirieAgent)).body.events as {
      type: string;
      internal: boolean;
      channel: string;
      actor: { id?: string; name: string };
    }[];
    const note = agentTimeline.find((e) => e.type === 'InternalNoteWritten');
    expect(note?.internal).toBe(true);
    const call = agentTimeline.find((e) => e.type === 'PhoneCallLogged');
    expect(call?.channel).toBe('phone');
    expect(call?.actor.name).toBe('Julie Moreau');

    // Nobody else learns the case exists.
    expect((await api.get(`/api/v1/cases/${id}`, otherCitizen)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${id}/timeline`, otherCitizen)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${id}`, etatCivilAgent)).status).toBe(404);
    expect((await api.post(`/api/v1/cases/${id}/notes`, { text: 'intrus' }, etatCivilAgent)).status).toBe(404);
    expect((await api.get(`/api/v1/cases/${id}`)).status).toBe(401);

    // Once closed, the citizen rates it, once.
    expect(
      (await api.post(`/api/v1/cases/${id}/rating`, { score: 5, comment: 'Rapide, merci.' }, citizen)).status,
    ).toBe(200);
    expect((await api.post(`/api/v1/cases/${id}/rating`, { score: 1 }, citizen)).status).toBe(409);
    const history = (await api.get('/api/v1/me/history', citizen)).body.items as { caseId: string; type: string }[];
    expect(history.filter((h) => h.caseId === id).map((h) => h.type)).toContain('PhoneCallLogged');
    expect(history.some((h) => h.type === 'InternalNoteWritten')).toBe(false);
  });

  it('lets one of two agents with the same If-Match win, and tells the other what changed', async () => {
    const { body } = await api.post('/api/v1/cases', { procedureId: 'signalement-voirie', data: POTHOLE }, citizen);
    const seen = await api.get(`/api/v1/cases/${body.id}`, agent);
    const etag = seen.headers.get('etag')!;
    expect(etag).toBe(`"${seen.body.version}"`);
    const [a, b] = await Promise.all([
      api.post(`/api/v1/cases/${body.id}/notes`, { text: 'Première note' }, agent, { 'if-match': etag }),
      api.post(`/api/v1/cases/${body.id}/assign`, { assignee: 'me' }, voirieAgent, { 'if-match': etag }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(loser.body.currentVersion).toBe(seen.body.version + 1);
    expect(loser.body.changes).toHaveLength(1);
  });

  it('records a double-clicked action once, even when both clicks race with the same If-Match', async () => {
    const { body } = await api.post('/api/v1/cases', { procedureId: 'signalement-voirie', data: POTHOLE }, citizen);
    const etag = (await api.get(`/api/v1/cases/${body.id}`, voirieAgent)).headers.get('etag')!;
    const headers = { 'if-match': etag, 'idempotency-key': `double-click-${body.id}` };
    const [a, b] = await Promise.all([
      api.post(`/api/v1/cases/${body.id}/notes`, { text: 'Une seule fois' }, voirieAgent, headers),
      api.post(`/api/v1/cases/${body.id}/notes`, { text: 'Une seule fois' }, voirieAgent, headers),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.version).toBe(b.body.version);
    const events = (await api.get(`/api/v1/cases/${body.id}/timeline`, voirieAgent)).body.events as { type: string }[];
    expect(events.filter((e) => e.type === 'InternalNoteWritten')).toHaveLength(1);
    // The queue's tabs count this agent's own requests and the unassigned ones.
    const counts = (await api.get('/api/v1/queues?service=voirie', voirieAgent)).body.counts;
    expect(counts.unassigned).toBeGreaterThan(0);
    expect(counts.mine).toBeGreaterThanOrEqual(0);
    expect((await api.post(`/api/v1/cases/${body.id}/assign`, { assignee: 'me' }, voirieAgent)).status).toBe(200);
    expect((await api.get('/api/v1/queues?service=voirie', voirieAgent)).body.counts.mine).toBe(counts.mine + 1);
  });

  it('replays an Idempotency-Key instead of recording twice', async () => {
    const headers = { 'idempotency-key': 'test-key-0001-abcdef' };
    const first = await api.post(
      '/api/v1/cases',
      { procedureId: 'signalement-voirie', data: POTHOLE },
      citizen,
      headers,
    );
    const again = await api.post(
      '/api/v1/cases',
      { procedureId: 'signalement-voirie', data: POTHOLE },
      citizen,
      headers,
    );
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const mine = (await api.get('/api/v1/me/cases', citizen)).body.items as { id: string }[];
    expect(mine.filter((c) => c.id === first.body.id)).toHaveLength(1);
  });

  it('refuses malformed and hostile input with problem+json naming the field, and records nothing', async () => {
    const before = (await api.get('/api/v1/me/cases', citizen)).body.items.length;
    const attempts = [
      api.post('/api/v1/cases', '{"procedureId": ', citizen),
      api.post('/api/v1/cases', { procedureId: 'signalement-voirie' }, citizen),
      api.post(
        '/api/v1/cases',
        { procedureId: 'signalement-voirie', data: { ...POTHOLE, description: 'court' } },
        citizen,
      ),
      api.post('/api/v1/cases', { procedureId: 'signalement-voirie', data: { ...POTHOLE, hack: '<script>' } }, citizen),
      api.post(
        '/api/v1/cases',
        `{"procedureId":"signalement-voirie","data":${JSON.stringify(POTHOLE)},"__proto__":{"admin":true}}`,
        citizen,
      ),
      api.post('/api/v1/cases', { procedureId: "'; drop table events; --", data: {} }, citizen),
      api.post('/api/v1/cases', [1, 2, 3], citizen),
      api.call('POST', '/api/v1/cases', { token: citizen, body: 'x'.repeat(2 * 1024 * 1024) }),
      api.post('/api/v1/cases/not-a-uuid/notes', { text: 'x' }, agent),
      api.post('/api/v1/session', { email: 'citoyen@demo.guichet.test', password: 'wrong' }),
      api.post('/api/v1/accounts', { email: 'pas-un-email', password: 'court', profile: {} }),
    ];
    const results = await Promise.all(attempts);
    for (const r of results) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(results[2]!.body.errors).toContainEqual({ field: 'data.description', message: expect.any(String) });
    expect(results[3]!.body.errors.map((e: { field: string }) => e.field)).toContain('data.hack');
    expect(results[10]!.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['email']));
    expect((await api.get('/api/v1/me/cases', citizen)).body.items.length).toBe(before);
  });

  it('lets an anonymous resident report a pothole and follow it with the tracking code only', async () => {
    const submitted = await api.post('/api/v1/cases', { procedureId: 'signalement-voirie', data: POTHOLE });
    expect(submitted.status).toBe(201);
    const code = submitted.body.trackingCode as string;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const followed = await api.get(`/api/v1/tracking/${code.toLowerCase()}`);
    expect(followed.status).toBe(200);
    expect(followed.body.case.reference).toBe(submitted.body.reference);
    expect((await api.get('/api/v1/tracking/AAAA-BBBB-CCCC')).status).toBe(404);
    // The code also opens the live feed; an agent's message shows up on it.
    const live = await openEventStream(`${server.url}/api/v1/tracking/${code}/live`, '');
    expect(
      (
        await api.post(
          `/api/v1/cases/${submitted.body.id}/messages`,
          { message: 'Merci, nous passons demain.' },
          voirieAgent,
        )
      ).status,
    ).toBe(200);
    const pushed = await live.next((m) => m.event === 'timeline' && m.data.type === 'MessageSent');
    expect(pushed.data.actor).toEqual({ kind: 'service', name: expect.any(String) });
    live.close();
    expect((await api.post(`/api/v1/tracking/${code}/messages`, { message: 'Parfait, merci !' })).status).toBe(200);
    // A procedure that needs an account refuses anonymous submissions.
    expect((await api.post('/api/v1/cases', { procedureId: 'acte-de-naissance', data: {} })).status).toBe(401);
  });

  it('stores an uploaded photo by content, attaches it, and serves it only to those who may see the case', async () => {
    // The smallest valid PNG: a 1×1 transparent pixel.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const upload = await fetch(`${server.url}/api/v1/documents?fileName=${encodeURIComponent('nid de poule.png')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    const doc = (await upload.json()) as { documentId: string; sha256: string; size: number };
    expect(doc.size).toBe(png.length);
    const disguised = await fetch(`${server.url}/api/v1/documents?fileName=facture.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: png,
    });
    expect(disguised.status).toBe(415);

    const submitted = await api.post(
      '/api/v1/cases',
      { procedureId: 'signalement-voirie', data: { ...POTHOLE, photo: doc.documentId } },
      citizen,
    );
    expect(submitted.status).toBe(201);
    const view = await api.get(`/api/v1/cases/${submitted.body.id}`, voirieAgent);
    expect(view.body.data.photo.sha256).toBe(doc.sha256);
    const download = await fetch(`${server.url}/api/v1/cases/${submitted.body.id}/documents/${doc.documentId}`, {
      headers: { authorization: `Bearer ${voirieAgent}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    const stranger = await fetch(`${server.url}/api/v1/cases/${submitted.body.id}/documents/${doc.documentId}`, {
      headers: { authorization: `Bearer ${otherCitizen}` },
    });
    expect(stranger.status).toBe(404);
    // Someone else's upload cannot be attached by guessing its id.
    const stolen = await api.post(
      '/api/v1/cases',
      { procedureId: 'signalement-voirie', data: { ...POTHOLE, photo: doc.documentId } },
      otherCitizen,
    );
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].field).toBe('data.photo');
  });

  it('serves the demo town’s attachments with their real content', async () => {
    const queue = (await api.get('/api/v1/queues?limit=200', agent)).body.items as { id: string }[];
    let found: { caseId: string; documentId: string } | null = null;
    for (const c of queue) {
      const view = (await api.get(`/api/v1/cases/${c.id}`, agent)).body as { documents: { documentId: string }[] };
      if (view.documents.length > 0) {
        found = { caseId: c.id, documentId: view.documents[0]!.documentId };
        break;
      }
    }
    expect(found).not.toBeNull();
    const res = await fetch(`${server.url}/api/v1/cases/${found!.caseId}/documents/${found!.documentId}`, {
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

/** Every route of API v1 outside administration, with the exact status each principal gets (columns: see matrix-rows.ts). */
import { ADMIN_ROWS } from './matrix-admin-routes.ts';
import { TENANT_ROWS } from './matrix-tenant-routes.ts';
import { EMAILS, type MatrixContext } from './matrix-context.ts';
import {
  action,
  AGENT_ACTION,
  CASE_READ,
  CITIZEN,
  e,
  EITHER_SIDE,
  get,
  LOGGED_IN,
  MANAGERS,
  OWNER_ACTION,
  PUBLIC,
  STAFF,
  type Row,
} from './matrix-rows.ts';

export type { Row } from './matrix-rows.ts';

const CORE_ROWS: Row[] = [
  get('/health', PUBLIC, () => '/health'),
  get('/ready', PUBLIC, () => '/ready'),
  {
    method: 'POST',
    path: '/api/v1/session',
    expect: PUBLIC,
    request: () => ({ url: '/api/v1/session', body: { email: 'citoyen@demo.guichet.test', password: 'guichet-demo' } }),
  },
  get('/api/v1/session', LOGGED_IN, () => '/api/v1/session'),
  {
    method: 'DELETE',
    path: '/api/v1/session',
    expect: e(204, 204, 204, 204, 204, 204, 204, 204),
    // Logs out a session of its own, so the matrix keeps its tokens.
    request: async (p, c) =>
      p === 'anonymous'
        ? { url: '/api/v1/session' }
        : { url: '/api/v1/session', headers: { authorization: `Bearer ${await c.login(EMAILS[p])}` } },
  },
  {
    // Signing up is for people without an account: someone logged in is told to log out first.
    method: 'POST',
    path: '/api/v1/accounts',
    expect: e(201, 403, 403, 403, 403, 403, 403, 403),
    request: (_p, c) => ({
      url: '/api/v1/accounts',
      body: {
        email: `habitant.${c.unique()}@exemple.fr`,
        password: 'un-mot-de-passe-long',
        profile: { firstName: 'Léa', lastName: 'Roux' },
      },
    }),
  },
  get('/api/v1/procedures', PUBLIC, () => '/api/v1/procedures'),
  get('/api/v1/procedures/{idOrSlug}', PUBLIC, () => '/api/v1/procedures/signalement-voirie'),
  get('/api/v1/services', PUBLIC, () => '/api/v1/services'),
  {
    method: 'POST',
    path: '/api/v1/documents',
    expect: e(201, 201, 201, 201, 201, 201, 201, 201),
    request: () => ({
      url: '/api/v1/documents?fileName=note.txt',
      body: 'Une note.',
      headers: { 'content-type': 'text/plain' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/cases',
    expect: e(201, 201, 201, 201, 403, 201, 201, 403),
    request: (_p, c) => ({
      url: '/api/v1/cases',
      body: { procedureId: 'signalement-voirie', data: POTHOLE_DATA(c), contact: CONTACT },
    }),
  },
  action('acknowledge', 'submitted', AGENT_ACTION, () => ({})),
  // A colleague of the service, so only who asks decides (with "me", a citizen would be refused as assignee, 400).
  action('assign', 'open', AGENT_ACTION, (_p, c) => ({ assignee: c.agentOfServiceId })),
  action('unassign', 'assigned', AGENT_ACTION, () => ({})),
  action('transfer', 'open', AGENT_ACTION, () => ({ serviceId: 'education', reason: 'Relève des écoles.' })),
  action('request-information', 'open', AGENT_ACTION, () => ({ message: 'Quel numéro ?' })),
  // The resident answers online; an agent of the service records an answer received by letter or at the counter.
  action('provide-information', 'waiting', EITHER_SIDE, () => ({ message: 'Le 14.' })),
  action('messages', 'open', EITHER_SIDE, () => ({ message: 'Bonjour.' })),
  action('phone-calls', 'open', AGENT_ACTION, () => ({ direction: 'inbound', durationSeconds: 60, summary: 'Appel.' })),
  action('letters', 'open', AGENT_ACTION, () => ({ direction: 'outbound', summary: 'Courrier envoyé.' })),
  action('visits', 'open', AGENT_ACTION, () => ({ summary: 'Passage au guichet.' })),
  action('notes', 'open', AGENT_ACTION, () => ({ text: 'Note interne.' })),
  action('transitions', 'open', AGENT_ACTION, () => ({ transitionId: 'programmer' })),
  action('decision', 'open', AGENT_ACTION, () => ({ outcome: 'accepted', reason: 'Accepté.' })),
  action('close', 'decided', AGENT_ACTION, () => ({ reason: 'Fini.' })),
  action('reopen', 'closed', AGENT_ACTION, () => ({ reason: 'Le trou est revenu.' })),
  action('rating', 'closed', OWNER_ACTION, () => ({ score: 4 })),
  action('documents', 'open', EITHER_SIDE, async (p, c) => ({ documents: [await c.upload(p)] })),
  get('/api/v1/cases/{id}', CASE_READ, (c) => `/api/v1/cases/${c.caseId}`),
  get('/api/v1/cases/{id}/timeline', CASE_READ, (c) => `/api/v1/cases/${c.caseId}/timeline`),
  get(
    '/api/v1/cases/{id}/as-of',
    e(401, 403, 403, 200, 404, 200, 200, 403),
    (c) => `/api/v1/cases/${c.caseId}/as-of?at=${encodeURIComponent(new Date().toISOString())}`,
  ),
  get(
    '/api/v1/cases/{id}/documents/{documentId}',
    CASE_READ,
    (c) => `/api/v1/cases/${c.caseId}/documents/${c.documentId}`,
  ),
  get('/api/v1/cases/{id}/live', CASE_READ, (c) => `/api/v1/cases/${c.caseId}/live`, true),
  get('/api/v1/me', CITIZEN, () => '/api/v1/me'),
  {
    method: 'PUT',
    path: '/api/v1/me/profile',
    expect: CITIZEN,
    request: () => ({ url: '/api/v1/me/profile', body: { profile: { firstName: 'Marie', lastName: 'Dupont' } } }),
  },
  get('/api/v1/me/cases', CITIZEN, () => '/api/v1/me/cases'),
  get('/api/v1/me/history', CITIZEN, () => '/api/v1/me/history'),
  get('/api/v1/me/export', CITIZEN, () => '/api/v1/me/export'),
  get('/api/v1/me/drafts', CITIZEN, () => '/api/v1/me/drafts'),
  // Only citizen A saved a draft: B has none to read.
  get(
    '/api/v1/me/drafts/{procedureId}',
    e(401, 200, 404, 403, 403, 403, 403, 403),
    () => '/api/v1/me/drafts/signalement-voirie',
  ),
  {
    method: 'PUT',
    path: '/api/v1/me/drafts/{procedureId}',
    expect: CITIZEN,
    request: () => ({ url: '/api/v1/me/drafts/enlevement-encombrants', body: { data: { volume: 1 } } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/me/drafts/{procedureId}',
    expect: e(401, 204, 204, 403, 403, 403, 403, 403),
    request: () => ({ url: '/api/v1/me/drafts/enlevement-encombrants' }),
  },
  get('/api/v1/tracking/{code}', PUBLIC, (c) => `/api/v1/tracking/${c.trackingCode}`),
  get('/api/v1/tracking/{code}/live', PUBLIC, (c) => `/api/v1/tracking/${c.trackingCode}/live`, true),
  get(
    '/api/v1/tracking/{code}/documents/{documentId}',
    PUBLIC,
    (c) => `/api/v1/tracking/${c.trackingCode}/documents/${c.anonymousDocumentId}`,
  ),
  {
    method: 'POST',
    path: '/api/v1/tracking/{code}/messages',
    expect: PUBLIC,
    request: async (_p, c) => ({
      url: `/api/v1/tracking/${await c.freshTrackingCode()}/messages`,
      body: { message: 'Des nouvelles ?' },
    }),
  },
  // The anonymous report is not waiting for an answer: the code opens it (no 401/404), the state refuses.
  {
    method: 'POST',
    path: '/api/v1/tracking/{code}/provide-information',
    expect: e(409, 409, 409, 409, 409, 409, 409, 409),
    request: (_p, c) => ({
      url: `/api/v1/tracking/${c.trackingCode}/provide-information`,
      body: { message: 'Voici.' },
    }),
  },
  get('/api/v1/queues', STAFF, () => '/api/v1/queues'),
  get('/api/v1/queues/live', STAFF, () => '/api/v1/queues/live', true),
  get('/api/v1/search', STAFF, () => '/api/v1/search?q=trou'),
  get('/api/v1/citizens', STAFF, () => '/api/v1/citizens?q=dupont'),
  {
    method: 'POST',
    path: '/api/v1/citizens',
    expect: e(401, 403, 403, 201, 201, 201, 201, 403),
    request: () => ({ url: '/api/v1/citizens', body: { profile: CONTACT } }),
  },
  get('/api/v1/citizens/{id}/history', STAFF, (c) => `/api/v1/citizens/${c.citizenAId}/history`),
  get('/api/v1/agents', STAFF, () => '/api/v1/agents'),
  get('/api/v1/stats/overview', MANAGERS, () => '/api/v1/stats/overview'),
  get('/api/v1/stats/cases', MANAGERS, () => '/api/v1/stats/cases?metric=received'),
  get('/api/v1/stats/alerts', STAFF, () => '/api/v1/stats/alerts'),
  get('/api/v1/exports/{dataset}', MANAGERS, () => '/api/v1/exports/requests?format=csv&limit=10'),
  get('/api/v1/opendata', PUBLIC, () => '/api/v1/opendata'),
  get('/api/v1/opendata/{file}', PUBLIC, () => '/api/v1/opendata/dictionnaire.csv'),
];

export const ROWS: Row[] = [...CORE_ROWS, ...ADMIN_ROWS, ...TENANT_ROWS];

const CONTACT = { firstName: 'Yvette', lastName: 'Rousseau', phone: '03 88 12 45 67' };

const POTHOLE_DATA = (c: MatrixContext) => ({
  type: 'nid-de-poule',
  localisation: `${c.unique()} rue de la République`,
  description: 'Un gros nid-de-poule sur la chaussée devant la boulangerie, dangereux pour les vélos.',
});

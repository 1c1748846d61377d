/**
 * Every route of API v1 with the exact status each principal gets. Columns, in order:
 * anonymous, citizen A (the case's owner), citizen B, agent of the case's service, agent of another
 * service, manager, administrator. A stranger to a case gets 404, never 403 (docs/api.md).
 */
import { EMAILS, type MatrixContext, type Principal, type Stage } from './matrix-context.ts';

export type Expect = Record<Principal, number>;
const e = (anonymous: number, citizenA: number, citizenB: number, agentOfService: number, agentOfOther: number, manager: number, admin: number): Expect => ({
  anonymous, citizenA, citizenB, agentOfService, agentOfOther, manager, admin,
});

export interface Req {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the OpenAPI document writes it. */
  path: string;
  expect: Expect;
  /** Server-Sent Events: asked over real HTTP, only the status is read. */
  sse?: boolean;
  /** `allowed`: the cell is expected to succeed, so it gets resources of its own. */
  request(p: Principal, c: MatrixContext, allowed: boolean): Promise<Req> | Req;
}

const PUBLIC = e(200, 200, 200, 200, 200, 200, 200);
const LOGGED_IN = e(401, 200, 200, 200, 200, 200, 200);
const CASE_READ = e(401, 200, 404, 200, 404, 200, 200);
const CITIZEN = e(401, 200, 200, 403, 403, 403, 403);
const STAFF = e(401, 403, 403, 200, 200, 200, 200);
/** Figures of service quality: managers and administrators of a service. */
const MANAGERS = e(401, 403, 403, 403, 403, 200, 200);
const ADMIN = e(401, 403, 403, 403, 403, 403, 200);
const ADMIN_CREATE = e(401, 403, 403, 403, 403, 403, 201);
const AGENT_ACTION = e(401, 403, 404, 200, 404, 200, 200);
const EITHER_SIDE = e(401, 200, 404, 200, 404, 200, 200);
const OWNER_ACTION = e(401, 200, 404, 403, 404, 403, 403);

const get = (path: string, expect: Expect, url: (c: MatrixContext) => string, sse = false): Row => ({ method: 'GET', path, expect, sse, request: (_p, c) => ({ url: url(c) }) });

function action(name: string, stage: Stage, expect: Expect, body: (p: Principal, c: MatrixContext) => unknown | Promise<unknown>): Row {
  return {
    method: 'POST',
    path: `/api/v1/cases/{id}/${name}`,
    expect,
    async request(p, c, allowed) {
      const id = allowed ? await c.freshCase(stage) : await c.sharedCase(stage);
      return { url: `/api/v1/cases/${id}/${name}`, body: await body(p, c) };
    },
  };
}

export const ROWS: Row[] = [
  get('/health', PUBLIC, () => '/health'),
  get('/ready', PUBLIC, () => '/ready'),
  { method: 'POST', path: '/api/v1/session', expect: PUBLIC, request: () => ({ url: '/api/v1/session', body: { email: 'citoyen@demo.guichet.test', password: 'guichet-demo' } }) },
  get('/api/v1/session', LOGGED_IN, () => '/api/v1/session'),
  {
    method: 'DELETE', path: '/api/v1/session', expect: e(204, 204, 204, 204, 204, 204, 204),
    // Logs out a session of its own, so the matrix keeps its tokens.
    request: async (p, c) => ({ url: '/api/v1/session', headers: p === 'anonymous' ? {} : { authorization: `Bearer ${await c.login(EMAILS[p])}` } }),
  },
  {
    // Signing up is for people without an account: someone logged in is told to log out first.
    method: 'POST', path: '/api/v1/accounts', expect: e(201, 403, 403, 403, 403, 403, 403),
    request: (_p, c) => ({ url: '/api/v1/accounts', body: { email: `habitant.${c.unique()}@exemple.fr`, password: 'un-mot-de-passe-long', profile: { firstName: 'Léa', lastName: 'Roux' } } }),
  },
  get('/api/v1/procedures', PUBLIC, () => '/api/v1/procedures'),
  get('/api/v1/procedures/{idOrSlug}', PUBLIC, () => '/api/v1/procedures/signalement-voirie'),
  get('/api/v1/services', PUBLIC, () => '/api/v1/services'),
  {
    method: 'POST', path: '/api/v1/documents', expect: e(201, 201, 201, 201, 201, 201, 201),
    request: () => ({ url: '/api/v1/documents?fileName=note.txt', body: 'Une note.', headers: { 'content-type': 'text/plain' } }),
  },
  {
    method: 'POST', path: '/api/v1/cases', expect: e(201, 201, 201, 201, 403, 201, 201),
    request: (_p, c) => ({ url: '/api/v1/cases', body: { procedureId: 'signalement-voirie', data: POTHOLE_DATA(c), contact: CONTACT } }),
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
  get('/api/v1/cases/{id}/as-of', e(401, 403, 403, 200, 404, 200, 200), (c) => `/api/v1/cases/${c.caseId}/as-of?at=${encodeURIComponent(new Date().toISOString())}`),
  get('/api/v1/cases/{id}/documents/{documentId}', CASE_READ, (c) => `/api/v1/cases/${c.caseId}/documents/${c.documentId}`),
  get('/api/v1/cases/{id}/live', CASE_READ, (c) => `/api/v1/cases/${c.caseId}/live`, true),
  get('/api/v1/me', CITIZEN, () => '/api/v1/me'),
  { method: 'PUT', path: '/api/v1/me/profile', expect: CITIZEN, request: () => ({ url: '/api/v1/me/profile', body: { profile: { firstName: 'Marie', lastName: 'Dupont' } } }) },
  get('/api/v1/me/cases', CITIZEN, () => '/api/v1/me/cases'),
  get('/api/v1/me/history', CITIZEN, () => '/api/v1/me/history'),
  get('/api/v1/me/export', CITIZEN, () => '/api/v1/me/export'),
  get('/api/v1/me/drafts', CITIZEN, () => '/api/v1/me/drafts'),
  // Only citizen A saved a draft: B has none to read.
  get('/api/v1/me/drafts/{procedureId}', e(401, 200, 404, 403, 403, 403, 403), () => '/api/v1/me/drafts/signalement-voirie'),
  { method: 'PUT', path: '/api/v1/me/drafts/{procedureId}', expect: CITIZEN, request: () => ({ url: '/api/v1/me/drafts/enlevement-encombrants', body: { data: { volume: 1 } } }) },
  { method: 'DELETE', path: '/api/v1/me/drafts/{procedureId}', expect: e(401, 204, 204, 403, 403, 403, 403), request: () => ({ url: '/api/v1/me/drafts/enlevement-encombrants' }) },
  get('/api/v1/tracking/{code}', PUBLIC, (c) => `/api/v1/tracking/${c.trackingCode}`),
  {
    method: 'POST', path: '/api/v1/tracking/{code}/messages', expect: PUBLIC,
    request: async (_p, c) => ({ url: `/api/v1/tracking/${await c.freshTrackingCode()}/messages`, body: { message: 'Des nouvelles ?' } }),
  },
  // The anonymous report is not waiting for an answer: the code opens it (no 401/404), the state refuses.
  { method: 'POST', path: '/api/v1/tracking/{code}/provide-information', expect: e(409, 409, 409, 409, 409, 409, 409), request: (_p, c) => ({ url: `/api/v1/tracking/${c.trackingCode}/provide-information`, body: { message: 'Voici.' } }) },
  get('/api/v1/queues', STAFF, () => '/api/v1/queues'),
  get('/api/v1/queues/live', STAFF, () => '/api/v1/queues/live', true),
  get('/api/v1/search', STAFF, () => '/api/v1/search?q=trou'),
  get('/api/v1/citizens', STAFF, () => '/api/v1/citizens?q=dupont'),
  { method: 'POST', path: '/api/v1/citizens', expect: e(401, 403, 403, 201, 201, 201, 201), request: () => ({ url: '/api/v1/citizens', body: { profile: CONTACT } }) },
  get('/api/v1/citizens/{id}/history', STAFF, (c) => `/api/v1/citizens/${c.citizenAId}/history`),
  get('/api/v1/agents', STAFF, () => '/api/v1/agents'),
  get('/api/v1/stats/overview', MANAGERS, () => '/api/v1/stats/overview'),
  get('/api/v1/stats/cases', MANAGERS, () => '/api/v1/stats/cases?metric=received'),
  get('/api/v1/stats/alerts', STAFF, () => '/api/v1/stats/alerts'),
  get('/api/v1/exports/{dataset}', MANAGERS, () => '/api/v1/exports/requests?format=csv&limit=10'),
  get('/api/v1/opendata', PUBLIC, () => '/api/v1/opendata'),
  get('/api/v1/opendata/{file}', PUBLIC, () => '/api/v1/opendata/dictionnaire.csv'),
  get('/api/v1/admin/procedures', ADMIN, () => '/api/v1/admin/procedures'),
  { method: 'POST', path: '/api/v1/admin/procedures', expect: ADMIN_CREATE, request: (_p, c) => ({ url: '/api/v1/admin/procedures', body: { slug: `essai-${c.unique()}`, definition: c.definition() } }) },
  get('/api/v1/admin/procedures/{id}', ADMIN, (c) => `/api/v1/admin/procedures/${c.procedureId}`),
  { method: 'POST', path: '/api/v1/admin/procedures/validate', expect: ADMIN, request: (_p, c) => ({ url: '/api/v1/admin/procedures/validate', body: { definition: c.definition() } }) },
  {
    method: 'PUT', path: '/api/v1/admin/procedures/{id}/draft', expect: ADMIN,
    request: async (_p, c, allowed) => ({ url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure() : c.procedureId}/draft`, body: { definition: c.definition('Nouveau titre') } }),
  },
  { method: 'POST', path: '/api/v1/admin/procedures/{id}/publish', expect: ADMIN, request: async (_p, c, allowed) => ({ url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure() : c.procedureId}/publish`, body: {} }) },
  { method: 'POST', path: '/api/v1/admin/procedures/{id}/retire', expect: ADMIN, request: async (_p, c, allowed) => ({ url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure(true) : c.procedureId}/retire`, body: { reason: 'Remplacée.' } }) },
  get('/api/v1/admin/procedures/{id}/diff', ADMIN, (c) => `/api/v1/admin/procedures/${c.procedureId}/diff?from=1&to=draft`),
  get('/api/v1/admin/procedures/{id}/export', ADMIN, (c) => `/api/v1/admin/procedures/${c.procedureId}/export`),
  { method: 'POST', path: '/api/v1/admin/procedures/import', expect: ADMIN_CREATE, request: (_p, c) => ({ url: '/api/v1/admin/procedures/import', body: { format: 'guichet-procedure/1', slug: `importee-${c.unique()}`, definition: c.definition() } }) },
  get('/api/v1/admin/agents', ADMIN, () => '/api/v1/admin/agents'),
  { method: 'POST', path: '/api/v1/admin/agents', expect: ADMIN_CREATE, request: (_p, c) => ({ url: '/api/v1/admin/agents', body: { email: `agent.${c.unique()}@demo.guichet.test`, name: 'Nouvel Agent', roles: [] } }) },
  { method: 'POST', path: '/api/v1/admin/agents/{id}/roles', expect: ADMIN, request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/roles`, body: { serviceId: 'education', role: 'agent' } }) },
  { method: 'DELETE', path: '/api/v1/admin/agents/{id}/roles/{serviceId}/{role}', expect: ADMIN, request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/roles/voirie/agent` }) },
  { method: 'POST', path: '/api/v1/admin/agents/{id}/deactivate', expect: ADMIN, request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/deactivate`, body: { reason: 'Départ.' } }) },
  { method: 'POST', path: '/api/v1/admin/agents/{id}/reactivate', expect: ADMIN, request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent('deactivated')}/reactivate` }) },
  { method: 'POST', path: '/api/v1/admin/agents/{id}/reset-access', expect: ADMIN, request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/reset-access` }) },
  get('/api/v1/admin/audit', ADMIN, () => '/api/v1/admin/audit?limit=20'),
  { method: 'POST', path: '/api/v1/admin/services', expect: ADMIN_CREATE, request: (_p, c) => ({ url: '/api/v1/admin/services', body: { id: `service-${c.unique()}`, name: 'Service test' } }) },
];

const CONTACT = { firstName: 'Yvette', lastName: 'Rousseau', phone: '03 88 12 45 67' };

const POTHOLE_DATA = (c: MatrixContext) => ({
  type: 'nid-de-poule',
  localisation: `${c.unique()} rue de la République`,
  description: 'Un gros nid-de-poule sur la chaussée devant la boulangerie, dangereux pour les vélos.',
});

/**
 * Administration routes: administrators only (designers too for procedures; the demo admin is both).
 * The delegate drafts the procedures of the road category (the pothole report is one), never publishes.
 */
import { ADMIN, ADMIN_CREATE, DELEGATE_ONLY, DESIGN, DESIGN_CREATE, get, type Row } from './matrix-rows.ts';

/** Approving or rejecting a delegate's proposal: each allowed cell decides on a proposal of its own. */
const decide = (decision: 'approve' | 'reject', body: unknown): Row => ({
  method: 'POST',
  path: `/api/v1/admin/procedures/{id}/${decision}`,
  expect: ADMIN,
  request: async (_p, c, allowed) => ({
    url: `/api/v1/admin/procedures/${allowed ? await c.freshSubmitted() : c.procedureId}/${decision}`,
    body,
  }),
});

export const ADMIN_ROWS: Row[] = [
  get('/api/v1/admin/procedures', DESIGN, () => '/api/v1/admin/procedures'),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures',
    expect: DESIGN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/procedures',
      body: { slug: `essai-${c.unique()}`, definition: c.definition() },
    }),
  },
  get('/api/v1/admin/procedures/{id}', DESIGN, (c) => `/api/v1/admin/procedures/${c.procedureId}`),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/validate',
    expect: DESIGN,
    request: (_p, c) => ({ url: '/api/v1/admin/procedures/validate', body: { definition: c.definition() } }),
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/procedures/{id}/draft',
    expect: DESIGN,
    request: async (_p, c, allowed) => ({
      url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure() : c.procedureId}/draft`,
      body: { definition: c.definition('Nouveau titre') },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/{id}/publish',
    expect: ADMIN,
    request: async (_p, c, allowed) => ({
      url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure() : c.procedureId}/publish`,
      body: {},
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/{id}/retire',
    expect: ADMIN,
    request: async (_p, c, allowed) => ({
      url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure(true) : c.procedureId}/retire`,
      body: { reason: 'Remplacée.' },
    }),
  },
  get(
    '/api/v1/admin/procedures/{id}/diff',
    DESIGN,
    (c) => `/api/v1/admin/procedures/${c.procedureId}/diff?from=1&to=draft`,
  ),
  get('/api/v1/admin/procedures/{id}/export', DESIGN, (c) => `/api/v1/admin/procedures/${c.procedureId}/export`),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/import',
    expect: DESIGN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/procedures/import',
      body: { format: 'guichet-procedure/1', slug: `importee-${c.unique()}`, definition: c.definition() },
    }),
  },
  get('/api/v1/admin/agents', ADMIN, () => '/api/v1/admin/agents'),
  {
    method: 'POST',
    path: '/api/v1/admin/agents',
    expect: ADMIN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/agents',
      body: { email: `agent.${c.unique()}@demo.guichet.test`, name: 'Nouvel Agent', roles: [] },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/agents/{id}/roles',
    expect: ADMIN,
    request: async (_p, c) => ({
      url: `/api/v1/admin/agents/${await c.freshAgent()}/roles`,
      body: { serviceId: 'education', role: 'agent' },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/agents/{id}/roles/{serviceId}/{role}',
    expect: ADMIN,
    request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/roles/voirie/agent` }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/agents/{id}/deactivate',
    expect: ADMIN,
    request: async (_p, c) => ({
      url: `/api/v1/admin/agents/${await c.freshAgent()}/deactivate`,
      body: { reason: 'Départ.' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/agents/{id}/reactivate',
    expect: ADMIN,
    request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent('deactivated')}/reactivate` }),
  },
  {
    method: 'POST',
    path: '/api/v1/admin/agents/{id}/reset-access',
    expect: ADMIN,
    request: async (_p, c) => ({ url: `/api/v1/admin/agents/${await c.freshAgent()}/reset-access` }),
  },
  get('/api/v1/admin/audit', ADMIN, () => '/api/v1/admin/audit?limit=20'),
  {
    method: 'POST',
    path: '/api/v1/admin/services',
    expect: ADMIN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/services',
      body: { id: `service-${c.unique()}`, name: 'Service test' },
    }),
  },
  get('/api/v1/admin/delegations', ADMIN, () => '/api/v1/admin/delegations'),
  {
    method: 'POST',
    path: '/api/v1/admin/delegations',
    expect: ADMIN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/delegations',
      body: {
        email: `delegue.${c.unique()}@exemple.fr`,
        name: 'Délégué Test',
        organisation: 'Comité de quartier',
        category: 'voirie-cadre-de-vie',
      },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/admin/delegations/{id}/{category}',
    expect: ADMIN,
    request: async (_p, c) => ({ url: `/api/v1/admin/delegations/${await c.freshDelegate()}/voirie-cadre-de-vie` }),
  },
  get('/api/v1/admin/moderation', ADMIN, () => '/api/v1/admin/moderation'),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/{id}/submit',
    expect: DELEGATE_ONLY,
    request: async (_p, c, allowed) => ({
      url: `/api/v1/admin/procedures/${allowed ? await c.freshProcedure() : c.procedureId}/submit`,
      body: {},
    }),
  },
  decide('approve', {}),
  decide('reject', { reason: 'Précisez le délai.' }),
];

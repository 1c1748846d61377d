/** Administration routes: administrators only (designers too for procedures; the demo admin is both). */
import { ADMIN, ADMIN_CREATE, get, type Row } from './matrix-rows.ts';

export const ADMIN_ROWS: Row[] = [
  get('/api/v1/admin/procedures', ADMIN, () => '/api/v1/admin/procedures'),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures',
    expect: ADMIN_CREATE,
    request: (_p, c) => ({
      url: '/api/v1/admin/procedures',
      body: { slug: `essai-${c.unique()}`, definition: c.definition() },
    }),
  },
  get('/api/v1/admin/procedures/{id}', ADMIN, (c) => `/api/v1/admin/procedures/${c.procedureId}`),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/validate',
    expect: ADMIN,
    request: (_p, c) => ({ url: '/api/v1/admin/procedures/validate', body: { definition: c.definition() } }),
  },
  {
    method: 'PUT',
    path: '/api/v1/admin/procedures/{id}/draft',
    expect: ADMIN,
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
    ADMIN,
    (c) => `/api/v1/admin/procedures/${c.procedureId}/diff?from=1&to=draft`,
  ),
  get('/api/v1/admin/procedures/{id}/export', ADMIN, (c) => `/api/v1/admin/procedures/${c.procedureId}/export`),
  {
    method: 'POST',
    path: '/api/v1/admin/procedures/import',
    expect: ADMIN_CREATE,
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
];

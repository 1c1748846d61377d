/**
 * Organisations: their public pages (anyone), their branding (their administrator only). The demo
 * CCAS has a logo; the town's administrator re-saves the town's own branding.
 */
import { ADMIN, get, PUBLIC, type Row } from './matrix-rows.ts';

export const TENANT_ROWS: Row[] = [
  get('/api/v1/tenants', PUBLIC, () => '/api/v1/tenants'),
  get('/api/v1/tenants/{id}', PUBLIC, () => '/api/v1/tenants/ccas-de-s'),
  get('/api/v1/tenants/{id}/logo', PUBLIC, () => '/api/v1/tenants/ccas-de-s/logo'),
  get('/api/v1/admin/tenant', ADMIN, () => '/api/v1/admin/tenant'),
  {
    method: 'PUT',
    path: '/api/v1/admin/tenant/branding',
    expect: ADMIN,
    request: () => ({
      url: '/api/v1/admin/tenant/branding',
      body: { name: 'Ville de S.', tagline: null, primaryColour: '#000091', accentColour: '#a1000e' },
    }),
  },
];

import { readFileSync } from 'node:fs';
import type { OrganisationEvent } from '@guichet/domain';
import { defineProjection, knows, statementsPerEvent, type Handlers, type StatementContext } from '../projection.ts';

const run = (c: StatementContext, sql: string, params: unknown[]) => void c.statements.push([sql, params]);

const handlers: Handlers<OrganisationEvent, StatementContext> = {
  // A branding already applied keeps its name if TenantCreated is delivered again.
  TenantCreated: (c, d) =>
    run(
      c,
      `insert into rm_tenant_portals (id, name, created_at, updated_at) values ($1, $2, $3, $3)
       on conflict (id) do nothing`,
      [d.tenant, d.name, c.at],
    ),
  ServiceCreated: () => {},
  TenantBrandingChanged: (c, d) =>
    run(
      c,
      `insert into rm_tenant_portals (id, name, tagline, primary_colour, accent_colour, logo, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $7)
       on conflict (id) do update set name = excluded.name, tagline = excluded.tagline,
         primary_colour = excluded.primary_colour, accent_colour = excluded.accent_colour, logo = excluded.logo,
         updated_at = excluded.updated_at`,
      [d.tenant, d.name, d.tagline, d.primaryColour, d.accentColour, d.logo ? JSON.stringify(d.logo) : null, c.at],
    ),
};

/** rm_tenant_portals: one row per organisation, its name and branding. Every statement sets values: re-delivery changes nothing. */
export const tenantsProjection = defineProjection({
  name: 'tenants',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_tenant_portals',
  handles: (e) => knows(handlers, e),
  handleBatch: statementsPerEvent(handlers),
});

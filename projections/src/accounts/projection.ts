import { readFileSync } from 'node:fs';
import type { AgentEvent, CitizenEvent, OrganisationEvent, Profile } from '@guichet/domain';
import { defineProjection, knows, statementsPerEvent, type Handlers, type StatementContext } from '../projection.ts';

/** Lower-case without accents, so "helene" finds "Hélène". */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const profileName = (p: Profile) => `${p.firstName} ${p.lastName}`.trim();
const searchText = (name: string, email: string | null, p: Profile | null) =>
  fold([name, email, p?.email, p?.phone, p?.address?.city].filter(Boolean).join(' '));

const run = (c: StatementContext, sql: string, params: unknown[]) => void c.statements.push([sql, params]);

// A first row wins: `do nothing` without a target also keeps an email already taken by another account.
const INSERT_ACCOUNT = `insert into rm_accounts
  (id, kind, tenant, email, password_hash, name, profile, active, created_by, created_at, updated_at, search_text)
  values ($1, $2, $3, $4, $5, $6, $7, true, $8, $9, $9, $10) on conflict do nothing`;

const handlers: Handlers<CitizenEvent | AgentEvent | OrganisationEvent, StatementContext> = {
  TenantCreated: (c, d) =>
    run(c, 'insert into rm_tenants (id, name) values ($1, $2) on conflict (id) do update set name = excluded.name', [
      d.tenant,
      d.name,
    ]),
  TenantBrandingChanged: (c, d) => run(c, 'update rm_tenants set name = $2 where id = $1', [d.tenant, d.name]),
  ServiceCreated: (c, d) => {
    c.touched.serviceIds.add(d.serviceId);
    run(
      c,
      'insert into rm_services (id, tenant, name) values ($1, $2, $3) on conflict (id) do update set name = excluded.name',
      [d.serviceId, d.tenant, d.name],
    );
  },
  CitizenRegistered: (c, d) => {
    const email = d.email.toLowerCase();
    const name = profileName(d.profile);
    c.touched.citizenIds.add(d.citizenId);
    run(c, INSERT_ACCOUNT, [
      d.citizenId,
      'citizen',
      d.tenant,
      email,
      d.passwordHash,
      name,
      JSON.stringify(d.profile),
      null,
      c.at,
      searchText(name, email, d.profile),
    ]);
  },
  CitizenContactCreated: (c, d) => {
    const name = profileName(d.profile);
    c.touched.citizenIds.add(d.citizenId);
    run(c, INSERT_ACCOUNT, [
      d.citizenId,
      'citizen',
      d.tenant,
      null,
      null,
      name,
      JSON.stringify(d.profile),
      d.createdBy,
      c.at,
      searchText(name, null, d.profile),
    ]);
  },
  CitizenProfileUpdated: (c, d) => {
    const name = profileName(d.profile);
    c.touched.citizenIds.add(d.citizenId);
    run(
      c,
      `update rm_accounts set profile = $2, name = $3, updated_at = $4,
         search_text = $5 || ' ' || coalesce(email, '') where id = $1`,
      [d.citizenId, JSON.stringify(d.profile), name, c.at, searchText(name, null, d.profile)],
    );
  },
  CitizenPasswordChanged: (c, d) =>
    run(c, 'update rm_accounts set password_hash = $2, updated_at = $3 where id = $1', [
      d.citizenId,
      d.passwordHash,
      c.at,
    ]),
  AgentAccountCreated: (c, d) => {
    const email = d.email.toLowerCase();
    run(c, INSERT_ACCOUNT, [
      d.agentId,
      'agent',
      d.tenant,
      email,
      d.passwordHash,
      d.name,
      null,
      null,
      c.at,
      searchText(d.name, email, null),
    ]);
  },
  AgentRoleGranted: (c, d) => {
    c.touched.serviceIds.add(d.serviceId);
    run(c, 'insert into rm_agent_roles (agent_id, service_id, role) values ($1, $2, $3) on conflict do nothing', [
      d.agentId,
      d.serviceId,
      d.role,
    ]);
  },
  AgentRoleRevoked: (c, d) => {
    c.touched.serviceIds.add(d.serviceId);
    run(c, 'delete from rm_agent_roles where agent_id = $1 and service_id = $2 and role = $3', [
      d.agentId,
      d.serviceId,
      d.role,
    ]);
  },
  AgentDeactivated: (c, d) =>
    run(c, 'update rm_accounts set active = false, updated_at = $2 where id = $1', [d.agentId, c.at]),
  AgentReactivated: (c, d) =>
    run(c, 'update rm_accounts set active = true, updated_at = $2 where id = $1', [d.agentId, c.at]),
  CategoryDelegated: (c, d) =>
    run(
      c,
      `insert into rm_delegations (agent_id, category, organisation, delegated_at) values ($1, $2, $3, $4)
       on conflict (agent_id, category) do update set organisation = excluded.organisation`,
      [d.agentId, d.category, d.organisation, c.at],
    ),
  DelegationRevoked: (c, d) =>
    run(c, 'delete from rm_delegations where agent_id = $1 and category = $2', [d.agentId, d.category]),
  AgentPasswordReset: (c, d) =>
    run(c, 'update rm_accounts set password_hash = $2, updated_at = $3 where id = $1', [
      d.agentId,
      d.passwordHash,
      c.at,
    ]),
};

/**
 * rm_accounts, rm_agent_roles, rm_delegations, rm_services, rm_tenants. These events are rare, so each is one
 * statement. Every statement sets a value or adds to a set: replaying events already applied
 * (re-delivery) ends on the same rows.
 */
export const accountsProjection = defineProjection({
  name: 'accounts',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_accounts, rm_agent_roles, rm_delegations, rm_services, rm_tenants',
  handles: (e) => knows(handlers, e),
  handleBatch: statementsPerEvent(handlers),
});

-- The directory the API logs people in from, and the organisation.
create table if not exists rm_tenants (
  id text primary key,
  name text not null
);
create table if not exists rm_services (
  id text primary key,
  tenant text not null,
  name text not null
);
-- Citizens (with an account, or contacts recorded by an agent: no email, no password) and agents.
create table if not exists rm_accounts (
  id text primary key,
  kind text not null,
  tenant text not null,
  -- login, lower-case; null for a contact without an account
  email text,
  password_hash text,
  name text not null,
  profile jsonb,
  active boolean not null,
  created_by text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- lower-case, accents removed: name, emails, phone, city (agents looking someone up)
  search_text text not null
);
create unique index if not exists rm_accounts_email on rm_accounts (email) where email is not null;
create index if not exists rm_accounts_kind on rm_accounts (kind, tenant);
create table if not exists rm_agent_roles (
  agent_id text not null,
  service_id text not null,
  role text not null,
  primary key (agent_id, service_id, role)
);
-- Procedure categories (themes) delegated to third parties (associations, elected officials).
create table if not exists rm_delegations (
  agent_id text not null,
  category text not null,
  organisation text not null,
  delegated_at timestamptz not null,
  primary key (agent_id, category)
);

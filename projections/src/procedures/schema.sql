-- The catalogue of procedures ("démarches"). Listing columns follow the current published
-- version, or the draft while nothing is published.
create table if not exists rm_procedures (
  id text primary key,
  tenant text not null,
  slug text not null,
  title text not null,
  description text not null,
  theme text not null,
  service_id text not null,
  access text not null,
  deadline_days int not null,
  current_version int,
  retired boolean not null default false,
  retired_reason text,
  draft jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index if not exists rm_procedures_slug on rm_procedures (slug);
create table if not exists rm_procedure_versions (
  procedure_id text not null,
  version int not null,
  definition jsonb not null,
  published_at timestamptz not null,
  primary key (procedure_id, version)
);
-- A delegate's latest proposal per procedure: pending, approved or rejected (with the reason they read).
create table if not exists rm_procedure_moderation (
  procedure_id text primary key,
  status text not null,
  submitted_by text not null,
  submitted_at timestamptz not null,
  reason text,
  decided_by text,
  decided_at timestamptz
);

-- rm_cases: one row per case, as agents and citizens see it now.
create table if not exists rm_cases (
  id text primary key,
  reference text not null,
  tenant text not null,
  procedure_id text not null,
  procedure_version int not null,
  procedure_title text,
  service_id text not null,
  channel text not null,
  submitted_by text not null,
  status text not null,
  workflow_state text not null,
  workflow_label text,
  workflow_public_label text,
  assignee text,
  citizen_id text,
  contact_name text,
  contact_email text,
  contact jsonb,
  tracking_code_hash text,
  submitted_at timestamptz not null,
  acknowledged_at timestamptz,
  due_at timestamptz not null,
  paused_since timestamptz,
  open_request jsonb,
  decision_outcome text,
  decision_reason text,
  decided_at timestamptz,
  closed_at timestamptz,
  reopen_count int not null default 0,
  rating_score int,
  rating_comment text,
  last_activity_at timestamptz not null,
  last_public_activity_at timestamptz not null,
  stream_version int not null,
  position bigint not null,
  data jsonb not null,
  documents jsonb not null,
  messages jsonb not null
);
-- Queue tabs and their counts, by service.
create index if not exists rm_cases_queue_due on rm_cases (service_id, status, due_at, id);
create index if not exists rm_cases_queue_activity on rm_cases (service_id, last_activity_at desc, id);
create index if not exists rm_cases_assignee on rm_cases (assignee, status) where assignee is not null;
create index if not exists rm_cases_citizen on rm_cases (citizen_id, submitted_at desc) where citizen_id is not null;
create index if not exists rm_cases_reference on rm_cases (reference);

-- Quality indicators (docs/indicators.md). No personal data here: no names, contacts or free text.

-- One row per case: its milestones and its durations in business hours (pauses excluded), so that
-- percentiles are computed in SQL at query time. Days are Paris calendar days.
create table if not exists rm_ind_cases (
  case_id text primary key,
  tenant text not null,
  reference text not null,
  service_id text not null,
  procedure_id text not null,
  procedure_version int not null,
  channel text not null,
  submitted_by text not null,
  status text not null,
  assignee text,
  submitted_at timestamptz not null,
  submitted_day date not null,
  due_at timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_day date,
  first_response_at timestamptz,
  first_response_day date,
  decided_at timestamptz,
  decided_day date,
  decision_outcome text,
  closed_at timestamptz,
  closed_day date,
  waiting_since timestamptz,
  -- finished pauses: [[start, end], …] (ISO instants)
  pauses jsonb not null,
  paused_hours double precision not null,
  ack_hours double precision,
  first_response_hours double precision,
  decision_hours double precision,
  closure_hours double precision,
  closed_on_time boolean,
  reopen_count int not null,
  rating_score int,
  rated_at timestamptz,
  rated_day date,
  stream_version int not null,
  -- the last event applied, in $all order: exports since a position follow (log_txid, position)
  position bigint not null,
  log_txid xid8 not null
);
create index if not exists rm_ind_cases_open on rm_ind_cases (tenant, service_id, status, due_at);
create index if not exists rm_ind_cases_closed on rm_ind_cases (tenant, closed_day);
create index if not exists rm_ind_cases_log on rm_ind_cases (log_txid, position);

-- Flows per day: backlog at the end of a day is the running sum of `received + reopened +
-- transferred_in - closed - transferred_out` up to that day.
create table if not exists rm_ind_daily (
  tenant text not null,
  service_id text not null,
  procedure_id text not null,
  channel text not null,
  day date not null,
  received int not null default 0,
  decided int not null default 0,
  closed int not null default 0,
  closed_on_time int not null default 0,
  reopened int not null default 0,
  transferred_in int not null default 0,
  transferred_out int not null default 0,
  primary key (tenant, service_id, procedure_id, channel, day)
);
create index if not exists rm_ind_daily_day on rm_ind_daily (tenant, day);

-- Every contact with the resident, whatever the channel.
create table if not exists rm_ind_contacts (
  position bigint primary key,
  log_txid xid8 not null,
  case_id text not null,
  tenant text not null,
  service_id text not null,
  procedure_id text not null,
  kind text not null,
  channel text not null,
  direction text not null,
  at timestamptz not null,
  day date not null
);
create index if not exists rm_ind_contacts_log on rm_ind_contacts (log_txid, position);
create index if not exists rm_ind_contacts_day on rm_ind_contacts (tenant, day);

-- What each agent did on cases, per day.
create table if not exists rm_ind_agent_actions (
  tenant text not null,
  service_id text not null,
  agent_id text not null,
  day date not null,
  actions int not null,
  primary key (tenant, service_id, agent_id, day)
);

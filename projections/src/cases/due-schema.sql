-- rm_due_transitions: the automatic workflow transitions each open case is heading for, and when.
create table if not exists rm_due_transitions (
  case_id text not null,
  transition_id text not null,
  tenant text not null,
  service_id text not null,
  from_state text not null,
  to_state text not null,
  to_label text,
  after_days int not null,
  -- Stream version of the event that put the case in from_state: with the case and the transition,
  -- it names the automatic step once and for all (its command id derives from the three).
  entered_version int not null,
  entered_at timestamptz not null,
  due_at timestamptz not null,
  primary key (case_id, transition_id)
);
create index if not exists rm_due_transitions_due on rm_due_transitions (due_at);
-- Where each case stands, as far as automatic transitions care.
create table if not exists rm_due_cases (
  case_id text primary key,
  tenant text not null,
  service_id text not null,
  procedure_id text not null,
  procedure_version int not null,
  state text not null,
  entered_version int not null,
  entered_at timestamptz not null,
  closed boolean not null,
  stream_version int not null
);
-- The transitions with « passage automatique après N jours », per procedure version (0: the draft).
create table if not exists rm_due_rules (
  procedure_id text not null,
  version int not null,
  transitions jsonb not null,
  primary key (procedure_id, version)
);

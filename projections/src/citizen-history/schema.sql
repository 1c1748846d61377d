-- Which citizen a case belongs to (only CaseSubmitted says it).
create table if not exists rm_citizen_case_owners (
  case_id text primary key,
  citizen_id text not null,
  reference text not null
);
-- rm_citizen_history: every contact between a citizen and the town, whatever the request and the
-- channel. Internal notes and assignment changes never enter this table.
create table if not exists rm_citizen_history (
  case_id text not null,
  stream_version int not null,
  citizen_id text not null,
  reference text not null,
  position bigint not null,
  type text not null,
  at timestamptz not null,
  channel text not null,
  direction text,
  summary text not null,
  data jsonb not null,
  primary key (case_id, stream_version)
);
create index if not exists rm_citizen_history_by_citizen on rm_citizen_history (citizen_id, at desc, position desc);

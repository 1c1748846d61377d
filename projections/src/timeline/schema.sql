-- rm_case_timeline: every event of a case, one line each; `internal` rows are never shown to citizens.
create table if not exists rm_case_timeline (
  case_id text not null,
  stream_version int not null,
  position bigint not null,
  type text not null,
  at timestamptz not null,
  actor text not null,
  actor_role text,
  channel text not null,
  internal boolean not null,
  summary text not null,
  data jsonb not null,
  primary key (case_id, stream_version)
);

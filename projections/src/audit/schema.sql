-- Administrative actions (procedures, accounts, roles, services, organisations), newest first.
create table if not exists rm_audit (
  position bigint primary key,
  at timestamptz not null,
  tenant text not null,
  actor text not null,
  type text not null,
  stream_id text not null,
  summary text not null
);
create index if not exists rm_audit_tenant_at on rm_audit (tenant, at desc);

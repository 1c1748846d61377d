/**
 * The views of the read-only `bi` schema: flat facts and dimensions for Metabase, Superset or
 * Power BI. Stable: columns are only ever added. No personal data: no names, e-mails, phones,
 * addresses, free text, nor any citizen id. `s` is the schema holding the read models.
 */
export function biViews(s: string, bi: string): string {
  return `
create or replace view ${bi}.requests as
select c.case_id as request_id, c.reference, c.tenant, c.service_id, c.procedure_id, c.procedure_version, c.channel,
       c.submitted_by, c.status, c.submitted_at, c.submitted_day, c.due_at, c.acknowledged_at, c.first_response_at,
       c.decided_at, c.decision_outcome, c.closed_at, c.closed_day, c.waiting_since, c.paused_hours,
       c.ack_hours as ack_business_hours, c.first_response_hours as first_response_business_hours,
       c.decision_hours as decision_business_hours, c.closure_hours as closure_business_hours,
       c.closed_on_time, c.reopen_count, c.rating_score, c.rated_at, c.assignee is not null as assigned,
       c.position as last_position, c.log_txid
  from ${s}.rm_ind_cases c;

create or replace view ${bi}.events as
select e.position, e.transaction_id as log_txid, e.metadata->>'tenant' as tenant,
       split_part(e.stream_id, '-', 1) as stream_category, e.stream_version, e.type as event_type, e.schema_version,
       case when e.stream_id like 'case-%' then e.data->>'caseId' end as request_id,
       c.service_id, c.procedure_id,
       (e.metadata->>'recordedAt')::timestamptz as recorded_at, e.stored_at,
       e.metadata->>'channel' as channel, e.metadata->>'actorRole' as actor_role
  from ${s}.events e
  left join ${s}.rm_ind_cases c on e.stream_id like 'case-%' and c.case_id = e.data->>'caseId';

create or replace view ${bi}.contacts as
select position, log_txid, case_id as request_id, tenant, service_id, procedure_id, kind, channel, direction, at, day
  from ${s}.rm_ind_contacts;

create or replace view ${bi}.ratings as
select case_id as request_id, tenant, service_id, procedure_id, channel, rating_score as score, rated_at, rated_day,
       position as last_position, log_txid
  from ${s}.rm_ind_cases where rating_score is not null;

create or replace view ${bi}.daily as
select tenant, service_id, procedure_id, channel, day, received, decided, closed, closed_on_time, reopened,
       transferred_in, transferred_out,
       received + reopened + transferred_in - closed - transferred_out as backlog_change
  from ${s}.rm_ind_daily;

create or replace view ${bi}.procedures as
select id as procedure_id, tenant, slug, title, theme, service_id, access, deadline_days, current_version, retired
  from ${s}.rm_procedures;

create or replace view ${bi}.services as
select id as service_id, tenant, name from ${s}.rm_services;

create or replace view ${bi}.days as
select day, year, quarter, month, month_name, iso_year, iso_week, weekday, weekday_name, is_weekend, holiday_name, is_business_day
  from ${s}.bi_days;
`;
}

export const BI_VIEWS = [
  'requests',
  'events',
  'contacts',
  'ratings',
  'daily',
  'procedures',
  'services',
  'days',
] as const;

export const DAYS_DDL = `create table if not exists bi_days (
  day date primary key,
  year int not null,
  quarter int not null,
  month int not null,
  month_name text not null,
  iso_year int not null,
  iso_week int not null,
  weekday int not null,
  weekday_name text not null,
  is_weekend boolean not null,
  holiday_name text,
  is_business_day boolean not null
);`;

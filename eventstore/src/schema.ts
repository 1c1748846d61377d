/**
 * The event store's tables and its append function. Idempotent: run at every start.
 * docs/event-store.md explains every choice made here.
 */

/** SQLSTATEs raised by append_events (class "GE" is unused by PostgreSQL). */
export const SQLSTATE = {
  wrongExpectedVersion: 'GE409',
  notOwnTransaction: 'GE400',
  uniqueViolation: '23505',
} as const;

export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

export const MIGRATION = /* sql */ `
-- Sent as one simple query, so this runs as one implicit transaction: the lock keeps two
-- processes starting together from colliding in the catalogue on "if not exists".
select pg_advisory_xact_lock(hashtextextended('guichet.eventstore.migration', 0));

create table if not exists events (
  position bigserial primary key,
  transaction_id xid8 not null default pg_current_xact_id(),
  event_id uuid not null constraint events_event_id_key unique,
  stream_id text not null,
  stream_version int not null,
  type text not null,
  schema_version int not null,
  data jsonb not null,
  metadata jsonb not null,
  stored_at timestamptz not null default now(),
  constraint events_stream_version_key unique (stream_id, stream_version)
);

-- $all is read in (transaction_id, position) order.
create index if not exists events_transaction_id_position on events (transaction_id, position);

create table if not exists streams (
  stream_id text primary key,
  version int not null
);

-- Replaced below when its result type changes ("create or replace" cannot change it).
do $$
begin
  if exists (select 1 from pg_proc
              where proname = 'append_events' and pronamespace = current_schema()::regnamespace
                and pg_get_function_result(oid) <> 'TABLE(next_version integer, positions bigint[])') then
    drop function append_events(text, integer, jsonb);
  end if;
end
$$;

-- p_expected: null = any; 0 = the stream must not exist; n = the stream is at version n.
-- p_events: [{type, schemaVersion, data, metadata: {eventId, …}}, …] in stream order.
-- Event ids already stored fail the unique index (or, on a stale retry, the version check): the
-- store then looks them up to answer a retried append with its original result, off the hot path.
create or replace function append_events(p_stream_id text, p_expected int, p_events jsonb)
returns table (next_version int, positions bigint[])
language plpgsql as $fn$
declare
  v_count int := jsonb_array_length(p_events);
  v_current int;
  v_event jsonb;
begin
  -- Before any write, so that this transaction only gets its xid once it holds the stream:
  -- appends to one stream then get increasing xids, and $all order keeps stream order.
  -- An advisory lock assigns no xid.
  perform pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  if pg_current_xact_id_if_assigned() is not null then
    raise exception using
      errcode = 'GE400',
      message = 'append_events must run in a transaction of its own: this one already wrote, '
        || 'so its transaction id predates the stream lock and $all could reorder the stream';
  end if;

  -- A statement of its own, after the lock: a statement sees what was committed when it began,
  -- so this one sees the append that held the lock before us.
  select s.version into v_current from streams s where s.stream_id = p_stream_id;
  if p_expected is not null and p_expected <> coalesce(v_current, 0) then
    raise exception using
      errcode = 'GE409',
      message = format('stream %s: expected version %s, actual %s', p_stream_id, p_expected, coalesce(v_current, 0)),
      detail = coalesce(v_current, 0)::text;
  end if;

  if v_count = 1 then
    -- The common case, without unnesting, sorting and aggregating.
    v_event := p_events->0;
    insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
    values ((v_event->'metadata'->>'eventId')::uuid, p_stream_id, coalesce(v_current, 0) + 1, v_event->>'type',
            (v_event->>'schemaVersion')::int, v_event->'data', v_event->'metadata')
    returning array[events.position] into positions;
  else
    with inserted as (
      insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
      select (x->'metadata'->>'eventId')::uuid, p_stream_id, coalesce(v_current, 0) + i::int, x->>'type',
             (x->>'schemaVersion')::int, x->'data', x->'metadata'
        from jsonb_array_elements(p_events) with ordinality as t(x, i)
       order by i
      returning events.position
    )
    select array_agg(inserted.position order by inserted.position) into positions from inserted;
  end if;

  -- We hold the stream: no one else can create or move it meanwhile, so no upsert is needed.
  next_version := coalesce(v_current, 0) + v_count;
  if v_current is null then
    insert into streams (stream_id, version) values (p_stream_id, next_version);
  else
    update streams set version = next_version where stream_id = p_stream_id;
  end if;
  return next;
end
$fn$;
`;

/**
 * The event store's tables and its append function. Idempotent: run at every start.
 * docs/event-store.md explains every choice made here.
 */

/** SQLSTATEs raised by append_events (class "GE" is unused by PostgreSQL). */
export const SQLSTATE = {
  wrongExpectedVersion: 'GE409',
  eventIdConflict: 'GE422',
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

-- p_expected: null = any; 0 = the stream must not exist; n = the stream is at version n.
-- p_events: [{type, schemaVersion, data, metadata: {eventId, …}}, …] in stream order.
create or replace function append_events(p_stream_id text, p_expected int, p_events jsonb)
returns table (next_version int, positions bigint[], duplicate boolean)
language plpgsql as $fn$
declare
  v_count int := jsonb_array_length(p_events);
  v_ids uuid[];
  v_current int;
  v_found int;
  v_streams text[];
  v_last int;
  v_positions bigint[];
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

  -- Idempotency: a retried command brings the same event ids; answer with what was stored.
  -- "= any(array)" keeps this an index lookup; "in (select … from jsonb_array_elements)" gets
  -- planned as a hash join over the whole table.
  v_ids := array(select (x->'metadata'->>'eventId')::uuid from jsonb_array_elements(p_events) x);
  select count(*)::int, array_agg(distinct e.stream_id), max(e.stream_version),
         array_agg(e.position order by e.position)
    into v_found, v_streams, v_last, v_positions
    from events e
   where e.event_id = any(v_ids);
  if v_found > 0 then
    if v_found = v_count and v_streams = array[p_stream_id] then
      return query select v_last, v_positions, true;
      return;
    end if;
    raise exception using
      errcode = 'GE422',
      message = format('stream %s: %s of the %s event ids of this batch are already stored (in %s); '
        || 'a batch must be entirely new or an exact retry', p_stream_id, v_found, v_count, v_streams);
  end if;

  select s.version into v_current from streams s where s.stream_id = p_stream_id;
  v_current := coalesce(v_current, 0);
  if p_expected is not null and p_expected <> v_current then
    raise exception using
      errcode = 'GE409',
      message = format('stream %s: expected version %s, actual %s', p_stream_id, p_expected, v_current),
      detail = v_current::text;
  end if;

  with inserted as (
    insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
    select (x->'metadata'->>'eventId')::uuid, p_stream_id, v_current + i::int, x->>'type',
           (x->>'schemaVersion')::int, x->'data', x->'metadata'
      from jsonb_array_elements(p_events) with ordinality as t(x, i)
     order by i
    returning events.position
  )
  select array_agg(inserted.position order by inserted.position) into v_positions from inserted;

  insert into streams as s (stream_id, version) values (p_stream_id, v_current + v_count)
  on conflict (stream_id) do update set version = excluded.version;

  return query select v_current + v_count, v_positions, false;
end
$fn$;
`;

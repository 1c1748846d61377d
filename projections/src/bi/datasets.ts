import type { Queryable } from '../../../eventstore/src/db.ts';
import { Where } from '../sql.ts';

/** Column types, as CSV writes them and Parquet stores them. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'double' | 'boolean' | 'timestamp' | 'date';

export interface Column {
  name: string;
  type: ColumnType;
}

export interface Dataset {
  name: ExportName;
  /** View of the `bi` schema it reads. */
  view: string;
  /** The column giving the row's place in the log (with `log_txid`). */
  positionColumn: string;
  columns: readonly Column[];
  /** Rows belong to a service (filtering by the caller's services); events of other streams have none. */
  serviceColumn: string;
}

export const EXPORTS = ['events', 'requests', 'contacts', 'ratings'] as const;
export type ExportName = (typeof EXPORTS)[number];

const col = (name: string, type: ColumnType): Column => ({ name, type });

export const DATASETS: Record<ExportName, Dataset> = {
  events: {
    name: 'events',
    view: 'events',
    positionColumn: 'position',
    serviceColumn: 'service_id',
    columns: [
      col('position', 'bigint'),
      col('tenant', 'text'),
      col('stream_category', 'text'),
      col('stream_version', 'integer'),
      col('event_type', 'text'),
      col('schema_version', 'integer'),
      col('request_id', 'text'),
      col('service_id', 'text'),
      col('procedure_id', 'text'),
      col('recorded_at', 'timestamp'),
      col('stored_at', 'timestamp'),
      col('channel', 'text'),
      col('actor_role', 'text'),
    ],
  },
  requests: {
    name: 'requests',
    view: 'requests',
    positionColumn: 'last_position',
    serviceColumn: 'service_id',
    columns: [
      col('request_id', 'text'),
      col('reference', 'text'),
      col('tenant', 'text'),
      col('service_id', 'text'),
      col('procedure_id', 'text'),
      col('procedure_version', 'integer'),
      col('channel', 'text'),
      col('submitted_by', 'text'),
      col('status', 'text'),
      col('submitted_at', 'timestamp'),
      col('submitted_day', 'date'),
      col('due_at', 'timestamp'),
      col('acknowledged_at', 'timestamp'),
      col('first_response_at', 'timestamp'),
      col('decided_at', 'timestamp'),
      col('decision_outcome', 'text'),
      col('closed_at', 'timestamp'),
      col('closed_day', 'date'),
      col('waiting_since', 'timestamp'),
      col('paused_hours', 'double'),
      col('ack_business_hours', 'double'),
      col('first_response_business_hours', 'double'),
      col('decision_business_hours', 'double'),
      col('closure_business_hours', 'double'),
      col('closed_on_time', 'boolean'),
      col('reopen_count', 'integer'),
      col('rating_score', 'integer'),
      col('rated_at', 'timestamp'),
      col('assigned', 'boolean'),
      col('last_position', 'bigint'),
    ],
  },
  contacts: {
    name: 'contacts',
    view: 'contacts',
    positionColumn: 'position',
    serviceColumn: 'service_id',
    columns: [
      col('position', 'bigint'),
      col('request_id', 'text'),
      col('tenant', 'text'),
      col('service_id', 'text'),
      col('procedure_id', 'text'),
      col('kind', 'text'),
      col('channel', 'text'),
      col('direction', 'text'),
      col('at', 'timestamp'),
      col('day', 'date'),
    ],
  },
  ratings: {
    name: 'ratings',
    view: 'ratings',
    positionColumn: 'last_position',
    serviceColumn: 'service_id',
    columns: [
      col('request_id', 'text'),
      col('tenant', 'text'),
      col('service_id', 'text'),
      col('procedure_id', 'text'),
      col('channel', 'text'),
      col('score', 'integer'),
      col('rated_at', 'timestamp'),
      col('rated_day', 'date'),
      col('last_position', 'bigint'),
    ],
  },
};

export type Row = Record<string, string | number | boolean | null>;

export interface Increment {
  dataset: ExportName;
  columns: readonly Column[];
  rows: Row[];
  /** Pass it as `since` next time: the position of the last row, or `since` when there is none. */
  nextPosition: number;
  /** More rows were readable than `limit`. */
  hasMore: boolean;
}

export interface IncrementQuery {
  since: number;
  limit: number;
  /** Only these tenants' rows (all when absent: the command-line export). */
  tenant?: string | undefined;
  /** Only rows of these services; rows without a service (events of procedures, accounts) only when `withUnscoped`. */
  serviceIds?: readonly string[] | undefined;
  withUnscoped?: boolean;
}

/** Timestamps leave as ISO strings and days as `YYYY-MM-DD`, on both drivers. */
function select(c: Column): string {
  if (c.type === 'timestamp')
    return `to_char(${c.name} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${c.name}`;
  if (c.type === 'date') return `${c.name}::text as ${c.name}`;
  if (c.type === 'double') return `${c.name}::float8 as ${c.name}`;
  return c.name;
}

/**
 * Rows changed after log position `since`, in log order. "After" is in the order of `$all`
 * (transaction id, then position), so an event committed late behind a lower position is never
 * skipped; events are read only below the oldest running transaction, as the event store does.
 */
export async function readIncrement(
  db: Queryable,
  bi: string,
  name: ExportName,
  q: IncrementQuery,
): Promise<Increment> {
  const d = DATASETS[name];
  // The place of `since` in $all; a position that names no event (never handed out) counts from the one before it.
  const { rows: at } = await db.query<{ txid: string; position: number }>(
    'select transaction_id::text as txid, position from events where position <= $1 order by position desc limit 1',
    [q.since],
  );
  const where = new Where().add(
    `(v.log_txid, v.${d.positionColumn}) > (?::xid8, ?::bigint)`,
    at[0]?.txid ?? '0',
    at[0]?.position ?? 0,
  );
  if (name === 'events') where.add('v.log_txid < pg_snapshot_xmin(pg_current_snapshot())');
  if (q.tenant !== undefined) where.add('v.tenant = ?', q.tenant);
  if (q.serviceIds) {
    where.add(
      q.withUnscoped ? `(v.${d.serviceColumn} = any(?) or v.request_id is null)` : `v.${d.serviceColumn} = any(?)`,
      [...q.serviceIds],
    );
  }
  const limit = where.param(q.limit + 1);
  const { rows } = await db.query<Row & { __position: number }>(
    `select ${d.columns.map(select).join(', ')}, v.${d.positionColumn} as __position
       from ${bi}.${d.view} v ${where}
      order by v.log_txid, v.${d.positionColumn} limit ${limit}`,
    where.params,
  );
  const hasMore = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    dataset: name,
    columns: d.columns,
    rows: page.map(({ __position: _, ...row }) => row),
    nextPosition: last ? Number(last.__position) : q.since,
    hasMore,
  };
}

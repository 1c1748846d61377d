import type { Db } from './db.ts';
import { currentVersion } from './records.ts';
import { EVENT_ID_CONSTRAINT, SQLSTATE } from './schema.ts';
import {
  ConcurrencyError,
  EventIdConflictError,
  type AppendResult,
  type EventSchemas,
  type ExpectedVersion,
  type NewEvent,
} from './types.ts';

// pg_current_xact_id() after the call: the xid append_events took once it held the stream lock.
const APPEND_SQL = 'select next_version, positions, pg_current_xact_id()::text as txid from append_events($1, $2, $3)';
const STORED_SQL = `select stream_id, stream_version, position, transaction_id::text as txid
  from events where event_id = any($1::uuid[]) order by position`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One round trip to `append_events` (schema.ts) in autocommit. Retries are recognised off the hot
 * path: a stored event id fails the unique index, or the version check when the retry's
 * expectation is stale (its own first attempt moved the stream); only then are the ids looked up.
 */
export async function appendEvents(
  db: Db,
  schemas: EventSchemas,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  const expectedParam = toExpectedParam(expected);
  const ids = checkEventIds(streamId, events);
  if (events.length === 0) return appendNothing(db, streamId, expected, expectedParam);
  const payload = JSON.stringify(
    events.map((e) => ({
      type: e.type,
      schemaVersion: currentVersion(schemas, e.type),
      data: e.data,
      metadata: e.metadata,
    })),
  );
  try {
    const { rows } = await db.query<{ next_version: number; positions: (number | string)[]; txid: string }>(
      APPEND_SQL,
      [streamId, expectedParam, payload],
      { name: 'guichet_append' },
    );
    const row = rows[0];
    if (!row) throw new Error('append_events returned no row');
    return {
      streamId,
      nextVersion: row.next_version,
      positions: row.positions.map(Number),
      transactionId: row.txid,
      duplicate: false,
    };
  } catch (error) {
    const wrongVersion = sqlState(error) === SQLSTATE.wrongExpectedVersion;
    if (!wrongVersion && !isUniqueViolationOnEventId(error)) throw error;
    const original = await storedAppend(db, streamId, ids);
    if (original) return original;
    if (wrongVersion) throw new ConcurrencyError(streamId, expected, Number((error as { detail?: string }).detail));
    throw error;
  }
}

/** The original result when every id is stored in this stream; null when none is stored. */
async function storedAppend(db: Db, streamId: string, ids: string[]): Promise<AppendResult | null> {
  const { rows } = await db.query<{ stream_id: string; stream_version: number; position: number; txid: string }>(
    STORED_SQL,
    [ids],
    {
      name: 'guichet_stored_events',
    },
  );
  if (rows.length === 0) return null;
  const streams = [...new Set(rows.map((r) => r.stream_id))];
  if (rows.length === ids.length && streams.length === 1 && streams[0] === streamId) {
    return {
      streamId,
      nextVersion: Math.max(...rows.map((r) => r.stream_version)),
      positions: rows.map((r) => Number(r.position)),
      transactionId: rows.at(-1)!.txid,
      duplicate: true,
    };
  }
  throw new EventIdConflictError(
    streamId,
    `stream ${streamId}: ${rows.length} of the ${ids.length} event ids of this batch are already stored ` +
      `(in ${streams.join(', ')}); a batch must be entirely new or an exact retry`,
  );
}

async function appendNothing(db: Db, streamId: string, expected: ExpectedVersion, expectedParam: number | null) {
  const { rows } = await db.query<{ version: number }>('select version from streams where stream_id = $1', [streamId]);
  const actual = rows[0]?.version ?? 0;
  if (expectedParam !== null && expectedParam !== actual) throw new ConcurrencyError(streamId, expected, actual);
  return { streamId, nextVersion: actual, positions: [], transactionId: null, duplicate: false };
}

function toExpectedParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected version: ${expected}`);
  return expected;
}

function checkEventIds(streamId: string, events: NewEvent[]): string[] {
  const ids = events.map((e) => e.metadata?.eventId);
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new TypeError(`stream ${streamId}: event id must be a UUID, got ${String(id)}`);
    }
    if (seen.has(id.toLowerCase())) {
      throw new EventIdConflictError(streamId, `stream ${streamId}: event id ${id} appears twice in one batch`);
    }
    seen.add(id.toLowerCase());
  }
  return ids as string[];
}

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isUniqueViolationOnEventId(error: unknown): boolean {
  return (
    sqlState(error) === SQLSTATE.uniqueViolation &&
    (error as { constraint?: string }).constraint === EVENT_ID_CONSTRAINT
  );
}

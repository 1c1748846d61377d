import type { Observable } from 'rxjs';
import { appendEvents } from './append.ts';
import type { Db } from './db.ts';
import { checkSchemas, EVENT_COLUMNS, toRecordedEvent, type EventRow } from './records.ts';
import { MIGRATION } from './schema.ts';
import { subscribeAll } from './subscription.ts';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type EventSchemas,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
} from './types.ts';
import { Wakeup } from './wakeup.ts';

export interface EventStoreOptions {
  /** Current schema version and upcasters per event type; types absent here are version 1. */
  schemas?: EventSchemas;
  /** Longest wait before readers look again without a wake-up (a NOTIFY may be lost). */
  pollIntervalMs?: number;
  /** Told of each failed read of a subscription before it is retried (for logs). */
  onSubscriptionError?: (error: unknown, attempt: number) => void;
}

/** Runs the migration (idempotent) and returns the store. The caller keeps owning `db`. */
export async function createEventStore(db: Db, options: EventStoreOptions = {}): Promise<EventStore> {
  const schemas = options.schemas ?? {};
  checkSchemas(schemas);
  await db.exec(MIGRATION);
  await refuseForeignTransactionIds(db);
  const wakeup = new Wakeup(db);
  await wakeup.start();
  return new PostgresEventStore(db, wakeup, schemas, options);
}

/**
 * A logical restore (pg_dump into another cluster, PGlite to PostgreSQL) keeps the stored
 * transaction ids while the new cluster counts from low again: new events would sort before old
 * ones and readers would skip them all. Refuse to start instead; docs/event-store.md has the fix.
 */
async function refuseForeignTransactionIds(db: Db): Promise<void> {
  const { rows } = await db.query<{ txid: string; next: string }>(
    `select transaction_id::text as txid, pg_snapshot_xmax(pg_current_snapshot())::text as next
       from events order by transaction_id desc limit 1`,
  );
  const last = rows[0];
  if (last && BigInt(last.txid) >= BigInt(last.next)) {
    throw new Error(
      `events carry transaction ids up to ${last.txid} but this database is at ${last.next}: ` +
        'restored from another cluster? See "Restoring a backup" in docs/event-store.md before starting.',
    );
  }
}

/*
 * $all is read in (transaction_id, position) order, and only below the snapshot's xmin, the oldest
 * transaction still running. Why nothing is ever skipped: positions are taken before commit, so a
 * later position can commit first; but every transaction whose xid is below xmin has finished
 * (committed or rolled back) as seen by this very statement, so all their events are visible to it,
 * and every transaction that starts later gets an xid ≥ xmin. So no event can ever appear at or
 * behind a checkpoint once it was returned. The cost: a transaction that stays open anywhere in the
 * cluster with an xid holds every reader back at its xid; readers lag behind it, they never skip.
 */
const READ_ALL_SQL = `select ${EVENT_COLUMNS} from events
  where (transaction_id, position) > ($1::xid8, $2)
    and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by transaction_id, position
  limit $3`;

const HEAD_SQL = `select transaction_id::text as txid, position from events
  where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by transaction_id desc, position desc
  limit 1`;

/**
 * Committed events that the fence still hides (see READ_ALL_SQL): is the newest event's transaction
 * at or past the fence? One step down the (transaction_id, position) index. Written as
 * `exists (… where transaction_id >= fence)`, the planner estimated a third of the log to match
 * and chose a sequential scan that read the whole table at every wake-up of every reader (46 ms
 * at 64,000 events, growing with the log, measured during the soak).
 */
const HELD_BACK_SQL = `select transaction_id >= pg_snapshot_xmin(pg_current_snapshot()) as held
  from events order by transaction_id desc, position desc limit 1`;

export class PostgresEventStore implements EventStore {
  readonly #db: Db;
  readonly #wakeup: Wakeup;
  readonly #schemas: EventSchemas;
  readonly #pollIntervalMs: number;
  readonly #onSubscriptionError: EventStoreOptions['onSubscriptionError'];
  readonly #closed = new AbortController();
  #heldBackStreak = 0;

  constructor(db: Db, wakeup: Wakeup, schemas: EventSchemas, options: EventStoreOptions) {
    this.#db = db;
    this.#wakeup = wakeup;
    this.#schemas = schemas;
    this.#pollIntervalMs = options.pollIntervalMs ?? 500;
    this.#onSubscriptionError = options.onSubscriptionError;
  }

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion = 'any'): Promise<AppendResult> {
    this.#assertOpen();
    const result = await appendEvents(this.#db, this.#schemas, streamId, events, expected);
    if (!result.duplicate && result.positions.length > 0) this.#wakeup.committed();
    return result;
  }

  async readStream(
    streamId: string,
    options: { fromVersion?: number; toPosition?: number } = {},
  ): Promise<RecordedEvent[]> {
    const { rows } = await this.#db.query<EventRow>(
      `select ${EVENT_COLUMNS} from events
        where stream_id = $1 and stream_version >= $2 and ($3::bigint is null or position <= $3)
        order by stream_version`,
      [streamId, options.fromVersion ?? 1, options.toPosition ?? null],
      { name: 'guichet_read_stream' },
    );
    return rows.map((row) => toRecordedEvent(row, this.#schemas));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.#db.query<{ version: number }>(
      'select version from streams where stream_id = $1',
      [streamId],
      {
        name: 'guichet_stream_version',
      },
    );
    return rows[0]?.version ?? 0;
  }

  /** Without `limit`, reads everything after `from`. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.#fetchAll(options.from ?? START, options.limit ?? null);
    return rows.map((row) => toRecordedEvent(row, this.#schemas));
  }

  subscribe(from: Checkpoint = START): Observable<RecordedEvent> {
    return subscribeAll(
      {
        fetch: (after, limit) => this.#fetchAll(after, limit),
        toEvent: (row) => toRecordedEvent(row, this.#schemas),
        generation: () => this.#wakeup.generation,
        waitForChange: (since, signal) => this.#waitForChange(since, signal),
        closed: this.#closed.signal,
        onError: this.#onSubscriptionError,
      },
      from,
    );
  }

  waitForEvents(signal?: AbortSignal): Promise<void> {
    if (this.#closed.signal.aborted) return Promise.resolve();
    if (!signal) return this.#waitForChange(this.#wakeup.generation, this.#closed.signal);
    // Not AbortSignal.any: on Node 20 every signal it makes stays referenced by the long-lived
    // `closed` signal (2.7 KB each), and the projections wait here after every batch: the
    // projector's live heap grew without end (found by the soak's heap probe).
    const either = new AbortController();
    const abort = () => either.abort();
    signal.addEventListener('abort', abort, { once: true });
    this.#closed.signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) either.abort();
    return this.#waitForChange(this.#wakeup.generation, either.signal).finally(() => {
      signal.removeEventListener('abort', abort);
      this.#closed.signal.removeEventListener('abort', abort);
    });
  }

  async head(): Promise<Checkpoint> {
    const { rows } = await this.#db.query<{ txid: string; position: number }>(HEAD_SQL, [], { name: 'guichet_head' });
    const last = rows[0];
    return last ? { transactionId: last.txid, position: Number(last.position) } : START;
  }

  /** Stops subscriptions and listening; does not close the database. */
  async close(): Promise<void> {
    if (this.#closed.signal.aborted) return;
    this.#closed.abort();
    await this.#wakeup.stop();
  }

  #fetchAll(from: Checkpoint, limit: number | null): Promise<EventRow[]> {
    return this.#db
      .query<EventRow>(READ_ALL_SQL, [from.transactionId, from.position, limit], { name: 'guichet_read_all' })
      .then((r) => r.rows);
  }

  /**
   * Events committed behind a transaction still open (a projection's, another app write's) become
   * readable when it ends, and nobody announces that. When some are waiting so, look again soon,
   * backing off to the poll interval if it lasts.
   */
  async #waitForChange(since: number, signal: AbortSignal): Promise<void> {
    if (this.#wakeup.generation !== since || signal.aborted) return;
    const { rows } = await this.#db
      .query<{ held: boolean }>(HELD_BACK_SQL, [], { name: 'guichet_held_back' })
      .catch(() => ({ rows: [{ held: false }] }));
    this.#heldBackStreak = rows[0]?.held ? this.#heldBackStreak + 1 : 0;
    const timeout =
      this.#heldBackStreak === 0 ? this.#pollIntervalMs : Math.min(this.#pollIntervalMs, 5 * 2 ** this.#heldBackStreak);
    return this.#wakeup.waitForChange(since, timeout, signal);
  }

  #assertOpen(): void {
    if (this.#closed.signal.aborted) throw new Error('the event store is closed');
  }
}

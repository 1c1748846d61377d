import { notifyChannel, type Checkpoint, type Db, type DbSession } from '@guichet/eventstore';
import { changeNotices, type ProjectionChange } from './changes.ts';
import { advanceCheckpoint, openCheckpoint, resetProjection } from './checkpoints.ts';
import { emptyTouched, type Projection } from './projection.ts';
import type { SharedReader } from './reader.ts';

export type WorkerState = 'idle' | 'running' | 'standby' | 'failed' | 'stopped';

export interface WorkerDeps {
  db: Db;
  reader: SharedReader;
  batchSize: number;
  /** In-process listeners of committed batches (other processes hear of them by NOTIFY). */
  publish(notices: ProjectionChange[]): void;
  onRebuilt(name: string): void;
}

/**
 * Runs one projection: holds its database session (and on PostgreSQL its advisory lock, so one
 * process at a time runs it), and applies the log to it batch by batch.
 */
export class ProjectionWorker {
  state: WorkerState = 'idle';
  lastError: string | null = null;
  /** Where the next batch starts; null when it must be read again from the table. */
  private checkpoint: Checkpoint | null = null;
  private session: DbSession | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly projection: Projection,
    private readonly deps: WorkerDeps,
  ) {}

  get name(): string {
    return this.projection.name;
  }

  /** Runs `fn` after every earlier call has finished: batches, rebuilds and release never overlap. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn, fn);
    this.queue = result.catch(() => {});
    return result;
  }

  /** One batch in one transaction with its checkpoint. Returns how many events it read, or null when another process runs this projection. */
  async step(): Promise<number | null> {
    if (!(await this.acquire())) return null;
    const session = this.session as DbSession;
    try {
      if (!this.checkpoint) {
        const opened = await session.transaction((tx) => openCheckpoint(tx, this.projection));
        if (opened.rebuilt) this.deps.onRebuilt(this.name);
        this.checkpoint = opened.checkpoint;
      }
      const from = this.checkpoint;
      const events = await this.deps.reader.read(from, this.deps.batchSize);
      const last = events.at(-1);
      if (!last) return 0;
      const to: Checkpoint = { transactionId: last.transactionId, position: last.position };
      const channel = notifyChannel(this.deps.db.schema, 'projections');
      const { handles } = this.projection;
      if (handles && !events.some((e) => handles(e))) {
        // Nothing here for this read model: the checkpoint moves in one statement, no transaction.
        const notices = changeNotices(this.name, emptyTouched(), to.position);
        await advanceCheckpoint(session, this.name, from, to, {
          channel,
          payloads: notices.map((c) => JSON.stringify(c)),
        });
        this.checkpoint = to;
        this.deps.publish(notices);
        return events.length;
      }
      const notices = await session.transaction(async (tx) => {
        const touched = await this.projection.handleBatch(tx, events);
        const changes = changeNotices(this.name, touched, to.position);
        await advanceCheckpoint(tx, this.name, from, to, {
          channel,
          payloads: changes.map((c) => JSON.stringify(c)),
        });
        return changes;
      });
      this.checkpoint = to;
      this.deps.publish(notices);
      return events.length;
    } catch (err) {
      // A broken connection or a moved checkpoint: start again from what the database says.
      await this.release();
      throw err;
    }
  }

  /** Empties the rows and moves the checkpoint back to the start; the next batches rebuild. */
  async rebuild(): Promise<void> {
    await this.deps.db.transaction((tx) => resetProjection(tx, this.projection));
    this.checkpoint = null;
  }

  async release(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.checkpoint = null;
    await session?.release();
  }

  private async acquire(): Promise<boolean> {
    if (this.session) return true;
    const { db } = this.deps;
    const session = await db.connect();
    if (db.kind === 'postgres') {
      // Session-level lock: held as long as this connection lives, released if the process dies.
      const { rows } = await session.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
        `projection:${db.schema}.${this.name}`,
      ]);
      if (!rows[0]?.ok) {
        await session.release();
        return false;
      }
      // Read models can be rebuilt, and a batch lost in a crash is lost with its checkpoint, so it
      // is simply applied again: no need to wait for the disk at each commit.
      await session.query('set synchronous_commit = off');
    }
    this.session = session;
    this.checkpoint = null;
    return true;
  }
}

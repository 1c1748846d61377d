import { START, type Checkpoint, type Queryable } from '@guichet/eventstore';
import type { Projection } from './projection.ts';

export const CHECKPOINTS_DDL = `create table if not exists projection_checkpoints (
  name text primary key,
  -- xid8 as decimal text, as the event store's Checkpoint carries it
  transaction_id text not null,
  position bigint not null,
  version int not null,
  updated_at timestamptz not null default now()
);`;

/** Another writer moved the checkpoint under us (a rebuild, or a second runner): re-read it and go on. */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
}

interface Row {
  transaction_id: string;
  position: number;
  version: number;
}

export async function readCheckpoint(q: Queryable, name: string): Promise<(Checkpoint & { version: number }) | null> {
  const { rows } = await q.query<Row>(
    'select transaction_id, position, version from projection_checkpoints where name = $1',
    [name],
  );
  const row = rows[0];
  return row
    ? { transactionId: String(row.transaction_id), position: Number(row.position), version: Number(row.version) }
    : null;
}

/** Empties the projection and puts its checkpoint back to the start of the log, in one transaction. */
export async function resetProjection(tx: Queryable, p: Projection): Promise<void> {
  await tx.query(p.reset);
  await tx.query(
    `insert into projection_checkpoints (name, transaction_id, position, version) values ($1, $2, $3, $4)
     on conflict (name) do update set transaction_id = $2, position = $3, version = $4, updated_at = now()`,
    [p.name, START.transactionId, START.position, p.version],
  );
}

/**
 * The projection's checkpoint, created at the start of the log the first time. A stored version
 * other than the code's means the rows were written by other handlers: they are rebuilt.
 */
export async function openCheckpoint(
  tx: Queryable,
  p: Projection,
): Promise<{ checkpoint: Checkpoint; rebuilt: boolean }> {
  const found = await readCheckpoint(tx, p.name);
  if (found && found.version === p.version) return { checkpoint: found, rebuilt: false };
  await resetProjection(tx, p);
  return { checkpoint: START, rebuilt: found !== null };
}

/**
 * Compare-and-set: moves the checkpoint only from where this batch started. The batch's notices go
 * out in the same statement: NOTIFY is transactional, so listeners hear of the batch exactly when
 * it commits, and never of one rolled back; and it costs no round trip of its own.
 */
export async function advanceCheckpoint(
  tx: Queryable,
  name: string,
  from: Checkpoint,
  to: Checkpoint,
  notify: { channel: string; payloads: readonly string[] } = { channel: '', payloads: [] },
): Promise<void> {
  const { rows } = await tx.query<{ moved: number }>(
    `with moved as (
       update projection_checkpoints set transaction_id = $4, position = $5, updated_at = now()
        where name = $1 and transaction_id = $2 and position = $3
       returning 1)
     select (select count(*) from moved)::int as moved,
            (select count(*) from (select pg_notify($6, p) from unnest($7::text[]) p) sent)::int as sent`,
    [name, from.transactionId, from.position, to.transactionId, to.position, notify.channel, notify.payloads],
  );
  if (rows[0]?.moved !== 1)
    throw new CheckpointMoved(`checkpoint of ${name} moved since ${from.transactionId}/${from.position}`);
}

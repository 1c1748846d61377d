import type { Db } from '@guichet/eventstore';
import { CHECKPOINTS_DDL } from './checkpoints.ts';
import type { Projection } from './projection.ts';

/** Creates the checkpoint table and the projections' tables (idempotent). */
export async function migrateProjections(db: Db, projections: readonly Projection[]): Promise<void> {
  const ddl = [CHECKPOINTS_DDL, ...projections.map((p) => p.migrations)].join('\n');
  if (db.kind === 'pglite') {
    await db.exec(ddl);
    return;
  }
  // Two processes starting together would race on `create … if not exists`.
  const session = await db.connect();
  try {
    await session.query('select pg_advisory_lock(hashtext($1))', [`projections:migrate:${db.schema}`]);
    await session.query(ddl);
  } finally {
    await session.release();
  }
}

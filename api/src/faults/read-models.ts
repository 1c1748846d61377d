/** Read-model tables as comparable data, and a clean rebuild of them from a copy of the log. */
import { randomBytes } from 'node:crypto';
import { createEventStore, openDb, type Db } from '@guichet/eventstore';
import { allProjections, createProjectionRunner } from '@guichet/projections';

/** Every `rm_` table of the schema: its rows as JSON text, sorted, so two dumps compare as data. */
export async function dumpReadModels(db: Db): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_name like 'rm\\_%' order by table_name`,
    [db.schema],
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ row: string }>(`select to_jsonb(t)::text as row from ${name} t`);
    dump[name] = rows.map((r) => r.row).sort();
  }
  return dump;
}

/** Copies the log of `from` into a fresh schema, projects it from position 0 there, and dumps that. */
export async function cleanRebuild(url: string, from: Db): Promise<Record<string, string[]>> {
  const schema = `rebuild_${randomBytes(4).toString('hex')}`;
  const db = await openDb({ url, schema, poolSize: 8 });
  try {
    const store = await createEventStore(db);
    await db.exec(
      `insert into events select * from ${from.schema}.events; insert into streams select * from ${from.schema}.streams`,
    );
    const runner = createProjectionRunner({ db, store, projections: allProjections });
    await runner.catchUp();
    await runner.stop();
    await store.close();
    return await dumpReadModels(db);
  } finally {
    await db.exec(`drop schema if exists ${schema} cascade`).catch(() => {});
    await db.close();
  }
}

import { createEventStore, type Db, type EventStore } from '@guichet/eventstore';
import { allProjections } from '../all.ts';
import type { Projection } from '../projection.ts';
import { createProjectionRunner, type ProjectionRunner, type RunnerOptions } from '../runner.ts';
import { townHallFortnight } from './scenario.ts';

export interface Projected {
  db: Db;
  store: EventStore;
  runner: ProjectionRunner;
  story: ReturnType<typeof townHallFortnight>;
  close(): Promise<void>;
}

/** Errors are part of what some tests check: keep them out of the test output. */
export const silent = { info: () => {}, warn: () => {}, error: () => {} };

export async function withStore(
  open: () => Promise<Db>,
): Promise<{ db: Db; store: EventStore; close(): Promise<void> }> {
  const db = await open();
  const store = await createEventStore(db, { pollIntervalMs: 50 });
  return {
    db,
    store,
    async close() {
      await store.close();
      await db.close();
    },
  };
}

export function runnerFor(
  db: Db,
  store: EventStore,
  options: Partial<RunnerOptions> & { projections?: readonly Projection[] } = {},
): ProjectionRunner {
  return createProjectionRunner({ db, store, projections: allProjections, batchSize: 7, logger: silent, ...options });
}

/**
 * The town-hall story in a fresh database, projected by a runner with small batches (7 events) so
 * that batch boundaries fall in the middle of cases.
 */
export async function projectedStory(open: () => Promise<Db>): Promise<Projected> {
  const { db, store, close } = await withStore(open);
  const story = townHallFortnight();
  await story.history.appendTo(store);
  const runner = runnerFor(db, store);
  await runner.catchUp();
  return {
    db,
    store,
    runner,
    story,
    async close() {
      await runner.stop();
      await close();
    },
  };
}

/** Every rm_ table, rows as JSON sorted: two databases built the same way give equal dumps. */
export async function dumpReadModels(db: Db): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_name like 'rm\\_%' order by table_name`,
  );
  const dump: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const { rows } = await db.query<{ r: string }>(`select to_jsonb(t)::text as r from ${table_name} t`);
    dump[table_name] = rows.map((x) => x.r).sort();
  }
  return dump;
}

/** Polls until `check` stops throwing (or returns true), for assertions on background work. */
export async function eventually<T>(check: () => Promise<T | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      if (Date.now() > deadline) throw new Error('condition still false');
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

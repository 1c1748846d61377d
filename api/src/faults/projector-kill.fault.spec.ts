import { afterAll, describe, expect, it } from 'vitest';
import { createEventStore, openDb, type Db } from '@guichet/eventstore';
import { createDatabase, startServerChild } from '../../bench/child.ts';
import { generateHistory } from '../../bench/history.ts';
import { cleanRebuild, dumpReadModels } from './read-models.ts';

const url = process.env.DATABASE_URL;
const EVENTS = Number(process.env.FAULT_EVENTS ?? 120_000);

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(url)('the projector process killed with SIGKILL in the middle of its work (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let db: Db | undefined;
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('starts again where its checkpoints say and ends with the very rows a clean rebuild gives', async () => {
    database = await createDatabase(url!, 'guichet_fault');
    db = await openDb({ url: database.url, poolSize: 8 });
    const store = await createEventStore(db);
    await generateHistory(store, { events: EVENTS, writers: 8 });
    await store.close();
    // The last event in $all order (transaction id, position): where every checkpoint must end.
    const { rows } = await db.query<{ n: number }>(
      'select position::int as n from events order by transaction_id desc, position desc limit 1',
    );
    const head = rows[0]!.n;

    const positions = async () =>
      (
        await db!
          .query<{ position: number }>('select position from projection_checkpoints')
          .catch(() => ({ rows: [] as { position: number }[] }))
      ).rows.map((r) => Number(r.position));
    const first = await startServerChild({ databaseUrl: database.url, role: 'projector', ready: 'spawned' });
    // Killed once every projection has committed a few batches and none has reached the end.
    await until(
      async () => {
        const p = await positions();
        return p.length > 0 && Math.min(...p) > 0 && Math.max(...p) > head / 10;
      },
      300_000,
      'the projections to make progress',
    );
    await first.kill('SIGKILL');
    const atKill = await positions();
    expect(Math.min(...atKill), 'killed before the projections were done').toBeLessThan(head);

    const second = await startServerChild({
      databaseUrl: database.url,
      role: 'projector',
      ready: 'projector-caught-up',
      readyTimeoutMs: 600_000,
    });
    await second.stop();
    expect(await positions()).toEqual(atKill.map(() => head));

    const afterRestart = await dumpReadModels(db);
    const rebuilt = await cleanRebuild(database.url, db);
    expect(Object.keys(afterRestart).length).toBeGreaterThan(3);
    expect(afterRestart.rm_cases?.length).toBeGreaterThan(1000);
    for (const table of Object.keys(rebuilt)) expect(afterRestart[table], table).toEqual(rebuilt[table]);
    expect(Object.keys(afterRestart).sort()).toEqual(Object.keys(rebuilt).sort());
  });
});

/**
 * Benchmark 4: every projection catching up from position 0 over a long history, then a full
 * rebuild (each projection emptied and replayed). PostgreSQL only.
 * Run alone: `BENCH_EVENTS=100000 node --import tsx api/bench/catchup.ts`.
 */
import { createEventStore } from '@guichet/eventstore';
import { allProjections, createProjectionRunner } from '@guichet/projections';
import { fmt, freshDb, load } from '../../eventstore/bench/lib.ts';
import { generateHistory, type HistoryStats } from './history.ts';

export interface CatchUpResult {
  events: number;
  history: HistoryStats;
  catchUpSeconds: number;
  eventsPerSec: number;
  rebuildSeconds: number;
  rebuildEventsPerSec: number;
  batchSize: number;
  load: string;
}

export async function benchCatchUp(options: {
  events: number;
  batchSize?: number;
  log?: (line: string) => void;
}): Promise<CatchUpResult> {
  const log = options.log ?? (() => {});
  const db = await freshDb('postgres', 24);
  const store = await createEventStore(db);
  try {
    log(`catch-up: writing a history of ${fmt(options.events)} events…`);
    const history = await generateHistory(store, { events: options.events, writers: 8, log });
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from events');
    const events = rows[0]!.n;
    await db.exec('vacuum analyze events');
    log(`catch-up: ${fmt(events)} events written in ${fmt(history.seconds, 1)} s; projecting…`);

    const runner = createProjectionRunner({
      db,
      store,
      projections: allProjections,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    let t = performance.now();
    await runner.catchUp();
    const catchUpSeconds = (performance.now() - t) / 1000;
    log(`catch-up: ${fmt(events / catchUpSeconds)} events/s (${fmt(catchUpSeconds, 1)} s)`);

    t = performance.now();
    for (const p of allProjections) await runner.rebuild(p.name);
    await runner.catchUp();
    const rebuildSeconds = (performance.now() - t) / 1000;
    log(`rebuild: ${fmt(rebuildSeconds, 1)} s (${fmt(events / rebuildSeconds)} events/s)`);
    await runner.stop();
    return {
      events,
      history,
      catchUpSeconds,
      eventsPerSec: events / catchUpSeconds,
      rebuildSeconds,
      rebuildEventsPerSec: events / rebuildSeconds,
      batchSize: options.batchSize ?? 5000,
      load: load(),
    };
  } finally {
    await store.close();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const batchSize = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
  const result = await benchCatchUp({
    events: Number(process.env.BENCH_EVENTS ?? 1_000_000),
    ...(batchSize ? { batchSize } : {}),
    log: console.log,
  });
  console.log(JSON.stringify(result, null, 2));
}

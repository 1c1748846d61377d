/**
 * Where catch-up time goes: every projection timed on its own over a generated history (PostgreSQL).
 * `BENCH_EVENTS=100000 BENCH_BATCH=5000 node --import tsx api/bench/profile-projections.ts`
 */
import { createEventStore } from '@guichet/eventstore';
import { allProjections, createProjectionRunner } from '@guichet/projections';
import { fmt, freshDb } from '../../eventstore/bench/lib.ts';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { generateHistory } from './history.ts';

const events = Number(process.env.BENCH_EVENTS ?? 100_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 5000);
const db = await freshDb('postgres', 24);
const store = await createEventStore(db);
try {
  await generateHistory(store, { events, writers: 8, log: () => {} });
  await db.exec('vacuum analyze events');
  const inspector = new Session();
  if (process.env.BENCH_PROFILE) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  let t = performance.now();
  const all = createProjectionRunner({ db, store, projections: allProjections, batchSize });
  await all.catchUp();
  if (process.env.BENCH_PROFILE) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
    inspector.disconnect();
  }
  console.log(`all together: ${fmt(events / ((performance.now() - t) / 1000))} ev/s`);
  for (const p of allProjections) {
    await all.rebuild(p.name);
  }
  await all.stop();
  for (const p of allProjections) {
    const runner = createProjectionRunner({ db, store, projections: [p], batchSize });
    t = performance.now();
    await runner.catchUp();
    const s = (performance.now() - t) / 1000;
    console.log(`${p.name.padEnd(18)} ${fmt(s, 2).padStart(7)} s  ${fmt(events / s).padStart(9)} ev/s`);
    await runner.stop();
  }
} finally {
  await store.close();
  await db.close();
}

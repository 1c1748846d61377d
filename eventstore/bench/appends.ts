/**
 * Benchmarks 1 and 2: appends through the event store against the same kind of SQL sent raw.
 * 1: one event per append to a new stream, at several concurrency levels, against single-row
 *    INSERTs into a plain table (bigserial + jsonb).
 * 2: 100-event appends against 100-row multi-row INSERTs.
 * Run alone: `node --import tsx eventstore/bench/appends.ts [postgres|pglite]`.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createEventStore } from '../src/postgres-event-store.ts';
import type { Db } from '../src/db.ts';
import type { NewEvent } from '../src/types.ts';
import { databaseUrl, fmt, freshDb, load, sampleEvent, timed, type Run } from './lib.ts';

export interface Pair {
  writers: number;
  ours: Run;
  raw: Run;
  ratio: number;
  load: string;
}

export interface AppendResults {
  engine: 'postgres' | 'pglite';
  single: Pair[];
  batch: Pair[];
}

const BATCH = 100;
const batchValues = Array.from({ length: BATCH }, (_, i) => `($${i + 1}::jsonb)`).join(', ');
const RAW_DDL = 'create table raw_events (id bigserial primary key, data jsonb not null)';

/** Raw SQL on the same engine: a bare pg pool on PostgreSQL, the same PGlite instance otherwise. */
interface Raw {
  insert(json: string): Promise<unknown>;
  insertMany(json: string[]): Promise<unknown>;
  close(): Promise<void>;
}

async function rawOn(db: Db, writers: number): Promise<Raw> {
  await db.exec(`drop table if exists raw_events; ${RAW_DDL}`);
  if (db.kind === 'pglite') {
    return {
      insert: (json) => db.query('insert into raw_events (data) values ($1)', [json]),
      insertMany: (json) => db.query(`insert into raw_events (data) values ${batchValues}`, json),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: writers, options: `-c search_path=${db.schema}` });
  return {
    insert: (json) =>
      pool.query({ name: 'raw_one', text: 'insert into raw_events (data) values ($1)', values: [json] }),
    insertMany: (json) =>
      pool.query({ name: 'raw_many', text: `insert into raw_events (data) values ${batchValues}`, values: json }),
    close: () => pool.end(),
  };
}

const toJson = (e: NewEvent) => JSON.stringify(e);

export async function benchAppends(options: {
  engine: 'postgres' | 'pglite';
  seconds: number;
  levels?: number[];
  batchLevels?: number[];
  log?: (line: string) => void;
}): Promise<AppendResults> {
  const { engine, seconds, levels = [1, 8, 32], batchLevels = [1, 8], log = () => {} } = options;
  const maxWriters = Math.max(...levels, ...batchLevels);
  const db = await freshDb(engine, maxWriters);
  const store = await createEventStore(db);
  const warm = Math.min(1, seconds / 5);
  const results: AppendResults = { engine, single: [], batch: [] };
  try {
    for (const writers of levels) {
      const raw = await rawOn(db, writers);
      await timed(writers, warm, () => raw.insert(toJson(sampleEvent())));
      const rawRun = await timed(writers, seconds, (w, i) => raw.insert(toJson(sampleEvent(w + i))));
      await raw.close();
      await timed(writers, warm, () => store.append(`case-${randomUUID()}`, [sampleEvent()], 'no_stream'));
      const ours = await timed(writers, seconds, (w, i) =>
        store.append(`case-${randomUUID()}`, [sampleEvent(w + i)], 'no_stream'),
      );
      const pair = { writers, ours, raw: rawRun, ratio: ours.opsPerSec / rawRun.opsPerSec, load: load() };
      log(
        `${engine} single x${writers}: ours ${fmt(ours.opsPerSec)}/s, raw ${fmt(rawRun.opsPerSec)}/s, ratio ${fmt(pair.ratio * 100)}%`,
      );
      results.single.push(pair);
    }
    for (const writers of batchLevels) {
      const batch = (k: number) => Array.from({ length: BATCH }, (_, j) => sampleEvent(k + j));
      const raw = await rawOn(db, writers);
      await timed(writers, warm, () => raw.insertMany(batch(0).map(toJson)));
      const rawRun = await timed(writers, seconds, (w, i) => raw.insertMany(batch(w + i).map(toJson)));
      await raw.close();
      await timed(writers, warm, () => store.append(`case-${randomUUID()}`, batch(0), 'no_stream'));
      const ours = await timed(writers, seconds, (w, i) =>
        store.append(`case-${randomUUID()}`, batch(w + i), 'no_stream'),
      );
      const pair = { writers, ours, raw: rawRun, ratio: ours.opsPerSec / rawRun.opsPerSec, load: load() };
      log(
        `${engine} batch of ${BATCH} x${writers}: ours ${fmt(ours.opsPerSec * BATCH)} ev/s, raw ${fmt(rawRun.opsPerSec * BATCH)} rows/s, ratio ${fmt(pair.ratio * 100)}%`,
      );
      results.batch.push(pair);
    }
  } finally {
    await store.close();
    await db.close();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  const result = await benchAppends({ engine, seconds: Number(process.env.BENCH_SECONDS ?? 10), log: console.log });
  console.log(JSON.stringify(result, null, 2));
}

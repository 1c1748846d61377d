import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore, openDb, type Db } from '@guichet/eventstore';
import { testDatabases } from '@guichet/eventstore/testing';
import { allProjections, biSchemaOf, createProjectionRunner, DATASETS, type Row } from '@guichet/projections';
import { mayAtTheTownHall, settle } from '../../../projections/src/indicators/scenario.ts';
import { readParquetRows } from '../../../projections/src/bi/parquet-reader.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);

/** A database with the May 2026 story projected, and how the command line reaches it. */
async function prepared(name: string, open: () => Promise<Db>, dir: string) {
  // PGlite in a folder the command can open once this process has closed it.
  const db = name === 'pglite' ? await openDb({ dataDir: join(dir, 'pglite') }) : await open();
  const store = await createEventStore(db);
  await mayAtTheTownHall().history.appendTo(store);
  const runner = createProjectionRunner({
    db,
    store,
    projections: allProjections,
    logger: { info() {}, warn() {}, error() {} },
  });
  await settle(db, runner);
  await runner.stop();
  await store.close();
  const env =
    name === 'pglite'
      ? { GUICHET_DATA_DIR: dir, DATABASE_URL: '' }
      : { DATABASE_URL: process.env.DATABASE_URL as string };
  return { db, env, schema: db.schema };
}

describe.each(testDatabases())('command-line export on $name', ({ name, open }) => {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-export-'));
  const out = join(dir, 'out');
  let ctx: Awaited<ReturnType<typeof prepared>>;
  let positions: number[];

  beforeAll(async () => {
    ctx = await prepared(name, open, dir);
    const { rows } = await ctx.db.query<{ position: number }>(
      'select position from events order by transaction_id, position',
    );
    positions = rows.map((r) => Number(r.position));
    if (name === 'pglite') await ctx.db.close();
  });
  afterAll(async () => {
    if (name === 'postgres') {
      await ctx.db.exec(`drop schema if exists ${biSchemaOf(ctx.db)} cascade`);
      await ctx.db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'api/src/cli/export.ts', '--schema', ctx.schema, '--out', out, ...args], {
      cwd: root,
      env: { ...process.env, ...ctx.env },
      timeout: 90_000,
    });

  it('writes every event into Parquet files page by page, then goes on from where it stopped', async () => {
    const { stdout } = await cli('--dataset', 'events', '--since', '0', '--format', 'parquet', '--page-size', '20');
    const summary = JSON.parse(stdout.trim()) as { rows: number; nextPosition: number; files: string[] };
    expect(summary.rows).toBe(positions.length);
    expect(summary.files).toHaveLength(Math.ceil(positions.length / 20));
    const rows: Row[] = [];
    for (const file of summary.files.sort((a, b) => Number(a.split('-').at(-2)) - Number(b.split('-').at(-2)))) {
      rows.push(...(await readParquetRows(DATASETS.events.columns, readFileSync(file))));
    }
    expect(rows.map((r) => r.position)).toEqual(positions);
    expect(readFileSync(join(out, 'events.position'), 'utf8').trim()).toBe(String(positions.at(-1)));

    // Run again from where it stopped, with more datasets: no new event; requests and ratings from the start, in CSV.
    const { stdout: second } = await cli('--dataset', 'events,requests,ratings', '--since', 'last', '--format', 'csv');
    const [events, requests, ratings] = second
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { rows: number; files: string[] });
    expect(events).toMatchObject({ rows: 0, files: [] });
    expect(readdirSync(out).filter((f) => f.startsWith('events-'))).toHaveLength(summary.files.length);
    expect(requests?.rows).toBe(6);
    expect(ratings?.rows).toBe(2);
    expect(readFileSync(ratings?.files[0] as string, 'utf8').split('\r\n')[0]).toBe(
      DATASETS.ratings.columns.map((c) => c.name).join(','),
    );
  });
});

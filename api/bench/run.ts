/**
 * `npm run bench`: every benchmark, each against its raw-SQL baseline in the same run, then the
 * tables of docs/benchmarks.md. Not part of `npm test`.
 *   BENCH_SECONDS  duration of each timed run (default 10)
 *   BENCH_EVENTS   size of the catch-up history (default 1,000,000)
 *   BENCH_ONLY     comma-separated subset of appends,http,catchup
 *   DATABASE_URL   PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test); each run uses its own schema or database
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAppends } from '../../eventstore/bench/appends.ts';
import { describeMachine, load } from '../../eventstore/bench/lib.ts';
import { benchCatchUp } from './catchup.ts';
import { ROOT } from './child.ts';
import { benchHttp } from './http.ts';
import { renderBench, writeSection, type BenchResults } from './report.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const only = new Set((process.env.BENCH_ONLY ?? 'appends,http,catchup').split(','));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const env = ['BENCH_SECONDS', 'BENCH_EVENTS', 'BENCH_ONLY']
  .filter((k) => process.env[k])
  .map((k) => `${k}=${process.env[k]}`);
const results: BenchResults = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  command: [...env, 'npm run bench'].join(' '),
  seconds,
  machine: await describeMachine(),
  loadAtStart: load(),
  appends: [],
  http: [],
  catchUp: null,
};
log(`load average at start: ${results.loadAtStart}`);

// A partial run keeps the other figures of the previous run, saying so.
const file = join(ROOT, 'api/bench/results/latest.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : null;
if (previous) {
  const kept: string[] = [];
  if (!only.has('appends') && previous.appends.length > 0) {
    results.appends = previous.appends;
    kept.push('1 and 2');
  }
  if (!only.has('http') && previous.http.length > 0) {
    results.http = previous.http;
    kept.push('3 and 5');
  }
  if (!only.has('catchup') && previous.catchUp) {
    results.catchUp = previous.catchUp;
    kept.push('4');
  }
  if (kept.length > 0)
    results.carried = `benchmarks ${kept.join(', ')} from the run of ${previous.date} (\`${previous.command}\`)`;
}

if (only.has('appends')) {
  for (const engine of ['postgres', 'pglite'] as const)
    results.appends.push(await benchAppends({ engine, seconds, log }));
}
if (only.has('http')) {
  for (const engine of ['postgres', 'pglite'] as const) results.http.push(await benchHttp({ engine, seconds, log }));
}
if (only.has('catchup')) results.catchUp = await benchCatchUp({ events, log });

mkdirSync(join(ROOT, 'api/bench/results'), { recursive: true });
writeFileSync(file, JSON.stringify(results, null, 2));
writeSection('bench', renderBench(results));
log('docs/benchmarks.md updated (results also in api/bench/results/latest.json)');
process.exit(0);

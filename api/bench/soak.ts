/**
 * `npm run test:soak`: the server (child process, PostgreSQL) under a steady load of whole
 * commands at half the measured peak, for SOAK_SECONDS (default 1800). Every 10 s it samples the
 * server's resident memory and the window's latencies; the curve (CSV) and a summary go to
 * docs/benchmarks.md. The peak comes from the last `npm run bench` (api/bench/results/latest.json)
 * unless SOAK_RATE (commands/s) is given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { databaseUrl, fmt, load, percentile } from '../../eventstore/bench/lib.ts';
import { createDatabase, ROOT, startServerChild } from './child.ts';
import { keepAliveClient } from './http-client.ts';
import { writeSection } from './report.ts';
import { caseLife, logIn } from './workload.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 1800);
const SAMPLE_MS = 10_000;
const CLIENTS = 16;

function measuredPeak(): number | null {
  const file = join(ROOT, 'api/bench/results/latest.json');
  if (!existsSync(file)) return null;
  const results = JSON.parse(readFileSync(file, 'utf8')) as { http?: { engine: string; run: { opsPerSec: number } }[] };
  return results.http?.find((h) => h.engine === 'postgres')?.run.opsPerSec ?? null;
}

interface Sample {
  t: number;
  rssMiB: number;
  /** Live heap after a full collection (heap-probe.mjs in the server): what a leak would grow. */
  heapMiB: number;
  commands: number;
  perSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** The machine's 1-minute load average: other work on the same cores shows in the latencies. */
  load1: number;
}

const peak = measuredPeak();
const rate = Number(process.env.SOAK_RATE ?? (peak ? peak / 2 : 20));
const loadAtStart = load();
console.log(
  `soak: ${SECONDS} s at ${fmt(rate, 1)} commands/s (peak ${peak ? fmt(peak, 1) : 'unknown'}), load ${loadAtStart}`,
);

const database = await createDatabase(databaseUrl(), 'guichet_soak');
const server = await startServerChild({
  databaseUrl: database.url,
  nodeArgs: ['--expose-gc', '--import', './api/bench/heap-probe.mjs'],
});
const liveHeap = (): number => {
  const all = [...server.output().matchAll(/soak-heap (\d+)/g)];
  return Number(all.at(-1)?.[1] ?? 0) / 2 ** 20;
};
const api = keepAliveClient(server.url, CLIENTS * 2);
const samples: Sample[] = [];
/** Failed commands by message (status, route and problem title), for the report. */
const failures = new Map<string, number>();
try {
  const op = caseLife(api, await logIn(api));
  let window: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const interval = (1000 * CLIENTS) / rate;
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    // Each client keeps its own schedule, offset from the others: the aggregate is `rate`.
    for (let k = 0, next = start + (c * interval) / CLIENTS; next < end; k++, next += interval) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = performance.now();
      try {
        await op(c, k);
        window.push(performance.now() - t);
      } catch (err) {
        errors++;
        const what = err instanceof Error ? err.message : String(err);
        failures.set(what, (failures.get(what) ?? 0) + 1);
        console.log(`failed: ${what}`);
      }
    }
  });
  const sampler = setInterval(() => {
    const lat = window.sort((a, b) => a - b);
    samples.push({
      t: Math.round((performance.now() - start) / 1000),
      rssMiB: server.rss() / 2 ** 20,
      heapMiB: liveHeap(),
      commands: lat.length,
      perSec: lat.length / (SAMPLE_MS / 1000),
      p50: percentile(lat, 50),
      p99: percentile(lat, 99),
      errors,
      load1: loadavg()[0]!,
    });
    const s = samples.at(-1)!;
    console.log(
      `t=${s.t}s rss=${fmt(s.rssMiB, 1)}MiB heap=${fmt(s.heapMiB, 1)}MiB ${fmt(s.perSec, 1)}/s p50=${fmt(s.p50, 1)} p99=${fmt(s.p99, 1)} errors=${s.errors} load=${fmt(s.load1, 2)}`,
    );
    window = [];
  }, SAMPLE_MS);
  await Promise.all(clients);
  clearInterval(sampler);
} finally {
  api.close();
  await server.stop();
  await database.drop();
}

// Flat means: the last third of the run against the first third after a minute of warm-up.
const settled = samples.filter((s) => s.t > 60);
const third = Math.max(1, Math.floor(settled.length / 3));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const early = settled.slice(0, third);
const late = settled.slice(-third);
const rssGrowth = mean(late.map((s) => s.rssMiB)) - mean(early.map((s) => s.rssMiB));
const heapGrowth = mean(late.map((s) => s.heapMiB)) - mean(early.map((s) => s.heapMiB));
const p99Change = mean(late.map((s) => s.p99)) / mean(early.map((s) => s.p99));
const body = [
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: \`${process.env.SOAK_RATE ? `SOAK_RATE=${process.env.SOAK_RATE} ` : ''}SOAK_SECONDS=${SECONDS} npm run test:soak\` at ${fmt(rate, 1)} commands/s (${process.env.SOAK_RATE ? 'rate given' : `half of the peak measured by the last \`npm run bench\`: ${peak ? fmt(peak, 1) : 'unknown'}`}), ${CLIENTS} clients, server on PostgreSQL in a child process. Load average at the start: ${loadAtStart}; at the end: ${load()}.`,
  '',
  '| | first third (after 60 s) | last third |',
  '|---|--:|--:|',
  `| server RSS, MiB | ${fmt(mean(early.map((s) => s.rssMiB)), 1)} | ${fmt(mean(late.map((s) => s.rssMiB)), 1)} |`,
  `| server live heap after a full GC, MiB | ${fmt(mean(early.map((s) => s.heapMiB)), 1)} | ${fmt(mean(late.map((s) => s.heapMiB)), 1)} |`,
  `| commands/s | ${fmt(mean(early.map((s) => s.perSec)), 1)} | ${fmt(mean(late.map((s) => s.perSec)), 1)} |`,
  `| p50 ms | ${fmt(mean(early.map((s) => s.p50)), 1)} | ${fmt(mean(late.map((s) => s.p50)), 1)} |`,
  `| p99 ms | ${fmt(mean(early.map((s) => s.p99)), 1)} | ${fmt(mean(late.map((s) => s.p99)), 1)} |`,
  '',
  `RSS change between the thirds: ${fmt(rssGrowth, 1)} MiB; live heap change: ${fmt(heapGrowth, 1)} MiB; p99 ratio late/early: ${fmt(p99Change, 2)}; failed commands: ${samples.at(-1)?.errors ?? 0}.`,
  ...[...failures].map(([what, n]) => `- ${n} × ${what.replace(/\s+/g, ' ').slice(0, 300)}`),
  '',
  'Curve, one line per 10 s:',
  '',
  '```csv',
  't_s,rss_mib,heap_mib,commands_per_s,p50_ms,p99_ms,errors,load1',
  ...samples.map(
    (s) =>
      `${s.t},${s.rssMiB.toFixed(1)},${s.heapMiB.toFixed(1)},${s.perSec.toFixed(1)},${s.p50.toFixed(1)},${s.p99.toFixed(1)},${s.errors},${s.load1.toFixed(2)}`,
  ),
  '```',
].join('\n');
writeSection('soak', body);
console.log('docs/benchmarks.md updated (soak section)');
process.exit(0);

/**
 * Writes the measured figures into docs/benchmarks.md between markers, leaving the hand-written
 * analysis around them alone. `section` is `bench` (npm run bench) or `soak` (npm run test:soak).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, type Machine, type Run } from '../../eventstore/bench/lib.ts';
import type { AppendResults, Pair } from '../../eventstore/bench/appends.ts';
import type { CatchUpResult } from './catchup.ts';
import { ROOT } from './child.ts';
import type { HttpResult } from './http.ts';

export const DOC = join(ROOT, 'docs/benchmarks.md');

export interface BenchResults {
  date: string;
  command: string;
  seconds: number;
  machine: Machine;
  loadAtStart: string;
  appends: AppendResults[];
  http: HttpResult[];
  catchUp: CatchUpResult | null;
  /** Figures of an earlier run kept by a partial one (BENCH_ONLY). */
  carried?: string;
}

const ms = (n: number) => fmt(n, 1);
const pct = (n: number, digits = 0) => `${fmt(n * 100, digits)} %`;
const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');

function pairRows(pairs: Pair[], unit: number, label: (p: Pair) => string): string[] {
  return pairs.map(
    (p) =>
      `| ${label(p)} | ${fmt(p.ours.opsPerSec * unit)} | ${ms(p.ours.p50)} / ${ms(p.ours.p99)} | ${fmt(p.raw.opsPerSec * unit)} | ${ms(p.raw.p50)} / ${ms(p.raw.p99)} | ${pct(p.ratio)} | ${p.load} |`,
  );
}

const runCells = (r: Run) => `${ms(r.p50)} | ${ms(r.p99)}`;

export function renderBench(r: BenchResults): string {
  const out: string[] = [];
  out.push(
    `Run of ${r.date}: \`${r.command}\` (BENCH_SECONDS=${r.seconds}).${r.carried ? ` It kept ${r.carried}.` : ''}`,
    '',
  );
  out.push(
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.postgres}. Load average (1, 5, 15 min) at the start: ${r.loadAtStart}.`,
    '',
  );
  const header =
    '| run | ours /s | ours p50 / p99 ms | raw /s | raw p50 / p99 ms | ours ÷ raw | load during |\n|---|--:|--:|--:|--:|--:|---|';
  for (const a of r.appends) {
    out.push(
      `### 1. Single-event appends to new streams — ${a.engine}`,
      '',
      header,
      ...pairRows(a.single, 1, (p) => `${p.writers} writer(s)`),
      '',
    );
    out.push(
      `### 2. Appends of 100-event batches — ${a.engine} (events/s and rows/s)`,
      '',
      header,
      ...pairRows(a.batch, 100, (p) => `${p.writers} writer(s)`),
      '',
    );
  }
  const rawAt32 = (engine: string) =>
    r.appends.find((a) => a.engine === engine)?.single.find((p) => p.writers === 32)?.raw.opsPerSec;
  if (r.http.length > 0) {
    out.push('### 3. Whole commands over HTTP (32 keep-alive clients, server in a child process)', '');
    out.push(
      '| engine | commands/s | p50 ms | p99 ms | errors | ÷ raw single-row inserts at 32 writers | load during |',
      '|---|--:|--:|--:|--:|--:|---|',
    );
    for (const h of r.http) {
      const raw = rawAt32(h.engine);
      out.push(
        `| ${h.engine} | ${fmt(h.run.opsPerSec)} | ${runCells(h.run)} | ${h.run.errors} | ${raw ? pct(h.run.opsPerSec / raw) : '—'} | ${h.load} |`,
      );
    }
    out.push('', '### 5. From an agent’s command to the screens, while benchmark 3 runs', '');
    out.push(
      '| engine | probes | command answered p50 / p99 ms | agent queue row p50 / p99 ms | citizen SSE message p50 / p99 ms | lost |',
      '|---|--:|--:|--:|--:|--:|',
    );
    for (const h of r.http) {
      if (!h.probe) continue;
      const p = h.probe;
      out.push(
        `| ${h.engine} | ${p.command.ops} | ${ms(p.command.p50)} / ${ms(p.command.p99)} | ${ms(p.queue.p50)} / ${ms(p.queue.p99)} | ${ms(p.citizen.p50)} / ${ms(p.citizen.p99)} | ${p.lost} |`,
      );
    }
    out.push('');
  }
  if (r.catchUp) {
    const c = r.catchUp;
    out.push('### 4. Projection catch-up and full rebuild (PostgreSQL)', '');
    out.push(
      `History: ${fmt(c.events)} events (${fmt(c.history.cases)} requests, ${fmt(c.history.citizens)} residents), written in ${fmt(c.history.seconds, 1)} s. Batch size ${c.batchSize}. Load at the end: ${c.load}.`,
      '',
    );
    out.push('| what | seconds | events/s |', '|---|--:|--:|');
    out.push(`| catch-up of every projection from position 0 | ${fmt(c.catchUpSeconds, 1)} | ${fmt(c.eventsPerSec)} |`);
    out.push(
      `| full rebuild (every projection emptied, replayed) | ${fmt(c.rebuildSeconds, 1)} | ${fmt(c.rebuildEventsPerSec)} |`,
      '',
    );
  }
  out.push('### Targets', '', '| target | measured | verdict |', '|---|---|---|');
  const pg = r.appends.find((a) => a.engine === 'postgres');
  const single32 = pg?.single.find((p) => p.writers === 32);
  if (single32)
    out.push(
      `| appends ≥ 70 % of raw single-row inserts at 32 writers | ${pct(single32.ratio, 1)} | ${verdict(single32.ratio >= 0.7)} |`,
    );
  const batch = pg?.batch.at(-1);
  if (batch)
    out.push(
      `| 100-event batches ≥ 70 % of raw 100-row inserts (${batch.writers} writers) | ${pct(batch.ratio, 1)} | ${verdict(batch.ratio >= 0.7)} |`,
    );
  const h = r.http.find((x) => x.engine === 'postgres');
  if (h && single32) {
    const ratio = h.run.opsPerSec / single32.raw.opsPerSec;
    out.push(
      `| HTTP commands ≥ 35 % of raw single-row inserts, p99 ≤ 50 ms | ${pct(ratio)}, p99 ${ms(h.run.p99)} ms | ${verdict(ratio >= 0.35 && h.run.p99 <= 50)} |`,
    );
  }
  if (r.catchUp) {
    out.push(
      `| catch-up ≥ 50,000 events/s | ${fmt(r.catchUp.eventsPerSec)} events/s over ${fmt(r.catchUp.events)} events | ${verdict(r.catchUp.eventsPerSec >= 50_000)} |`,
    );
    const per1M = (r.catchUp.rebuildSeconds * 1_000_000) / r.catchUp.events;
    out.push(
      `| rebuild of 1M events ≤ 20 s | ${fmt(r.catchUp.rebuildSeconds, 1)} s for ${fmt(r.catchUp.events)} events${r.catchUp.events !== 1_000_000 ? ` (≈ ${fmt(per1M)} s per million)` : ''} | ${verdict(per1M <= 20)} |`,
    );
  }
  if (h?.probe) {
    const worst = Math.max(h.probe.queue.p99, h.probe.citizen.p99);
    out.push(
      `| command → screen p99 ≤ 100 ms | queue ${ms(h.probe.queue.p99)} ms, citizen ${ms(h.probe.citizen.p99)} ms | ${verdict(worst <= 100)} |`,
    );
  }
  return out.join('\n');
}

/** Replaces what lies between `<!-- section:start -->` and `<!-- section:end -->`, or appends it. */
export function writeSection(section: string, body: string): void {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  const next = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(DOC, next);
}

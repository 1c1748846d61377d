/**
 * Benchmark 3 (and 5): whole commands over HTTP with 32 keep-alive clients against the server
 * running in a child process; meanwhile, in another process, the probe of benchmark 5.
 * Run alone: `node --import tsx api/bench/http.ts [postgres|pglite]`.
 */
import { spawn } from 'node:child_process';
import { databaseUrl, fmt, load, timed, type Run } from '../../eventstore/bench/lib.ts';
import { createDatabase, ROOT, startServerChild } from './child.ts';
import { keepAliveClient } from './http-client.ts';
import { caseLife, logIn } from './workload.ts';

export interface ProbeResult {
  command: Run;
  queue: Run;
  citizen: Run;
  lost: number;
}

export interface HttpResult {
  engine: 'postgres' | 'pglite';
  clients: number;
  run: Run;
  probe: ProbeResult | null;
  load: string;
}

function runProbe(url: string, seconds: number): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/bench/probe.ts', url, String(seconds)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ProbeResult);
      else reject(new Error(`probe failed (${code}): ${err || out}`));
    });
  });
}

export async function benchHttp(options: {
  engine: 'postgres' | 'pglite';
  seconds: number;
  clients?: number;
  probe?: boolean;
  /** Node flags for the server child, e.g. --cpu-prof. */
  nodeArgs?: string[];
  log?: (line: string) => void;
}): Promise<HttpResult> {
  const { engine, seconds, clients = 32, log = () => {} } = options;
  const database = engine === 'postgres' ? await createDatabase(databaseUrl()) : null;
  const server = await startServerChild({ databaseUrl: database?.url, nodeArgs: options.nodeArgs ?? [] });
  const api = keepAliveClient(server.url, clients * 2);
  try {
    const tokens = await logIn(api);
    await timed(clients, Math.min(2, seconds / 3), caseLife(api, tokens));
    const probe = options.probe === false ? null : runProbe(server.url, seconds);
    const run = await timed(clients, seconds, caseLife(api, tokens));
    const probed = probe ? await probe : null;
    log(
      `${engine} HTTP x${clients}: ${fmt(run.opsPerSec)} commands/s, p50 ${fmt(run.p50, 1)} ms, p99 ${fmt(run.p99, 1)} ms, errors ${run.errors}` +
        (probed
          ? `; queue p99 ${fmt(probed.queue.p99, 1)} ms, citizen SSE p99 ${fmt(probed.citizen.p99, 1)} ms, lost ${probed.lost}`
          : ''),
    );
    return { engine, clients, run, probe: probed, load: load() };
  } finally {
    api.close();
    await server.stop();
    await database?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const result = await benchHttp({
    engine,
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    nodeArgs: prof,
    log: console.log,
  });
  console.log(JSON.stringify(result, null, 2));
}

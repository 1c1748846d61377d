/**
 * The product in a child process (`node --import tsx api/src/server.ts`), so load generators and
 * fault tests never share its event loop; and throwaway PostgreSQL databases for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface ServerChild {
  url: string;
  pid: number;
  process: ChildProcess;
  /** Everything the child printed (stdout and stderr), for diagnosis. */
  output(): string;
  /** Resident set size of the child in bytes (Linux /proc). */
  rss(): number;
  /** SIGTERM (graceful) and wait; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  /** postgres://…; absent: PGlite in a temporary data directory. */
  databaseUrl?: string | undefined;
  role?: 'all' | 'api' | 'projector';
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
  /** What "started" means: /health answers (default for api/all), or at once (a projector to kill mid-way). */
  ready?: 'health' | 'projector-caught-up' | 'spawned';
}

/** Starts the server and resolves once it is ready (see `ServerOptions.ready`). */
export async function startServerChild(options: ServerOptions = {}): Promise<ServerChild> {
  const role = options.role ?? 'all';
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-'));
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'api/src/server.ts', '--role', role],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        GUICHET_SERVE_APPS: 'false',
        GUICHET_DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        DATABASE_URL: options.databaseUrl ?? '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready in time:\n${output}`);
    }
    const ready = options.ready ?? (role === 'projector' ? 'projector-caught-up' : 'health');
    if (ready === 'spawned') break;
    if (ready === 'projector-caught-up' ? output.includes('projections en cours') : await answers(`${url}/health`))
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const done = async () => {
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    url,
    pid: child.pid!,
    process: child,
    output: () => output,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await done();
      clearTimeout(timer);
    },
    async kill(signal) {
      child.kill(signal);
      await done();
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** A new database on the server of `baseUrl` (the server process opens its default schema in it). */
export async function createDatabase(
  baseUrl: string,
  prefix = 'guichet_bench',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await c.end();
    },
  };
}

/** Shared pieces of the benchmarks: timing loops, percentiles, fresh databases, the machine's description. */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDb, type Db } from '../src/db.ts';
import type { NewEvent } from '../src/types.ts';

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const databaseUrl = (): string => process.env.DATABASE_URL || DEFAULT_URL;

export interface Run {
  ops: number;
  seconds: number;
  opsPerSec: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(latencies: number[], seconds: number, errors = 0): Run {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    ops: latencies.length,
    seconds,
    opsPerSec: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
  };
}

/**
 * `writers` loops calling `op` back to back for `seconds`; every call's latency is kept. A failed
 * call counts as an error, not as an operation.
 */
export async function timed(
  writers: number,
  seconds: number,
  op: (writer: number, i: number) => Promise<unknown>,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          await op(w, i);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  if (errors > 0 && latencies.length === 0) throw firstError;
  return summarize(latencies, elapsed, errors);
}

/** A fresh schema on PostgreSQL (dropped on close) or an in-memory PGlite. */
export async function freshDb(engine: 'postgres' | 'pglite', poolSize = 40): Promise<Db> {
  if (engine === 'pglite') return openDb({ schema: 'bench' });
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const db = await openDb({ url: databaseUrl(), schema, poolSize });
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await db.exec(`drop schema if exists ${schema} cascade`).catch(() => {});
      await close();
    },
  });
}

const MESSAGES = [
  'Bonjour, pouvez-vous me dire où en est ma demande ? Je dois fournir ce document avant la fin du mois.',
  'Votre demande est en cours de traitement ; nous revenons vers vous sous huit jours ouvrés.',
  'Merci de joindre un justificatif de domicile de moins de trois mois.',
];

/** A realistic case event (a message with its metadata), about 700 bytes of JSON. */
export function sampleEvent(i = 0): NewEvent {
  const caseId = randomUUID();
  const actor = randomUUID();
  return {
    type: 'MessageSent',
    data: { caseId, messageId: randomUUID(), from: 'agent', text: MESSAGES[i % MESSAGES.length]!, documents: [] },
    metadata: {
      eventId: randomUUID(),
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      actor,
      actorRole: 'agent',
      tenant: 'ville-de-s',
      channel: 'web',
      recordedAt: new Date().toISOString(),
    },
  };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  load: string;
}

export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function describeMachine(): Promise<Machine> {
  let postgres = 'unreachable';
  try {
    const db = await openDb({ url: databaseUrl(), schema: 'public', poolSize: 1 });
    const { rows } = await db.query<{ v: string }>("select current_setting('server_version') as v");
    postgres = `PostgreSQL ${rows[0]?.v ?? '?'}`;
    const settings = await db.query<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in ('shared_buffers', 'synchronous_commit', 'fsync')`,
    );
    postgres += ` (${settings.rows.map((s) => `${s.name}=${s.setting}${s.unit && s.unit !== '8kB' ? s.unit : s.unit === '8kB' ? '×8kB' : ''}`).join(', ')})`;
    await db.close();
  } catch {
    // described as unreachable
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? '?',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    load: load(),
  };
}

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

import { randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import type { Db, Queryable } from './db.ts';
import type { Checkpoint, EventMetadata, EventStore, NewEvent, RecordedEvent } from './types.ts';

/** Test support for the contract suite: event factories and instrumented databases. */

export const caseStream = () => `case-${randomUUID()}`;

export function newEvent(type: string, data: unknown, metadata: Partial<EventMetadata> = {}): NewEvent {
  const commandId = randomUUID();
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      commandId,
      correlationId: commandId,
      causationId: null,
      actor: 'agent-1',
      actorRole: 'instructeur',
      tenant: 'commune-test',
      channel: 'counter',
      recordedAt: '2026-03-02T09:15:00.000Z',
      ...metadata,
    },
  };
}

export const noted = (n: number) => newEvent('NoteAdded', { text: `note ${n}` });

/** Subscribes and collects; `until(n)` resolves once n events arrived (rejects after timeoutMs). */
export function collect(events$: Observable<RecordedEvent>) {
  const received: RecordedEvent[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let completed = false;
  let failure: unknown;
  const subscription = events$.subscribe({
    next(event) {
      received.push(event);
      for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
    },
    error(error: unknown) {
      failure = error;
    },
    complete() {
      completed = true;
    },
  });
  return {
    received,
    subscription,
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
    until(n: number, timeoutMs = 30_000): Promise<void> {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${n} events`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The same database, with every query counted and, while `failing` is set, refused the way a lost
 * connection refuses (so the store's reaction to an outage can be watched without killing a server).
 */
export function instrument(db: Db) {
  const control = { queries: 0, failing: false, failures: 0 };
  const query: Queryable['query'] = (sql, params, options) => {
    control.queries++;
    if (control.failing) {
      control.failures++;
      return Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
    }
    return db.query(sql, params, options);
  };
  const wrapped: Db = Object.assign(Object.create(db) as Db, { query });
  return { db: wrapped, control };
}

/**
 * head() once every committed event is readable. The fence spans the whole cluster: on a shared
 * PostgreSQL, someone else's open transaction can hold back our own fresh events for a moment.
 */
export async function settledHead(db: Db, store: EventStore, timeoutMs = 10_000): Promise<Checkpoint> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.head();
    const { rows } = await db.query<{ txid: string; position: number }>(
      'select transaction_id::text as txid, position from events order by transaction_id desc, position desc limit 1',
    );
    const last = rows[0];
    if (!last || (last.txid === head.transactionId && Number(last.position) === head.position)) return head;
    if (Date.now() > deadline) throw new Error(`events still held back after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * Many writers racing, some of their transactions rolled back, one transaction held open for a
 * while, and a live subscriber that must receive every committed event once, in an order a later
 * full read agrees with.
 */
import { randomUUID } from 'node:crypto';
import type { Db, EventStore, NewEvent, RecordedEvent } from '@guichet/eventstore';

export interface FaultPlan {
  writers: number;
  /** Committed events to reach (about: the last append of each writer may pass it by a little). */
  total: number;
  /** One append in `rollbackEvery` is made in a transaction that is then rolled back. */
  rollbackEvery: number;
  /** How long the held transaction stays open after it wrote. */
  holdMs: number;
}

export interface FaultOutcome {
  committed: string[];
  rolledBack: Set<string>;
  /** Committed event ids per stream, in stream order. */
  streams: Map<string, string[]>;
  received: RecordedEvent[];
  /** Committed events when the held transaction wrote, and received ones just before it committed. */
  committedBeforeHeld: number;
  receivedWhileHeld: number;
  heldIds: string[];
}

class Rollback extends Error {}

function event(writer: number, turn: number): NewEvent {
  const id = randomUUID();
  return {
    type: 'NoteAdded',
    data: { writer, turn },
    metadata: {
      eventId: id,
      commandId: id,
      correlationId: id,
      causationId: null,
      actor: 'system',
      tenant: 'faults',
      channel: 'system',
      recordedAt: new Date().toISOString(),
    },
  };
}

const asAppendJson = (events: NewEvent[]) => JSON.stringify(events.map((e) => ({ ...e, schemaVersion: 1 })));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends in a transaction of its own through the store's SQL function, then rolls it back. */
async function appendThenRollBack(db: Db, streamId: string, expected: number, events: NewEvent[]): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.query('select * from append_events($1, $2, $3)', [streamId, expected, asAppendJson(events)]);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

export async function runWritersUnderFaults(db: Db, store: EventStore, plan: FaultPlan): Promise<FaultOutcome> {
  const received: RecordedEvent[] = [];
  const subscription = store.subscribe().subscribe((e) => received.push(e));
  const outcome: FaultOutcome = {
    committed: [],
    rolledBack: new Set(),
    streams: new Map(),
    received,
    committedBeforeHeld: 0,
    receivedWhileHeld: 0,
    heldIds: [],
  };
  let committedCount = 0;

  // Held transaction: appends early, then stays open, holding every reader behind its xid.
  const heldStream = `held-${randomUUID()}`;
  let releaseHeld: () => void = () => {};
  const heldStarted = new Promise<void>((r) => (releaseHeld = r));
  const held = (async () => {
    await heldStarted;
    const session = await db.connect();
    try {
      const events = [event(-1, 0), event(-1, 1)];
      await session.transaction(async (tx) => {
        await tx.query('select * from append_events($1, $2, $3)', [heldStream, 0, asAppendJson(events)]);
        outcome.committedBeforeHeld = committedCount;
        await sleep(plan.holdMs);
        outcome.receivedWhileHeld = received.length;
      });
      outcome.heldIds = events.map((e) => e.metadata.eventId);
      outcome.streams.set(heldStream, outcome.heldIds);
      outcome.committed.push(...outcome.heldIds);
      committedCount += events.length;
    } finally {
      await session.release();
    }
  })();

  const perWriter = Math.ceil(plan.total / plan.writers);
  const writer = async (w: number) => {
    const streams = Array.from({ length: 4 }, () => ({ id: `case-${randomUUID()}`, ids: [] as string[] }));
    for (let turn = 0, written = 0; written < perWriter; turn++) {
      const stream = streams[turn % streams.length]!;
      const events = Array.from({ length: 1 + ((turn + w) % 3) }, (_, k) => event(w, turn * 10 + k));
      if ((turn * plan.writers + w) % plan.rollbackEvery === 0) {
        await appendThenRollBack(db, stream.id, stream.ids.length, events);
        for (const e of events) outcome.rolledBack.add(e.metadata.eventId);
        continue;
      }
      await store.append(stream.id, events, stream.ids.length);
      stream.ids.push(...events.map((e) => e.metadata.eventId));
      written += events.length;
      committedCount += events.length;
      if (w === 0 && committedCount >= plan.total / 10) releaseHeld();
    }
    for (const s of streams) outcome.streams.set(s.id, s.ids);
  };
  await Promise.all(Array.from({ length: plan.writers }, (_, w) => writer(w)));
  releaseHeld();
  await held;
  for (const [id, ids] of outcome.streams) if (id !== heldStream) outcome.committed.push(...ids);

  const deadline = Date.now() + 60_000;
  while (received.length < committedCount && Date.now() < deadline) await sleep(50);
  await sleep(200); // anything past the expected count would be a duplicate: give it a chance to show
  subscription.unsubscribe();
  return outcome;
}

/** `(transactionId, position)` strictly increasing: the order `$all` promises. */
export function inAllOrder(events: readonly RecordedEvent[]): boolean {
  for (let i = 1; i < events.length; i++) {
    const a = events[i - 1]!;
    const b = events[i]!;
    const ta = BigInt(a.transactionId);
    const tb = BigInt(b.transactionId);
    if (!(ta < tb || (ta === tb && a.position < b.position))) return false;
  }
  return true;
}

import { expect } from 'vitest';
import type { EventStore } from '@guichet/eventstore';
import { inAllOrder, type FaultOutcome, type FaultPlan } from './writers.ts';

/** What the live subscriber got must be exactly the committed events, once each, in `$all` order. */
export async function expectNothingLost(store: EventStore, outcome: FaultOutcome, plan: FaultPlan): Promise<void> {
  const ids = outcome.received.map((e) => e.metadata.eventId);
  const committed = new Set(outcome.committed);
  expect(outcome.committed.length).toBeGreaterThanOrEqual(plan.total);
  expect(outcome.rolledBack.size).toBeGreaterThan(0);
  expect(new Set(ids).size, 'duplicates delivered').toBe(ids.length);
  expect(
    ids.filter((id) => outcome.rolledBack.has(id)),
    'rolled-back events delivered',
  ).toEqual([]);
  const delivered = new Set(ids);
  expect(
    outcome.committed.filter((id) => !delivered.has(id)),
    'committed events skipped',
  ).toEqual([]);
  expect(ids.length).toBe(committed.size);
  expect(inAllOrder(outcome.received), 'subscriber order is ($all) transaction id, position').toBe(true);

  // Every stream arrives whole and in version order.
  const byStream = new Map<string, { versions: number[]; ids: string[] }>();
  for (const e of outcome.received) {
    const s = byStream.get(e.streamId) ?? { versions: [], ids: [] };
    s.versions.push(e.streamVersion);
    s.ids.push(e.metadata.eventId);
    byStream.set(e.streamId, s);
  }
  for (const [streamId, written] of outcome.streams) {
    const got = byStream.get(streamId) ?? { versions: [], ids: [] };
    expect(got.ids, `stream ${streamId}`).toEqual(written);
    expect(got.versions).toEqual(written.map((_, i) => i + 1));
  }
  // The held transaction kept readers behind it: nothing much past what was committed when it wrote.
  expect(outcome.heldIds.every((id) => delivered.has(id))).toBe(true);
  expect(outcome.receivedWhileHeld).toBeLessThanOrEqual(outcome.committedBeforeHeld + plan.writers * 3);

  // A later full read gives the very same sequence.
  const all = await store.readAll();
  expect(all.map((e) => e.metadata.eventId)).toEqual(ids);
}

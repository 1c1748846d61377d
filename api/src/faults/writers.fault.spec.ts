import { afterAll, beforeAll, describe, it } from 'vitest';
import { createEventStore, type Db, type EventStore } from '@guichet/eventstore';
import { testDatabases } from '@guichet/eventstore/testing';
import { expectNothingLost } from './check-writers.ts';
import { runWritersUnderFaults, type FaultPlan } from './writers.ts';

const postgres = testDatabases().filter((d) => d.name === 'postgres');

/** Full size: 64 writers, 5% of appends rolled back, a transaction held open 10 s, ≥ 100,000 events. */
describe.each(postgres)('64 concurrent writers under faults on $name', ({ open }) => {
  let db: Db;
  let store: EventStore;
  beforeAll(async () => {
    db = await open();
    store = await createEventStore(db);
  });
  afterAll(async () => {
    await store?.close();
    await db?.close();
  });

  it(
    'delivers all 100,000+ committed events once, skips none, and a full read agrees',
    { timeout: 600_000 },
    async () => {
      const plan: FaultPlan = { writers: 64, total: 100_000, rollbackEvery: 20, holdMs: 10_000 };
      const outcome = await runWritersUnderFaults(db, store, plan);
      await expectNothingLost(store, outcome, plan);
    },
  );
});

import { afterAll, beforeAll, describe, it } from 'vitest';
import { createEventStore, type Db, type EventStore } from '@guichet/eventstore';
import { testDatabases } from '@guichet/eventstore/testing';
import { expectNothingLost } from './check-writers.ts';
import { runWritersUnderFaults, type FaultPlan } from './writers.ts';

/** The small version of the fault run (the full one, 64 writers and 100,000 events, is `npm run test:faults`). */
describe.each(testDatabases())(
  'concurrent writers with rollbacks and a held transaction on $name',
  ({ name, open }) => {
    let db: Db;
    let store: EventStore;
    beforeAll(async () => {
      db = await open();
      store = await createEventStore(db, { pollIntervalMs: 100 });
    });
    afterAll(async () => {
      await store?.close();
      await db?.close();
    });

    it('delivers every committed event once to a live subscriber, in an order a full read repeats', async () => {
      const plan: FaultPlan = {
        writers: 16,
        total: name === 'postgres' ? 3000 : 1500,
        rollbackEvery: 20,
        holdMs: name === 'postgres' ? 2000 : 300,
      };
      const outcome = await runWritersUnderFaults(db, store, plan);
      await expectNothingLost(store, outcome, plan);
    });
  },
);

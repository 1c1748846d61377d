import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../eventstore/src/testing.ts';
import { allProjections } from './all.ts';
import { busyTownHall } from './testing/bulk.ts';
import { runnerFor, withStore } from './testing/setup.ts';

// 10 events a case: 2,000 cases make the ≈20,000-event log the measurement is quoted for.
const CASES = Number(process.env.PROJECTION_BENCH_CASES ?? 2000);

describe.each(testDatabases())('catch-up speed on $name', ({ name, open }) => {
  it(`projects a log of ${CASES * 10} events from scratch, and says how fast`, async () => {
    const { db, store, close } = await withStore(open);
    try {
      const history = busyTownHall(CASES);
      for (const { streamId, events } of history.coalesced()) await store.append(streamId, events);
      const runner = runnerFor(db, store, { batchSize: 500 });
      await runner.lag(); // tables created before the clock starts

      const started = performance.now();
      await runner.catchUp();
      const seconds = (performance.now() - started) / 1000;
      await runner.stop();

      const perSecond = Math.round(history.eventCount / seconds);
      console.log(
        `[catch-up ${name}] ${history.eventCount} events × ${allProjections.length} projections in ${seconds.toFixed(2)} s: ` +
          `${perSecond} events/s (${perSecond * allProjections.length} projection-events/s)`,
      );
      expect((await runner.lag()).every((l) => l.caughtUp)).toBe(true);
      const count = async (table: string) =>
        Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);
      expect(await count('rm_cases')).toBe(CASES);
      expect(await count('rm_case_timeline')).toBe(CASES * 10);
      // Notes and assignments never reach the citizen's history: 8 contacts out of 10 events.
      expect(await count('rm_citizen_history')).toBe(CASES * 8);
    } finally {
      await close();
    }
  });
});

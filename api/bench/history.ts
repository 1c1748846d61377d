/**
 * A town's long history for the catch-up benchmark: the demo town (services, staff, published
 * procedures), then many residents and requests written in the domain's event shapes — channels,
 * messages, calls, notes, information requests, decisions, ratings — appended straight to the store
 * in batches by concurrent writers. Each request is appended in two parts (its first days, then its
 * end) with other requests in between, so `$all` interleaves cases as real days do.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@guichet/eventstore';
import { CITIZEN } from '../src/demo/accounts.ts';
import { seededRandom } from '../src/demo/random.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { caseLife, DAY, meta } from './case-life.ts';

export interface HistoryStats {
  events: number;
  cases: number;
  citizens: number;
  seconds: number;
}

/** Appends about `events` events (demo town included); `writers` appends run at once. */
export async function generateHistory(
  store: EventStore,
  options: { events: number; writers?: number; log?: (s: string) => void },
): Promise<HistoryStats> {
  const started = Date.now();
  const random = seededRandom(7);
  const seeded = await seedDemo({ store, now: new Date(), hashPassword: async () => 'scrypt$bench$not-a-real-hash' });
  let events = seeded.events;
  const citizenCount = Math.max(10, Math.floor(options.events / 100));
  const citizens: string[] = [CITIZEN.id];
  const registrations: Promise<unknown>[] = [];
  for (let i = 0; i < citizenCount; i++) {
    const citizenId = randomUUID();
    citizens.push(citizenId);
    const email = `habitant.${i}@exemple.fr`;
    registrations.push(
      store.append(
        `citizen-${citizenId}`,
        [
          {
            type: 'CitizenRegistered',
            data: {
              citizenId,
              tenant: 'ville-de-s',
              email,
              passwordHash: 'scrypt$bench',
              profile: { firstName: 'Habitant', lastName: String(i), email },
            },
            metadata: meta('anonymous', 'anonymous', 'web', Date.now() - 400 * DAY),
          },
        ],
        'no_stream',
      ),
    );
    if (registrations.length >= 64) await Promise.all(registrations.splice(0));
  }
  await Promise.all(registrations);
  events += citizenCount;

  // A window of requests in progress: each writer takes the next part to append.
  const window: { stream: string; rest: NewEvent[] }[] = [];
  const WINDOW = 256;
  let n = 0;
  let t = Date.now() - 365 * DAY;
  const next = (): { stream: string; batch: NewEvent[]; version: number } | null => {
    if (events < options.events && (window.length < WINDOW || random() < 0.5)) {
      const [first, second] = caseLife(random, n++, citizens, (t += 30_000));
      const stream = `case-${(first[0]!.data as { caseId: string }).caseId}`;
      window.push({ stream, rest: second });
      events += first.length + second.length;
      return { stream, batch: first, version: 0 };
    }
    const done = window.splice(Math.floor(random() * window.length), 1)[0];
    return done ? { stream: done.stream, batch: done.rest, version: 5 } : null;
  };
  let lastLog = Date.now();
  await Promise.all(
    Array.from({ length: options.writers ?? 8 }, async () => {
      for (let job = next(); job; job = next()) {
        // The second part waits for the first: a writer may take it before the first committed.
        for (;;) {
          try {
            await store.append(job.stream, job.batch, job.version === 0 ? 'no_stream' : job.version);
            break;
          } catch (error) {
            if ((error as Error).name !== 'ConcurrencyError') throw error;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
        if (options.log && Date.now() - lastLog > 10_000) {
          lastLog = Date.now();
          options.log(`  history: ${events.toLocaleString('en-US')} events`);
        }
      }
    }),
  );
  return { events, cases: n, citizens: citizenCount, seconds: (Date.now() - started) / 1000 };
}

import { Observable } from 'rxjs';
import type { Checkpoint, RecordedEvent } from './types.ts';
import type { EventRow } from './records.ts';

export interface SubscriptionSource {
  /** Database read of `$all` after `from`; its failures are retried. */
  fetch(from: Checkpoint, limit: number): Promise<EventRow[]>;
  /** Turns a row into an event; its failures (an upcaster's bug) end the subscription. */
  toEvent(row: EventRow): RecordedEvent;
  generation(): number;
  waitForChange(since: number, signal: AbortSignal): Promise<void>;
  /** Aborted when the store closes: subscriptions then complete. */
  closed: AbortSignal;
  onError?: ((error: unknown, attempt: number) => void) | undefined;
}

export const BATCH_SIZE = 500;
const MAX_BACKOFF_MS = 5_000;

/** Catch up in batches, then wait for a wake-up, forever; a lost connection is retried, never fatal. */
export function subscribeAll(source: SubscriptionSource, from: Checkpoint): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    const stop = new AbortController();
    const onClose = () => {
      stop.abort();
      subscriber.complete();
    };
    if (source.closed.aborted) {
      subscriber.complete();
      return;
    }
    source.closed.addEventListener('abort', onClose, { once: true });

    const run = async () => {
      let checkpoint = from;
      let failures = 0;
      while (!stop.signal.aborted) {
        const seen = source.generation();
        let rows: EventRow[];
        try {
          rows = await source.fetch(checkpoint, BATCH_SIZE);
          failures = 0;
        } catch (error) {
          if (stop.signal.aborted) return;
          failures++;
          source.onError?.(error, failures);
          await sleep(Math.min(MAX_BACKOFF_MS, 50 * 2 ** failures), stop.signal);
          continue;
        }
        for (const row of rows) {
          if (stop.signal.aborted) return;
          subscriber.next(source.toEvent(row));
          checkpoint = { transactionId: row.txid, position: Number(row.position) };
        }
        if (rows.length < BATCH_SIZE) await source.waitForChange(seen, stop.signal);
      }
    };
    run().catch((error: unknown) => subscriber.error(error));

    return () => {
      stop.abort();
      source.closed.removeEventListener('abort', onClose);
    };
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

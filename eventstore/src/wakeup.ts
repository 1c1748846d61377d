import { randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import type { Db } from './db.ts';

export const CHANNEL = 'events';

/** Stores of each PGlite database, for waking each other without NOTIFY. */
const inProcess = new WeakMap<Db, Set<Wakeup>>();

/**
 * Tells readers that new events may be readable.
 *
 * A local append wakes this process's readers at once (no round trip), then one NOTIFY tells other
 * processes. The NOTIFY is sent after the append committed, in a transaction of its own: inside
 * the append, PostgreSQL's global notify-queue lock would serialise every commit. Appends that
 * commit while a NOTIFY is in flight share one more NOTIFY sent after it, so at most one is in
 * flight per store and the last commit is always followed by one.
 *
 * PGlite lives in one process: there, the other stores of the same database are woken directly and
 * no NOTIFY is sent (each would be one more statement on its single connection).
 *
 * Readers compare a generation counter rather than only listening, so a wake-up that happens while
 * a reader is still reading is not lost.
 */
export class Wakeup {
  readonly #db: Db;
  readonly #id = randomUUID();
  readonly #changed = new Subject<void>();
  #generation = 0;
  #notifying: Promise<void> | null = null;
  #notifyAgain = false;
  #stopListening: (() => Promise<void>) | null = null;

  constructor(db: Db) {
    this.#db = db;
  }

  async start(): Promise<void> {
    if (this.#db.kind === 'pglite') {
      const peers = inProcess.get(this.#db) ?? new Set();
      inProcess.set(this.#db, peers.add(this));
      this.#stopListening = async () => void peers.delete(this);
      return;
    }
    this.#stopListening = await this.#db.listen(CHANNEL, (payload) => {
      // Our own NOTIFY comes back to us: local readers were already woken.
      if (payload !== this.#id) this.#bump();
    });
  }

  get generation(): number {
    return this.#generation;
  }

  /** Called once an append has committed. */
  committed(): void {
    this.#bump();
    const peers = inProcess.get(this.#db);
    if (peers) {
      for (const peer of peers) if (peer !== this) peer.#bump();
      return;
    }
    if (this.#notifying) {
      this.#notifyAgain = true;
      return;
    }
    this.#notifying = this.#sendNotifications();
  }

  /** Resolves when the generation moves past `since`, after `timeoutMs`, or on abort. */
  waitForChange(since: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.#generation !== since || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.unsubscribe();
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const subscription = this.#changed.subscribe(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async stop(): Promise<void> {
    this.#notifyAgain = false;
    await this.#notifying;
    await this.#stopListening?.();
    this.#changed.complete();
  }

  #bump(): void {
    this.#generation++;
    this.#changed.next();
  }

  async #sendNotifications(): Promise<void> {
    // Let the appends resolved in the same turn of the event loop share this NOTIFY.
    await new Promise((resolve) => setImmediate(resolve));
    do {
      this.#notifyAgain = false;
      // Lost NOTIFYs only delay other processes until their next poll.
      await this.#db.notify(CHANNEL, this.#id).catch(() => {});
    } while (this.#notifyAgain);
    this.#notifying = null;
  }
}

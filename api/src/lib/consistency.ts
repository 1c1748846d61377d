import type { Observable } from 'rxjs';
import type { Db, EventStore } from '@guichet/eventstore';
import type { ChangeNotice } from '../plugins/context.ts';

const POLL_MS = 25;
const DEFAULT_TIMEOUT_MS = 2000;

interface Waiter {
  xid: bigint;
  position: number;
  /** The read models the next screen reads; null: all of them. */
  projections: ReadonlySet<string> | null;
  deadline: number;
  resolve(done: boolean): void;
}

/** `$all` order: (transaction id, position). */
const atOrAfter = (cx: bigint, cp: number, x: bigint, p: number) => cx > x || (cx === x && cp >= p);

/**
 * The read models behind the screens a case command leads to: the case page and the queues
 * (`cases`), its history (`case_timeline`), the resident's history (`citizen_history`). Search,
 * indicators and the audit journal follow a few milliseconds later; a command does not wait for them.
 */
export const CASE_SCREENS: readonly string[] = ['cases', 'case_timeline', 'citizen_history'];

/**
 * Read-your-writes for HTTP clients: a command answers once the projections the next page reads
 * (every projection unless the route names them) have processed its last event, so the page the
 * client loads next already shows it. Bounded: past the
 * timeout the command is still accepted (it is in the log) and the answer goes out.
 *
 * All waiting commands share one check of the checkpoints, run when a projection batch
 * commits (or every 25 ms while someone waits), so 32 concurrent commands cost one query, not 32.
 */
export function projectionWaiter(db: Db, store: EventStore, changes: Observable<ChangeNotice>) {
  const waiters = new Set<Waiter>();
  let checking: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function check(): Promise<void> {
    const { rows } = await db.query<{ name: string; x: string; p: number }>(
      'select name, transaction_id::text as x, position as p from projection_checkpoints',
    );
    const now = Date.now();
    for (const w of [...waiters]) {
      const relevant = w.projections ? rows.filter((r) => w.projections!.has(r.name)) : rows;
      const done = relevant.length > 0 && relevant.every((r) => atOrAfter(BigInt(r.x), r.p, w.xid, w.position));
      if (done || now >= w.deadline) {
        waiters.delete(w);
        w.resolve(done);
      }
    }
  }

  function schedule(): void {
    if (checking) {
      again = true;
      return;
    }
    checking = check()
      .catch(() => {
        // The database is away: waiters time out, commands still answer.
      })
      .finally(() => {
        checking = null;
        if (again) {
          again = false;
          schedule();
        }
        armTimer();
      });
  }

  function armTimer(): void {
    if (timer || waiters.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      schedule();
    }, POLL_MS);
  }

  const sub = changes.subscribe(() => {
    if (waiters.size > 0) schedule();
  });

  return {
    async waitFor(
      position: number,
      options: { timeoutMs?: number; projections?: readonly string[]; transactionId?: string | null } = {},
    ): Promise<boolean> {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const projections = options.projections ? new Set(options.projections) : null;
      let txid = options.transactionId ?? null;
      if (txid === null) {
        const { rows } = await db.query<{ x: string }>(
          'select transaction_id::text as x from events where position = $1',
          [position],
        );
        if (!rows[0]) return false;
        txid = rows[0].x;
      }
      const xid = BigInt(txid);
      return new Promise<boolean>((resolve) => {
        waiters.add({ xid, position, projections, deadline: Date.now() + timeoutMs, resolve });
        schedule();
      });
    },
    /** For an API-only process: how far each projection is behind the head of the log. */
    async lag(): Promise<{ name: string; behind: number }[]> {
      const head = await store.head();
      const { rows } = await db.query<{ name: string; behind: number }>(
        `select c.name, (select count(*)::int from events e
                          where (e.transaction_id, e.position) > (c.transaction_id::text::xid8, c.position)
                            and e.position <= $1) as behind
           from projection_checkpoints c order by c.name`,
        [head.position],
      );
      return rows;
    },
    close(): void {
      sub.unsubscribe();
      if (timer) clearTimeout(timer);
      for (const w of waiters) w.resolve(false);
      waiters.clear();
    },
  };
}

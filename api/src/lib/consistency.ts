import type { Observable } from 'rxjs';
import type { Db, EventStore } from '@guichet/eventstore';
import type { ChangeNotice } from '../plugins/context.ts';

const POLL_MS = 25;
const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Read-your-writes for HTTP clients: a command answers once every projection has processed
 * its last event, so the page the client loads next already shows it. Bounded: past the
 * timeout the command is still accepted (it is in the log) and the answer goes out.
 */
export function projectionWaiter(db: Db, store: EventStore, changes: Observable<ChangeNotice>) {
  const waiters = new Set<() => void>();
  const sub = changes.subscribe(() => {
    for (const wake of [...waiters]) wake();
  });

  async function behind(position: number): Promise<number> {
    // $all is ordered by (transaction id, position): compare checkpoints on both.
    const { rows } = await db.query<{ behind: number }>(
      `select count(*)::int as behind
         from projection_checkpoints c, (select transaction_id from events where position = $1) e
        where (c.transaction_id::text::xid8, c.position) < (e.transaction_id, $1::bigint)`,
      [position],
    );
    return rows[0]?.behind ?? 0;
  }

  return {
    async waitFor(position: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while ((await behind(position)) > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, Math.min(POLL_MS, left));
          waiters.add(wake);
        });
      }
      return true;
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
    close: () => sub.unsubscribe(),
  };
}

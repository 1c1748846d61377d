import type { Queryable, RecordedEvent } from '@guichet/eventstore';
import { defineProjection, emptyTouched, type Projection } from '../projection.ts';

/**
 * A projection that counts how many times each event reached it: a count above 1 means an event
 * was applied twice. `failOn` makes its handler throw on the events it matches.
 */
export function probe(
  name: string,
  options: { version?: number; mark?: string; failOn?: (e: RecordedEvent) => boolean } = {},
): Projection {
  const table = `rm_probe_${name}`;
  return defineProjection({
    name: `probe_${name}`,
    version: options.version ?? 1,
    migrations: `create table if not exists ${table} (position bigint primary key, type text not null, mark text not null, applied int not null);`,
    reset: `truncate ${table}`,
    async handleBatch(tx, events) {
      const bad = events.find((e) => options.failOn?.(e));
      if (bad) throw new Error(`probe ${name} refuses ${bad.type} at ${bad.position}`);
      // Deliberately not idempotent: only the runner's exactly-once effect keeps `applied` at 1.
      await tx.query(
        `insert into ${table} (position, type, mark, applied)
         select position, type, $2, 1 from jsonb_to_recordset($1::jsonb) as x(position bigint, type text)
         on conflict (position) do update set applied = ${table}.applied + 1`,
        [JSON.stringify(events.map((e) => ({ position: e.position, type: e.type }))), options.mark ?? 'v1'],
      );
      return emptyTouched();
    },
  });
}

export async function probeRows(db: Queryable, name: string) {
  const { rows } = await db.query<{ position: number; type: string; mark: string; applied: number }>(
    `select position, type, mark, applied from rm_probe_${name} order by position`,
  );
  return rows;
}

import { readFileSync } from 'node:fs';
import type { Queryable } from '../../../eventstore/src/db.ts';
import type { RecordedEvent } from '../../../eventstore/src/types.ts';
import { defineProjection, emptyTouched } from '../projection.ts';
import { list, writeRows } from '../sql.ts';
import { CONTACT_COLUMNS, FACT_COLUMNS, factFromDb, FLOW_COLUMNS, type CaseFact } from './facts.ts';
import { IndicatorBatch } from './batch.ts';
import { applyIndicatorEvent, INDICATOR_TYPES } from './reducer.ts';

const caseIdOf = (e: RecordedEvent): string | null => {
  const id = (e.data as { caseId?: unknown } | null)?.caseId;
  return typeof id === 'string' ? id : null;
};

/** Adds the batch's increments to counters already stored (one statement per table). */
async function addCounters(
  tx: Queryable,
  table: string,
  keys: readonly string[],
  counters: readonly string[],
  rows: object[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...keys, ...counters].join(', ');
  await tx.query(
    `insert into ${table} (${cols})
     select ${cols} from jsonb_populate_recordset(null::${table}, $1::jsonb)
     on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
    [JSON.stringify(rows)],
  );
}

/**
 * Quality indicators: a fact row per case (milestones, business-time durations), daily flows per
 * service/procedure/channel, every contact, and agents' actions per day. Counters are only
 * incremented for events past the case's stored version, so re-delivery leaves them as they were.
 */
export const indicatorsProjection = defineProjection({
  name: 'indicators',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8'),
  reset: 'truncate rm_ind_cases, rm_ind_daily, rm_ind_contacts, rm_ind_agent_actions',
  handles: (e) => INDICATOR_TYPES.has(e.type) && caseIdOf(e) !== null,
  async handleBatch(tx, events) {
    const relevant = events.filter((e) => INDICATOR_TYPES.has(e.type) && caseIdOf(e) !== null);
    if (relevant.length === 0) return emptyTouched();

    const batch = new IndicatorBatch();
    const ids = list(relevant.map((e) => caseIdOf(e) as string));
    const found = await tx.query<Record<string, unknown>>('select * from rm_ind_cases where case_id = any($1)', [ids]);
    for (const raw of found.rows) batch.facts.set(String(raw.case_id), factFromDb(raw));

    for (const event of relevant) {
      const caseId = caseIdOf(event) as string;
      const fact = applyIndicatorEvent(batch, batch.facts.get(caseId) ?? null, event);
      if (!fact) continue;
      batch.facts.set(caseId, fact);
      batch.changed.add(caseId);
    }

    await writeRows(
      tx,
      'rm_ind_cases',
      [...batch.changed].map((id) => batch.facts.get(id) as CaseFact),
      {
        columns: FACT_COLUMNS,
        conflict: ['case_id'],
        update: FACT_COLUMNS.filter((c) => c !== 'case_id'),
      },
    );
    await writeRows(tx, 'rm_ind_contacts', batch.contacts, { columns: CONTACT_COLUMNS, conflict: ['position'] });
    await addCounters(
      tx,
      'rm_ind_daily',
      ['tenant', 'service_id', 'procedure_id', 'channel', 'day'],
      FLOW_COLUMNS,
      [...batch.flows.values()].map(({ key, flows }) => ({ ...key, ...flows })),
    );
    await addCounters(
      tx,
      'rm_ind_agent_actions',
      ['tenant', 'service_id', 'agent_id', 'day'],
      ['actions'],
      [...batch.actions.values()],
    );
    // Dashboards read these tables on demand: nothing to push live.
    return emptyTouched();
  },
});

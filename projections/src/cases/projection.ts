import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '@guichet/eventstore';
import { LabelBook, procedureLabelsTable } from '../procedure-labels.ts';
import { defineProjection, emptyTouched } from '../projection.ts';
import { list, writeRows } from '../sql.ts';
import { applyCaseEvent, CASE_TYPES, type CaseContext } from './reducer.ts';
import { CASE_COLUMNS, caseRowFromDb, type CaseRow } from './row.ts';

const labels = procedureLabelsTable('rm_case_procedures');

const procedureIdOf = (e: RecordedEvent): string | null =>
  e.type === 'CaseSubmitted' ? String((e.data as { procedureId: unknown }).procedureId) : LabelBook.procedureIdOf(e);

export const caseIdOf = (e: RecordedEvent): string | null => {
  const id = (e.data as { caseId?: unknown } | null)?.caseId;
  return typeof id === 'string' ? id : null;
};

/** rm_cases (one row per case, for GET /cases/:id and the agent queues) and its procedure labels. */
export const casesProjection = defineProjection({
  name: 'cases',
  version: 1,
  migrations: readFileSync(new URL('./schema.sql', import.meta.url), 'utf8') + labels.ddl,
  reset: `truncate rm_cases, ${labels.table}`,
  handles: (e) => (CASE_TYPES.has(e.type) && caseIdOf(e) !== null) || LabelBook.concerns(e),
  async handleBatch(tx, events) {
    const touched = emptyTouched();
    const relevant = events.filter((e) => (CASE_TYPES.has(e.type) && caseIdOf(e)) || LabelBook.concerns(e));
    if (relevant.length === 0) return touched;

    const caseIds = list(relevant.map(caseIdOf).filter((id): id is string => id !== null));
    const rows = new Map<string, CaseRow>();
    if (caseIds.length > 0) {
      const found = await tx.query<Record<string, unknown>>('select * from rm_cases where id = any($1)', [caseIds]);
      for (const raw of found.rows) rows.set(String(raw.id), caseRowFromDb(raw));
    }
    // Workflow labels are looked up for every case the batch touches, not only new ones.
    const procedureIds = [...[...rows.values()].map((r) => r.procedure_id), ...relevant.map(procedureIdOf)];
    const book = await labels.open(
      tx,
      procedureIds.filter((id): id is string => id !== null),
    );

    const changed = new Set<string>();
    const ctx: CaseContext = { row: null, at: '', labels: (id, version) => book.get(id, version) };
    for (const event of relevant) {
      const caseId = caseIdOf(event);
      if (!caseId) {
        book.observe(event);
        continue;
      }
      ctx.row = rows.get(caseId) ?? null;
      const serviceBefore = ctx.row?.service_id;
      if (!applyCaseEvent(ctx, event) || !ctx.row) continue;
      rows.set(caseId, ctx.row);
      changed.add(caseId);
      touched.caseIds.add(caseId);
      touched.serviceIds.add(ctx.row.service_id);
      if (serviceBefore) touched.serviceIds.add(serviceBefore);
      if (ctx.row.citizen_id) touched.citizenIds.add(ctx.row.citizen_id);
    }

    await book.flush(tx);
    await writeRows(
      tx,
      'rm_cases',
      [...changed].map((id) => rows.get(id) as CaseRow),
      { columns: CASE_COLUMNS, conflict: ['id'], update: CASE_COLUMNS.filter((c) => c !== 'id') },
    );
    return touched;
  },
});

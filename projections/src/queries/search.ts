import type { CaseStatus } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { likeLiteral, Where } from '../sql.ts';
import { QUEUE_COLUMNS, toQueueItem, type QueueItem } from './queue.ts';

export interface SearchFilter {
  serviceIds: readonly string[];
  /** Words as people type them: `websearch_to_tsquery('french', …)` (quotes, "or", -word). */
  text?: string;
  procedureId?: string;
  status?: CaseStatus;
  /** Submitted at or after / before (ISO). */
  from?: string;
  to?: string;
  citizenId?: string;
  /** Reference or its beginning, any case. */
  reference?: string;
  limit?: number;
}

export interface SearchHit extends QueueItem {
  rank: number;
}

/** Agents' search: French stemming over reference, procedure, form data, exchanges and notes; best matches first. */
export async function searchCases(db: Queryable, f: SearchFilter): Promise<{ items: SearchHit[] }> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const text = f.text?.trim();
  const where = new Where().add('c.service_id = any(?)', [...f.serviceIds]);
  const query = text ? where.param(text) : null;
  if (query) where.add(`s.document @@ websearch_to_tsquery('french', ${query})`);
  if (f.procedureId) where.add('c.procedure_id = ?', f.procedureId);
  if (f.status) where.add('c.status = ?', f.status);
  if (f.from) where.add('c.submitted_at >= ?::timestamptz', f.from);
  if (f.to) where.add('c.submitted_at < ?::timestamptz', f.to);
  if (f.citizenId) where.add('c.citizen_id = ?', f.citizenId);
  if (f.reference?.trim()) where.add(`upper(c.reference) like upper(?) || '%'`, likeLiteral(f.reference.trim()));
  const rank = query ? `ts_rank(s.document, websearch_to_tsquery('french', ${query}))` : '0';
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${QUEUE_COLUMNS.map((col) => `c.${col}`).join(', ')}, ${rank}::float8 as rank
       from rm_cases c join rm_case_search s on s.case_id = c.id
     ${where} order by rank desc, c.submitted_at desc, c.id limit ${where.param(limit)}`,
    where.params,
  );
  const now = new Date().toISOString();
  return { items: rows.map((r) => ({ ...toQueueItem(r, now), rank: Number(r.rank) })) };
}

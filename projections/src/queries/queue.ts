import type { CaseStatus } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { decodeCursor, encodeCursor, iso, Where } from '../sql.ts';

export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'in_progress', 'waiting_citizen'];

export interface QueueFilter {
  /** Services the agent works for: nothing outside them is ever returned. */
  serviceIds: readonly string[];
  status?: CaseStatus | readonly CaseStatus[];
  assignee?: string;
  unassigned?: boolean;
  /** Only cases past their deadline at this instant (ISO). */
  overdue?: string;
  channel?: string;
  procedureId?: string;
  sort?: 'due' | 'activity';
  limit?: number;
  cursor?: string | null;
  /** Instant the `overdue` flags and count are computed at; default: now. */
  now?: string;
}

export interface QueueItem {
  id: string;
  reference: string;
  procedureId: string;
  procedureTitle: string | null;
  serviceId: string;
  channel: string;
  status: CaseStatus;
  workflowState: string;
  workflowLabel: string | null;
  assignee: string | null;
  citizenId: string | null;
  contactName: string | null;
  submittedAt: string;
  dueAt: string;
  pausedSince: string | null;
  lastActivityAt: string;
  overdue: boolean;
  version: number;
}

/** Tab counts, under every filter but the status and overdue ones. */
export type QueueCounts = Record<CaseStatus | 'open' | 'overdue' | 'all', number>;

export interface QueuePage {
  items: QueueItem[];
  counts: QueueCounts;
  nextCursor: string | null;
}

// A paused case is late only if it was already late when the pause began.
const OVERDUE = `(status in ('submitted', 'in_progress', 'waiting_citizen') and due_at < coalesce(paused_since, ?::timestamptz))`;

export const QUEUE_COLUMNS = [
  'id',
  'reference',
  'procedure_id',
  'procedure_title',
  'service_id',
  'channel',
  'status',
  'workflow_state',
  'workflow_label',
  'assignee',
  'citizen_id',
  'contact_name',
  'submitted_at',
  'due_at',
  'paused_since',
  'last_activity_at',
  'stream_version',
] as const;

export function toQueueItem(r: Record<string, unknown>, now: string): QueueItem {
  const dueAt = iso(r.due_at) as string;
  const pausedSince = iso(r.paused_since);
  const status = r.status as CaseStatus;
  return {
    id: String(r.id),
    reference: String(r.reference),
    procedureId: String(r.procedure_id),
    procedureTitle: (r.procedure_title as string | null) ?? null,
    serviceId: String(r.service_id),
    channel: String(r.channel),
    status,
    workflowState: String(r.workflow_state),
    workflowLabel: (r.workflow_label as string | null) ?? null,
    assignee: (r.assignee as string | null) ?? null,
    citizenId: (r.citizen_id as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
    submittedAt: iso(r.submitted_at) as string,
    dueAt,
    pausedSince,
    lastActivityAt: iso(r.last_activity_at) as string,
    overdue: OPEN_STATUSES.includes(status) && Date.parse(dueAt) < Date.parse(pausedSince ?? now),
    version: Number(r.stream_version),
  };
}

function commonFilters(f: QueueFilter): Where {
  const where = new Where().add('service_id = any(?)', [...f.serviceIds]);
  if (f.assignee) where.add('assignee = ?', f.assignee);
  if (f.unassigned) where.add('assignee is null');
  if (f.channel) where.add('channel = ?', f.channel);
  if (f.procedureId) where.add('procedure_id = ?', f.procedureId);
  return where;
}

/** An agent's work queue: one page of cases and the counts of each tab. */
export async function queryQueue(db: Queryable, f: QueueFilter): Promise<QueuePage> {
  const now = f.now ?? f.overdue ?? new Date().toISOString();
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  const byActivity = f.sort === 'activity';

  const where = commonFilters(f);
  if (f.status !== undefined) where.add('status = any(?)', Array.isArray(f.status) ? [...f.status] : [f.status]);
  if (f.overdue) where.add(OVERDUE, f.overdue);
  const after = decodeCursor(f.cursor);
  if (after && after.length === 2) {
    where.add(
      byActivity ? '(last_activity_at, id) < (?::timestamptz, ?)' : '(due_at, id) > (?::timestamptz, ?)',
      after[0],
      after[1],
    );
  }
  const order = byActivity ? 'last_activity_at desc, id desc' : 'due_at asc, id asc';
  const page = await db.query<Record<string, unknown>>(
    `select ${QUEUE_COLUMNS.join(', ')} from rm_cases ${where} order by ${order} limit ${where.param(limit + 1)}`,
    where.params,
  );
  const items = page.rows.slice(0, limit).map((r) => toQueueItem(r, now));
  const last = items.at(-1);
  const nextCursor =
    page.rows.length > limit && last ? encodeCursor([byActivity ? last.lastActivityAt : last.dueAt, last.id]) : null;

  const counting = commonFilters(f);
  const overdueAt = counting.param(now);
  const { rows } = await db.query<Record<string, number>>(
    `select count(*)::int as "all",
       count(*) filter (where status = 'submitted')::int as submitted,
       count(*) filter (where status = 'in_progress')::int as in_progress,
       count(*) filter (where status = 'waiting_citizen')::int as waiting_citizen,
       count(*) filter (where status = 'decided')::int as decided,
       count(*) filter (where status = 'closed')::int as closed,
       count(*) filter (where status in ('submitted', 'in_progress', 'waiting_citizen'))::int as "open",
       count(*) filter (where ${OVERDUE.replace('?', overdueAt)})::int as overdue
     from rm_cases ${counting}`,
    counting.params,
  );
  const c = rows[0] ?? {};
  const counts = Object.fromEntries(
    ['all', 'submitted', 'in_progress', 'waiting_citizen', 'decided', 'closed', 'open', 'overdue'].map((k) => [
      k,
      Number(c[k] ?? 0),
    ]),
  ) as QueueCounts;
  return { items, counts, nextCursor };
}

import type { Queryable } from '../../../eventstore/src/db.ts';
import { iso } from '../sql.ts';
import { num, scope, type StatsFilter } from './filter.ts';
import { OVERDUE_SQL } from './overview.ts';

/** The figures a manager can open to see the requests behind them. */
export const DRILL_METRICS = [
  'received',
  'decided',
  'closed',
  'closed_on_time',
  'closed_late',
  'rated',
  'open',
  'overdue',
  'waiting',
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];

export interface DrillFilter extends StatsFilter {
  metric: DrillMetric;
  /** Only the requests assigned to this agent. */
  assignee?: string | undefined;
  /** closed*: closure time in business days, lower bound included. */
  minDays?: number | undefined;
  /** closed*: closure time in business days, upper bound excluded. */
  maxDays?: number | undefined;
  /** rated: only this score. */
  score?: number | undefined;
  limit?: number | undefined;
}

export interface DrillItem {
  caseId: string;
  reference: string;
  serviceId: string;
  procedureId: string;
  procedureTitle: string | null;
  channel: string;
  status: string;
  assignee: string | null;
  assigneeName: string | null;
  submittedAt: string;
  dueAt: string;
  closedAt: string | null;
  closureHours: number | null;
  closedOnTime: boolean | null;
  ratingScore: number | null;
  overdue: boolean;
}

const PERIOD: Partial<Record<DrillMetric, string>> = {
  received: 'submitted_day',
  decided: 'decided_day',
  closed: 'closed_day',
  closed_on_time: 'closed_day',
  closed_late: 'closed_day',
  rated: 'rated_day',
};

/** The requests behind a figure of the dashboard, with the same filters. */
export async function drillDown(db: Queryable, f: DrillFilter): Promise<{ items: DrillItem[]; total: number }> {
  const where = scope(f, 'c');
  const now = where.param(f.now);
  const day = PERIOD[f.metric];
  if (day) where.add(`c.${day} between ?::date and ?::date`, f.from, f.to);
  if (f.metric === 'closed_on_time') where.add('c.closed_on_time');
  if (f.metric === 'closed_late') where.add('not c.closed_on_time');
  if (f.metric === 'rated' && f.score !== undefined) where.add('c.rating_score = ?', f.score);
  if (f.metric === 'open') where.add(`c.status <> 'closed'`);
  if (f.metric === 'overdue') where.add(OVERDUE_SQL(now, 'c.'));
  if (f.metric === 'waiting') where.add(`c.status = 'waiting_citizen'`);
  if (f.assignee) where.add('c.assignee = ?', f.assignee);
  if (f.minDays !== undefined) where.add('c.closure_hours >= ?', f.minDays * 24);
  if (f.maxDays !== undefined) where.add('c.closure_hours < ?', f.maxDays * 24);
  const limit = where.param(f.limit ?? 200);
  const { rows } = await db.query<Record<string, unknown>>(
    `select c.*, p.title as procedure_title, a.name as assignee_name, ${OVERDUE_SQL(now, 'c.')} as is_overdue,
            count(*) over () as total
       from rm_ind_cases c
       left join rm_procedures p on p.id = c.procedure_id
       left join rm_accounts a on a.id = c.assignee
       ${where}
      order by c.submitted_at desc, c.case_id
      limit ${limit}`,
    where.params,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      caseId: String(r.case_id),
      reference: String(r.reference),
      serviceId: String(r.service_id),
      procedureId: String(r.procedure_id),
      procedureTitle: (r.procedure_title as string | null) ?? null,
      channel: String(r.channel),
      status: String(r.status),
      assignee: (r.assignee as string | null) ?? null,
      assigneeName: (r.assignee_name as string | null) ?? null,
      submittedAt: iso(r.submitted_at) as string,
      dueAt: iso(r.due_at) as string,
      closedAt: iso(r.closed_at),
      closureHours: num(r.closure_hours),
      closedOnTime: (r.closed_on_time as boolean | null) ?? null,
      ratingScore: num(r.rating_score),
      overdue: r.is_overdue === true,
    })),
  };
}

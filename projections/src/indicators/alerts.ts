import type { Queryable } from '../../../eventstore/src/db.ts';
import { iso, Where } from '../sql.ts';
import { addBusinessTime, HOUR_MS } from './business-time.ts';
import { OVERDUE_SQL } from './overview.ts';

export interface AlertFilter {
  tenant: string;
  serviceIds: readonly string[];
  now: string;
  /** A request is "due soon" when its deadline falls within this many business days. */
  withinBusinessDays?: number;
  limit?: number;
}

export interface AlertItem {
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
  level: 'overdue' | 'due_soon';
}

export interface Alerts {
  now: string;
  dueSoonBefore: string;
  services: { serviceId: string; overdue: number; dueSoon: number }[];
  items: AlertItem[];
}

/**
 * Requests past their deadline, and those whose deadline falls within the next business days.
 * A request waiting for the resident is never "due soon": its deadline is not running.
 */
export async function queryAlerts(db: Queryable, f: AlertFilter): Promise<Alerts> {
  const dueSoonBefore = new Date(
    addBusinessTime(Date.parse(f.now), (f.withinBusinessDays ?? 2) * 24 * HOUR_MS),
  ).toISOString();
  const where = new Where().add('c.tenant = ?', f.tenant).add('c.service_id = any(?)', [...f.serviceIds]);
  const now = where.param(f.now);
  const soon = where.param(dueSoonBefore);
  const overdue = OVERDUE_SQL(now, 'c.');
  const dueSoon = `(c.status in ('submitted', 'in_progress') and c.due_at >= ${now}::timestamptz and c.due_at < ${soon}::timestamptz)`;
  const limit = where.param(f.limit ?? 200);
  const { rows } = await db.query<Record<string, unknown>>(
    `select c.case_id, c.reference, c.service_id, c.procedure_id, p.title as procedure_title, c.channel, c.status,
            c.assignee, a.name as assignee_name, c.submitted_at, c.due_at,
            case when ${overdue} then 'overdue' else 'due_soon' end as level
       from rm_ind_cases c
       left join rm_procedures p on p.id = c.procedure_id
       left join rm_accounts a on a.id = c.assignee
       ${where} and (${overdue} or ${dueSoon})
      order by c.due_at, c.case_id
      limit ${limit}`,
    where.params,
  );
  const items: AlertItem[] = rows.map((r) => ({
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
    level: r.level === 'overdue' ? 'overdue' : 'due_soon',
  }));
  const counts = new Where().add('tenant = ?', f.tenant).add('service_id = any(?)', [...f.serviceIds]);
  const n = counts.param(f.now);
  const s = counts.param(dueSoonBefore);
  const { rows: perService } = await db.query<{ service_id: string; overdue: number; due_soon: number }>(
    `select service_id,
            count(*) filter (where ${OVERDUE_SQL(n)})::int as overdue,
            count(*) filter (where status in ('submitted', 'in_progress') and due_at >= ${n}::timestamptz and due_at < ${s}::timestamptz)::int as due_soon
       from rm_ind_cases ${counts} group by service_id`,
    counts.params,
  );
  const of = new Map(perService.map((r) => [r.service_id, r]));
  return {
    now: f.now,
    dueSoonBefore,
    services: [...f.serviceIds].sort().map((serviceId) => ({
      serviceId,
      overdue: Number(of.get(serviceId)?.overdue ?? 0),
      dueSoon: Number(of.get(serviceId)?.due_soon ?? 0),
    })),
    items,
  };
}

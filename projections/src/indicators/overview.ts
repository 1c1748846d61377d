import type { Queryable } from '../../../eventstore/src/db.ts';
import { Where } from '../sql.ts';
import {
  durationStats,
  resolutionDistribution,
  type DurationStat,
  type Milestone,
  type ResolutionBucket,
} from './durations.ts';
import { businessDaysIn, granularityFor, num, round, scope, type Granularity, type StatsFilter } from './filter.ts';
import { byChannel, flowSeries, type FlowPoint, type FlowTotals } from './flows.ts';

/**
 * As the agents' queue says: only a request still awaiting its answer can be late (a decided one has
 * had it), and a paused one is late only if it already was when the pause began. `p`: table alias.
 */
export const OVERDUE_SQL = (now: string, p = '') =>
  `(${p}status in ('submitted', 'in_progress', 'waiting_citizen') and ${p}due_at < coalesce(${p}waiting_since, ${now}::timestamptz))`;

export interface CurrentState {
  /** Requests not closed (decided ones included, as in the backlog). */
  open: number;
  overdue: number;
  waiting: number;
  /** Calendar days the requests waiting for the resident have been waiting. */
  waitingMeanDays: number | null;
  waitingMaxDays: number | null;
}

export interface Satisfaction {
  count: number;
  mean: number | null;
  distribution: { score: number; count: number }[];
}

export interface ServiceLine {
  serviceId: string;
  received: number;
  closed: number;
  closedOnTime: number;
  onTimeRate: number | null;
  open: number;
  overdue: number;
  closureP50: number | null;
  satisfactionMean: number | null;
}

export interface AgentLoad {
  agentId: string;
  name: string | null;
  open: number;
  actions: number;
  actionsPerDay: number | null;
}

export interface Overview {
  filter: {
    from: string;
    to: string;
    serviceIds: string[];
    procedureId: string | null;
    channel: string | null;
    now: string;
  };
  granularity: Granularity;
  businessDays: number;
  totals: FlowTotals & { onTimeRate: number | null };
  current: CurrentState;
  durations: Record<Milestone, DurationStat>;
  byChannel: { channel: string; received: number }[];
  series: FlowPoint[];
  resolution: ResolutionBucket[];
  satisfaction: Satisfaction;
  byService: ServiceLine[];
  workload: AgentLoad[];
}

export const rate = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);

export async function currentState(db: Queryable, f: StatsFilter): Promise<CurrentState> {
  const where = scope(f);
  const now = where.param(f.now);
  const waitedDays = `extract(epoch from (${now}::timestamptz - waiting_since)) / 86400`;
  const { rows } = await db.query<Record<string, unknown>>(
    `select count(*) filter (where status <> 'closed')::int as open,
            count(*) filter (where ${OVERDUE_SQL(now)})::int as overdue,
            count(*) filter (where status = 'waiting_citizen')::int as waiting,
            avg(${waitedDays}) filter (where status = 'waiting_citizen') as waiting_mean,
            max(${waitedDays}) filter (where status = 'waiting_citizen') as waiting_max
       from rm_ind_cases ${where}`,
    where.params,
  );
  const r = rows[0] ?? {};
  return {
    open: Number(r.open ?? 0),
    overdue: Number(r.overdue ?? 0),
    waiting: Number(r.waiting ?? 0),
    waitingMeanDays: round(num(r.waiting_mean), 1),
    waitingMaxDays: round(num(r.waiting_max), 1),
  };
}

export async function satisfaction(db: Queryable, f: StatsFilter): Promise<Satisfaction> {
  const where = scope(f).add('rated_day between ?::date and ?::date', f.from, f.to);
  const { rows } = await db.query<{ score: number; n: number }>(
    `select rating_score as score, count(*)::int as n from rm_ind_cases ${where} and rating_score is not null group by 1`,
    where.params,
  );
  const counts = new Map(rows.map((r) => [Number(r.score), Number(r.n)]));
  const distribution = [1, 2, 3, 4, 5].map((score) => ({ score, count: counts.get(score) ?? 0 }));
  const count = distribution.reduce((n, d) => n + d.count, 0);
  const sum = distribution.reduce((n, d) => n + d.score * d.count, 0);
  return { count, mean: count > 0 ? round(sum / count, 2) : null, distribution };
}

async function byService(db: Queryable, f: StatsFilter): Promise<ServiceLine[]> {
  const flows = scope(f).add('day between ?::date and ?::date', f.from, f.to);
  const { rows: flowRows } = await db.query<{ service_id: string; received: number; closed: number; on_time: number }>(
    `select service_id, sum(received)::int as received, sum(closed)::int as closed, sum(closed_on_time)::int as on_time
       from rm_ind_daily ${flows} group by service_id`,
    flows.params,
  );
  const facts = scope(f);
  const now = facts.param(f.now);
  const from = facts.param(f.from);
  const to = facts.param(f.to);
  const { rows: factRows } = await db.query<Record<string, unknown>>(
    `select service_id,
            count(*) filter (where status <> 'closed')::int as open,
            count(*) filter (where ${OVERDUE_SQL(now)})::int as overdue,
            percentile_cont(0.5) within group (order by closure_hours) filter (where closed_day between ${from}::date and ${to}::date) as closure_p50,
            avg(rating_score) filter (where rated_day between ${from}::date and ${to}::date) as rating
       from rm_ind_cases ${facts} group by service_id`,
    facts.params,
  );
  const flowOf = new Map(flowRows.map((r) => [r.service_id, r]));
  const factOf = new Map(factRows.map((r) => [String(r.service_id), r]));
  return [...f.serviceIds].sort().map((serviceId) => {
    const fl = flowOf.get(serviceId);
    const fa = factOf.get(serviceId);
    const closed = Number(fl?.closed ?? 0);
    const closedOnTime = Number(fl?.on_time ?? 0);
    return {
      serviceId,
      received: Number(fl?.received ?? 0),
      closed,
      closedOnTime,
      onTimeRate: rate(closedOnTime, closed),
      open: Number(fa?.open ?? 0),
      overdue: Number(fa?.overdue ?? 0),
      closureP50: round(num(fa?.closure_p50), 2),
      satisfactionMean: round(num(fa?.rating), 2),
    };
  });
}

async function workload(db: Queryable, f: StatsFilter, businessDays: number): Promise<AgentLoad[]> {
  const open = scope(f).add(`status <> 'closed'`).add('assignee is not null');
  const { rows: openRows } = await db.query<{ agent_id: string; n: number }>(
    `select assignee as agent_id, count(*)::int as n from rm_ind_cases ${open} group by assignee`,
    open.params,
  );
  // Actions are counted per service only: an agent's work is not split by procedure or channel.
  const acts = new Where()
    .add('tenant = ?', f.tenant)
    .add('service_id = any(?)', [...f.serviceIds])
    .add('day between ?::date and ?::date', f.from, f.to);
  const { rows: actionRows } = await db.query<{ agent_id: string; n: number }>(
    `select agent_id, sum(actions)::int as n from rm_ind_agent_actions ${acts} group by agent_id`,
    acts.params,
  );
  const ids = [...new Set([...openRows.map((r) => r.agent_id), ...actionRows.map((r) => r.agent_id)])];
  if (ids.length === 0) return [];
  const { rows: names } = await db.query<{ id: string; name: string }>(
    'select id, name from rm_accounts where id = any($1)',
    [ids],
  );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const openOf = new Map(openRows.map((r) => [r.agent_id, Number(r.n)]));
  const actionsOf = new Map(actionRows.map((r) => [r.agent_id, Number(r.n)]));
  return ids
    .map((agentId) => {
      const actions = actionsOf.get(agentId) ?? 0;
      return {
        agentId,
        name: nameOf.get(agentId) ?? null,
        open: openOf.get(agentId) ?? 0,
        actions,
        actionsPerDay: businessDays > 0 ? round(actions / businessDays, 1) : null,
      };
    })
    .sort((a, b) => b.open - a.open || b.actions - a.actions || a.agentId.localeCompare(b.agentId));
}

/** Everything the manager dashboard shows for a period and filters. */
export async function statsOverview(db: Queryable, f: StatsFilter): Promise<Overview> {
  const granularity = granularityFor(f.from, f.to);
  const businessDays = businessDaysIn(f.from, f.to);
  const flows = await flowSeries(db, f, granularity);
  return {
    filter: {
      from: f.from,
      to: f.to,
      serviceIds: [...f.serviceIds],
      procedureId: f.procedureId ?? null,
      channel: f.channel ?? null,
      now: f.now,
    },
    granularity,
    businessDays,
    totals: { ...flows.totals, onTimeRate: rate(flows.totals.closedOnTime, flows.totals.closed) },
    current: await currentState(db, f),
    durations: await durationStats(db, f),
    byChannel: byChannel(flows.series),
    series: flows.series,
    resolution: await resolutionDistribution(db, f),
    satisfaction: await satisfaction(db, f),
    byService: await byService(db, f),
    workload: await workload(db, f, businessDays),
  };
}

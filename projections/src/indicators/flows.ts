import type { Queryable } from '../../../eventstore/src/db.ts';
import { CHANNELS } from '../../../domain/src/common.ts';
import { bucketOf, daysOf, granularityFor, scope, type Granularity, type StatsFilter } from './filter.ts';

const NET = 'received + reopened + transferred_in - closed - transferred_out';

export interface FlowPoint {
  /** First day of the bucket (day, Monday of the week, or first of the month). */
  period: string;
  received: number;
  /** Received per channel of the request (web, phone, email, letter, counter). */
  receivedByChannel: Record<string, number>;
  decided: number;
  closed: number;
  closedOnTime: number;
  reopened: number;
  /** Open requests at the end of the bucket's last day. */
  backlog: number;
}

export interface FlowTotals {
  received: number;
  decided: number;
  closed: number;
  closedOnTime: number;
  reopened: number;
  backlogStart: number;
  backlogEnd: number;
}

interface DayRow {
  day: string;
  channel: string;
  received: number;
  decided: number;
  closed: number;
  closed_on_time: number;
  reopened: number;
  net: number;
}

/** Daily flows rolled up by day, week or month, with the backlog curve. */
export async function flowSeries(
  db: Queryable,
  f: StatsFilter,
  granularity: Granularity = granularityFor(f.from, f.to),
): Promise<{ granularity: Granularity; series: FlowPoint[]; totals: FlowTotals }> {
  const before = scope(f).add('day < ?::date', f.from);
  const { rows: start } = await db.query<{ backlog: number }>(
    `select coalesce(sum(${NET}), 0)::int as backlog from rm_ind_daily ${before}`,
    before.params,
  );
  const inPeriod = scope(f).add('day between ?::date and ?::date', f.from, f.to);
  const { rows } = await db.query<DayRow>(
    `select day::text as day, channel, sum(received)::int as received, sum(decided)::int as decided,
            sum(closed)::int as closed, sum(closed_on_time)::int as closed_on_time,
            sum(reopened)::int as reopened, sum(${NET})::int as net
       from rm_ind_daily ${inPeriod} group by day, channel`,
    inPeriod.params,
  );
  const byDay = new Map<string, DayRow[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);

  const backlogStart = Number(start[0]?.backlog ?? 0);
  let backlog = backlogStart;
  const buckets = new Map<string, FlowPoint>();
  const totals: FlowTotals = {
    received: 0,
    decided: 0,
    closed: 0,
    closedOnTime: 0,
    reopened: 0,
    backlogStart,
    backlogEnd: 0,
  };
  for (const day of daysOf(f.from, f.to)) {
    const period = bucketOf(day, granularity);
    let point = buckets.get(period);
    if (!point) {
      point = {
        period,
        received: 0,
        receivedByChannel: Object.fromEntries(CHANNELS.map((c) => [c, 0])),
        decided: 0,
        closed: 0,
        closedOnTime: 0,
        reopened: 0,
        backlog,
      };
      buckets.set(period, point);
    }
    for (const r of byDay.get(day) ?? []) {
      point.received += r.received;
      point.receivedByChannel[r.channel] = (point.receivedByChannel[r.channel] ?? 0) + r.received;
      point.decided += r.decided;
      point.closed += r.closed;
      point.closedOnTime += r.closed_on_time;
      point.reopened += r.reopened;
      backlog += r.net;
      totals.received += r.received;
      totals.decided += r.decided;
      totals.closed += r.closed;
      totals.closedOnTime += r.closed_on_time;
      totals.reopened += r.reopened;
    }
    point.backlog = backlog;
  }
  totals.backlogEnd = backlog;
  return { granularity, series: [...buckets.values()], totals };
}

/** Requests received in the period per channel of the request. */
export function byChannel(series: readonly FlowPoint[]): { channel: string; received: number }[] {
  return CHANNELS.map((channel) => ({
    channel,
    received: series.reduce((n, p) => n + (p.receivedByChannel[channel] ?? 0), 0),
  }));
}

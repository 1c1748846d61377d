import type { Queryable } from '../../../eventstore/src/db.ts';
import { num, round, scope, type StatsFilter } from './filter.ts';

/** A duration in business hours over the cases that reached a milestone in the period. */
export interface DurationStat {
  count: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export type Milestone = 'acknowledgement' | 'firstResponse' | 'decision' | 'closure';

/** Each milestone: its business-hours column and the Paris day it was reached. */
export const MILESTONES: Record<Milestone, { hours: string; day: string }> = {
  acknowledgement: { hours: 'ack_hours', day: 'acknowledged_day' },
  firstResponse: { hours: 'first_response_hours', day: 'first_response_day' },
  decision: { hours: 'decision_hours', day: 'decided_day' },
  closure: { hours: 'closure_hours', day: 'closed_day' },
};

/** p50, p90 and mean of each milestone's duration, computed by the database (percentile_cont). */
export async function durationStats(db: Queryable, f: StatsFilter): Promise<Record<Milestone, DurationStat>> {
  const where = scope(f);
  const from = where.param(f.from);
  const to = where.param(f.to);
  const parts = Object.entries(MILESTONES).map(([name, { hours, day }]) => {
    const inPeriod = `filter (where ${day} between ${from}::date and ${to}::date and ${hours} is not null)`;
    return `count(*) ${inPeriod}::int as "${name}_n",
      percentile_cont(0.5) within group (order by ${hours}) ${inPeriod} as "${name}_p50",
      percentile_cont(0.9) within group (order by ${hours}) ${inPeriod} as "${name}_p90",
      avg(${hours}) ${inPeriod} as "${name}_mean"`;
  });
  const { rows } = await db.query<Record<string, unknown>>(
    `select ${parts.join(',\n')} from rm_ind_cases ${where}`,
    where.params,
  );
  const r = rows[0] ?? {};
  const stat = (name: string): DurationStat => ({
    count: Number(r[`${name}_n`] ?? 0),
    p50: round(num(r[`${name}_p50`]), 2),
    p90: round(num(r[`${name}_p90`]), 2),
    mean: round(num(r[`${name}_mean`]), 2),
  });
  return {
    acknowledgement: stat('acknowledgement'),
    firstResponse: stat('firstResponse'),
    decision: stat('decision'),
    closure: stat('closure'),
  };
}

/** Buckets of the resolution-time distribution, in business days. */
export const RESOLUTION_BUCKETS = [
  { label: 'Moins d’1 jour ouvré', min: 0, max: 1 },
  { label: '1 à 2 jours ouvrés', min: 1, max: 2 },
  { label: '2 à 5 jours ouvrés', min: 2, max: 5 },
  { label: '5 à 10 jours ouvrés', min: 5, max: 10 },
  { label: '10 à 20 jours ouvrés', min: 10, max: 20 },
  { label: '20 jours ouvrés et plus', min: 20, max: null },
] as const;

export interface ResolutionBucket {
  label: string;
  /** Business days, lower bound included. */
  min: number;
  /** Business days, upper bound excluded; null for the last bucket. */
  max: number | null;
  count: number;
}

/** How long the requests closed in the period took, from submission to closure (business days). */
export async function resolutionDistribution(db: Queryable, f: StatsFilter): Promise<ResolutionBucket[]> {
  const where = scope(f).add('closed_day between ?::date and ?::date', f.from, f.to).add('closure_hours is not null');
  const { rows } = await db.query<{ bucket: number; n: number }>(
    `select width_bucket(closure_hours / 24, array[1, 2, 5, 10, 20]::float8[]) as bucket, count(*)::int as n
       from rm_ind_cases ${where} group by 1`,
    where.params,
  );
  const counts = new Map(rows.map((r) => [Number(r.bucket), Number(r.n)]));
  return RESOLUTION_BUCKETS.map((b, i) => ({ label: b.label, min: b.min, max: b.max, count: counts.get(i) ?? 0 }));
}

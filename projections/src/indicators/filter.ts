import { Where } from '../sql.ts';
import { addDays, businessDaysBetween, type Day } from './business-time.ts';

/** What a manager looks at: a tenant, the services they may see, a period of Paris days (both included). */
export interface StatsFilter {
  tenant: string;
  serviceIds: readonly string[];
  from: Day;
  to: Day;
  procedureId?: string | undefined;
  channel?: string | undefined;
  /** ISO instant "now" is (overdue, waiting): passed in so results are reproducible. */
  now: string;
}

export type Granularity = 'day' | 'week' | 'month';

/** Days for a short period, weeks up to a year, months beyond. */
export function granularityFor(from: Day, to: Day): Granularity {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  return days <= 62 ? 'day' : days <= 400 ? 'week' : 'month';
}

/** First day of the bucket a day falls in: weeks start on Monday. */
export function bucketOf(day: Day, g: Granularity): Day {
  if (g === 'day') return day;
  if (g === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function daysOf(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export const businessDaysIn = (from: Day, to: Day): number => businessDaysBetween(from, addDays(to, 1));

/**
 * The where clause of a filter on a table with tenant, service_id, procedure_id and channel.
 * `channelColumn` is null where the table has no channel of its own.
 */
export function scope(f: StatsFilter, alias = '', channelColumn: string | null = 'channel'): Where {
  const p = alias ? `${alias}.` : '';
  const where = new Where().add(`${p}tenant = ?`, f.tenant).add(`${p}service_id = any(?)`, [...f.serviceIds]);
  if (f.procedureId) where.add(`${p}procedure_id = ?`, f.procedureId);
  if (f.channel && channelColumn) where.add(`${p}${channelColumn} = ?`, f.channel);
  return where;
}

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const round = (v: number | null, digits = 1): number | null =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

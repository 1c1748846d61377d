import { base } from '$app/paths';
import type { Criteria } from './types';

const TZ = 'Europe/Paris';
const int = new Intl.NumberFormat('fr-FR');
const one = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const dayMonth = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : int.format(n));
export const fmtDecimal = (n: number | null | undefined) => (n === null || n === undefined ? '—' : one.format(n));
export const fmtRate = (r: number | null | undefined) => (r === null || r === undefined ? '—' : pct.format(r));
/** Business hours as a French reader expects them: hours under a day, business days beyond. */
export const fmtBusiness = (hours: number | null | undefined) =>
  hours === null || hours === undefined ? '—' : hours < 24 ? `${one.format(hours)} h` : `${one.format(hours / 24)} j`;
export const businessDays = (hours: number | null | undefined) =>
  hours === null || hours === undefined ? null : Math.round((hours / 24) * 10) / 10;
export const fmtDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

/** The label of a bucket of the series: a day, the week starting that Monday, or a month. */
export function periodLabel(period: string, granularity: 'day' | 'week' | 'month'): string {
  const d = new Date(`${period}T00:00:00Z`);
  if (granularity === 'month') return monthYear.format(d);
  if (granularity === 'week') return `sem. du ${dayMonth.format(d)}`;
  return weekday.format(d);
}

/** Today in Paris, `YYYY-MM-DD`. */
export const parisToday = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: TZ }).format(new Date());

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A link keeping the period and filters, with more parameters (drill-down, CSV). */
export function withCriteria(
  path: string,
  c: Criteria,
  extra: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...c, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  return `${base}${path}?${params}`;
}

import { error } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { addDays, parisToday } from './format';
import type { Alerts, Criteria, Overview } from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHANNELS = ['web', 'phone', 'email', 'letter', 'counter'];

/**
 * Managers and administrators only: the API says the same, this gives a clear page instead of empty
 * charts. Thrown from the pages (not the layout) so that this folder's error page shows it.
 */
export function requireManager(managed: string[]): void {
  if (managed.length === 0) error(403, 'Le pilotage est réservé aux responsables de service et aux administrateurs.');
}

/** The period and filters of the GET form; the last 30 days by default. */
export function criteriaFrom(url: URL, service = url.searchParams.get('service') ?? ''): Criteria {
  const q = url.searchParams;
  const to = DAY.test(q.get('to') ?? '') ? (q.get('to') as string) : parisToday();
  const from = DAY.test(q.get('from') ?? '') ? (q.get('from') as string) : addDays(to, -29);
  const channel = CHANNELS.includes(q.get('channel') ?? '') ? (q.get('channel') as string) : '';
  return { from, to, service, procedure: q.get('procedure') ?? '', channel };
}

export const statsQuery = (c: Criteria) => ({
  from: c.from,
  to: c.to,
  service: c.service || undefined,
  procedure: c.procedure || undefined,
  channel: c.channel || undefined,
});

/** The figures of the period; a refusal of the API (bad period…) comes back as a French message. */
export async function loadOverview(
  token: string | null,
  c: Criteria,
): Promise<{ overview: Overview | null; problem: string | null }> {
  try {
    return { overview: await api<Overview>(token, '/stats/overview', { query: statsQuery(c) }), problem: null };
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) error(403, err.detail);
    if (err instanceof ApiError && err.status < 500)
      return { overview: null, problem: err.errors[0]?.message ?? err.detail };
    return { overview: null, problem: 'Les indicateurs sont momentanément indisponibles. Réessayez dans un instant.' };
  }
}

export async function loadAlerts(token: string | null, service: string): Promise<Alerts | null> {
  return api<Alerts>(token, '/stats/alerts', { query: { service: service || undefined } }).catch(() => null);
}

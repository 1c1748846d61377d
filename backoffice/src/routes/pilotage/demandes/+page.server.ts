import { api, ApiError } from '$lib/server/api';
import { criteriaFrom, requireManager, statsQuery } from '../dashboard.server';
import type { DrillItem } from '../types';
import type { PageServerLoad } from './$types';

const METRICS = [
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
const number = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** The requests behind a figure of the dashboard, with the same period and filters. */
export const load: PageServerLoad = async ({ locals, url, parent }) => {
  requireManager((await parent()).managed);
  const criteria = criteriaFrom(url);
  const q = url.searchParams;
  const metric = (METRICS as readonly string[]).includes(q.get('metric') ?? '')
    ? (q.get('metric') as (typeof METRICS)[number])
    : 'received';
  const extra = {
    assignee: q.get('assignee') || undefined,
    minDays: number(q.get('minDays')),
    maxDays: number(q.get('maxDays')),
    score: number(q.get('score')),
  };
  try {
    const result = await api<{ total: number; items: DrillItem[] }>(locals.token, '/stats/cases', {
      query: { ...statsQuery(criteria), metric, ...extra, limit: 500 },
    });
    return { criteria, metric, extra, ...result, problem: null };
  } catch (err) {
    const problem =
      err instanceof ApiError ? (err.errors[0]?.message ?? err.detail) : 'La liste est momentanément indisponible.';
    return { criteria, metric, extra, total: 0, items: [] as DrillItem[], problem };
  }
};

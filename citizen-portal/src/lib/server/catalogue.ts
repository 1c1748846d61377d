import type { Api } from './api';
import type { Procedure, ProcedureSummary } from '$lib/types';

type Listed = Partial<ProcedureSummary> & { id: string; slug?: string; definition?: Partial<Procedure['definition']> };

/** Catalogue entries, whether the API lists flat summaries or records carrying their definition. */
function toSummary(item: Listed): ProcedureSummary {
  const d = item.definition ?? {};
  return {
    id: item.id,
    slug: item.slug ?? item.id,
    title: item.title ?? d.title ?? 'Démarche',
    description: item.description ?? d.description ?? '',
    theme: item.theme ?? d.theme ?? 'autres',
    deadlineDays: item.deadlineDays ?? d.deadlineDays,
    access: item.access ?? d.access,
    serviceName: item.serviceName,
  };
}

export async function listProcedures(
  api: Api,
  filter: { q?: string; theme?: string; tenant?: string } = {},
): Promise<ProcedureSummary[]> {
  const params = new URLSearchParams();
  // The catalogue of the organisation whose portal the resident is on.
  if (filter.tenant) params.set('tenant', filter.tenant);
  if (filter.theme) params.set('theme', filter.theme);
  if (filter.q) params.set('q', filter.q);
  const query = params.size > 0 ? `?${params}` : '';
  const { items } = await api.get<{ items: Listed[] }>(`/procedures${query}`);
  return items.map(toSummary);
}

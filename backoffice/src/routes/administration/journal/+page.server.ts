import { api, ApiError } from '$lib/server/api';
import { loadAgents } from '$lib/designer/admin.server';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import type { AuditEntry, ProcedureRow } from '$lib/designer/types';
import type { PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { token } = requireAdmin(locals);
  const before = Number(url.searchParams.get('avant')) || undefined;
  const [audit, agents] = await Promise.all([
    api<{ items: AuditEntry[] }>(token, '/admin/audit', { query: { limit: PAGE, before } }).catch((err: unknown) => {
      if (err instanceof ApiError && err.status !== 401 && err.status !== 403) return null;
      return rethrow(err);
    }),
    loadAgents(token),
  ]);
  // Procedures are named by title in the journal; a failure here only loses the names.
  const procedures = await api<{ items: ProcedureRow[] }>(token, '/admin/procedures').catch(() => ({
    items: [] as ProcedureRow[],
  }));
  return {
    items: audit?.items ?? [],
    unavailable: audit === null,
    before: before ?? null,
    more: (audit?.items.length ?? 0) === PAGE,
    agents: agents.map((a) => ({ id: a.id, name: a.name })),
    procedures: procedures.items.map((p) => ({ id: p.id, title: p.title })),
  };
};

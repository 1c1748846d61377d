import type { PageServerLoad } from './$types';
import { requireCitizen } from '$lib/server/guard';
import { listProcedures } from '$lib/server/catalogue';
import type { CaseSummary, Draft } from '$lib/types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireCitizen(locals, url);
  const [cases, drafts, procedures] = await Promise.all([
    locals.api.get<{ items: CaseSummary[] }>('/me/cases'),
    locals.api.get<{ items: Draft[] }>('/me/drafts').catch(() => ({ items: [] as Draft[] })),
    listProcedures(locals.api),
  ]);
  const byId = new Map(procedures.map((p) => [p.id, p]));
  return {
    cases: [...cases.items].sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt)),
    drafts: drafts.items.flatMap((d) => {
      const p = byId.get(d.procedureId);
      return p ? [{ title: p.title, slug: p.slug, updatedAt: d.updatedAt }] : [];
    }),
  };
};

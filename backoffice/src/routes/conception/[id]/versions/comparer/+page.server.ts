import { error } from '@sveltejs/kit';
import { api } from '$lib/server/api';
import { requireDesigner, rethrow } from '$lib/designer/procedures.server';
import type { DefinitionChange } from '$lib/designer/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const { token } = requireDesigner(locals);
  const { procedure } = await parent();
  const latest = procedure.versions.at(-1)?.version;
  if (!latest) error(404, 'Cette démarche n’a encore aucune version publiée : il n’y a rien à comparer.');
  const from = Number(url.searchParams.get('from') ?? latest - 1) || 1;
  const toRaw = url.searchParams.get('to') ?? String(latest);
  const to: number | 'draft' = toRaw === 'draft' ? 'draft' : Number(toRaw) || latest;
  const answer = await api<{ changes: DefinitionChange[] }>(
    token,
    `/admin/procedures/${encodeURIComponent(params.id)}/diff`,
    { query: { from, to } },
  ).catch(rethrow);
  return { from, to, changes: answer.changes };
};

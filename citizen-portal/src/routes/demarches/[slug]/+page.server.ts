import type { PageServerLoad } from './$types';
import { loadDraft, loadProcedure } from '$lib/server/procedures';

export const load: PageServerLoad = async ({ locals, params }) => {
  const procedure = await loadProcedure(locals.api, params.slug);
  const draft = locals.user ? await loadDraft(locals.api, procedure.id) : null;
  return { procedure, draftSavedAt: draft?.updatedAt ?? null, loggedIn: !!locals.user };
};

import { error, fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api, ApiError } from '$lib/server/api';
import { mayModerate } from '$lib/designer/access';
import { rethrow } from '$lib/designer/procedures.server';
import type { ModerationItem } from '$lib/designer/types';
import type { Actions, PageServerLoad } from './$types';

function requireModerator(locals: App.Locals) {
  if (!locals.user || !locals.token) redirect(303, `${base}/connexion`);
  if (!mayModerate(locals.user)) error(403, 'La modération est réservée aux concepteurs et aux administrateurs.');
  return locals.token;
}

export const load: PageServerLoad = async ({ locals }) => {
  const token = requireModerator(locals);
  const queue = await api<{ items: ModerationItem[] }>(token, '/admin/moderation').catch(rethrow);
  return { items: queue.items };
};

/** Approve or reject one proposal, against the version of the procedure the moderator read. */
async function decide(locals: App.Locals, request: Request, decision: 'approve' | 'reject') {
  const token = requireModerator(locals);
  const fd = await request.formData();
  const id = String(fd.get('id') ?? '');
  const version = Number(fd.get('version'));
  const reason = String(fd.get('reason') ?? '').trim();
  if (decision === 'reject' && !reason) {
    return fail(400, {
      id,
      decision,
      message: 'Indiquez au délégué ce qu’il doit reprendre : le motif est obligatoire.',
    });
  }
  try {
    await api(token, `/admin/procedures/${encodeURIComponent(id)}/${decision}`, {
      body: decision === 'reject' ? { reason } : {},
      ifMatch: Number.isInteger(version) && version > 0 ? version : undefined,
    });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status === 401) rethrow(err);
    const stale = err.status === 409 && typeof err.body.currentVersion === 'number';
    const details = err.errors.map((e) => `${e.field} : ${e.message}`).join(' ; ');
    return fail(err.status, {
      id,
      decision,
      message: stale
        ? 'Le délégué a modifié sa proposition depuis l’affichage de cette page : relisez-la, puis décidez.'
        : `${err.detail}${details ? ` (${details})` : ''}`,
    });
  }
  return {
    id,
    decision,
    done: true,
    message:
      decision === 'approve'
        ? 'Proposition approuvée : la nouvelle version est en ligne.'
        : 'Proposition refusée : le délégué voit votre motif et peut la corriger.',
  };
}

export const actions: Actions = {
  approve: ({ locals, request }) => decide(locals, request, 'approve'),
  reject: ({ locals, request }) => decide(locals, request, 'reject'),
};

import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError, orNull } from '$lib/server/api';
import { requireCitizen } from '$lib/server/guard';
import { postExchange } from '$lib/server/exchanges';
import type { CaseView, FieldErrors, Procedure, TimelineEvent } from '$lib/types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireCitizen(locals, url);
  const id = encodeURIComponent(params.id);
  const view = await orNull(locals.api.get<CaseView>(`/cases/${id}`));
  if (!view) error(404, 'Cette demande est introuvable.');
  const [timeline, procedure] = await Promise.all([
    locals.api.get<{ events: TimelineEvent[] }>(`/cases/${id}/timeline`),
    orNull(
      locals.api.get<Procedure>(`/procedures/${encodeURIComponent(view.procedureId)}?version=${view.procedureVersion}`),
    ),
  ]);
  return { view, events: timeline.events, fields: procedure?.definition.fields ?? [] };
};

export const actions: Actions = {
  message: async ({ request, locals, params, url }) => {
    requireCitizen(locals, url);
    return postExchange(
      locals.api,
      `/cases/${encodeURIComponent(params.id)}/messages`,
      await request.formData(),
      'message',
    );
  },
  complement: async ({ request, locals, params, url }) => {
    requireCitizen(locals, url);
    return postExchange(
      locals.api,
      `/cases/${encodeURIComponent(params.id)}/provide-information`,
      await request.formData(),
      'complement',
    );
  },
  avis: async ({ request, locals, params, url }) => {
    requireCitizen(locals, url);
    const form = await request.formData();
    const score = Number(form.get('score'));
    const comment = String(form.get('comment') ?? '').trim();
    const errors: FieldErrors = {};
    if (!Number.isInteger(score) || score < 1 || score > 5) errors.score = 'Choisissez une note de 1 à 5.';
    if (comment.length > 2000) errors.comment = 'Votre commentaire ne doit pas dépasser 2 000 caractères.';
    if (Object.keys(errors).length > 0) return fail(400, { action: 'avis', errors, message: comment });
    try {
      await locals.api.post(`/cases/${encodeURIComponent(params.id)}/rating`, {
        score,
        ...(comment ? { comment } : {}),
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fieldErrors = err.fieldErrors();
      return fail(err.status === 400 ? 400 : err.status, {
        action: 'avis',
        errors: Object.keys(fieldErrors).length > 0 ? fieldErrors : { score: err.detail },
        message: comment,
      });
    }
    return { action: 'avis', done: true, errors: {} as FieldErrors, message: '' };
  },
};

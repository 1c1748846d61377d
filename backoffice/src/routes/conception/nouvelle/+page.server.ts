import { fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { randomUUID } from 'node:crypto';
import { api, ApiError } from '$lib/server/api';
import { designableServices, designableThemes } from '$lib/designer/access';
import { readGeneral } from '$lib/designer/draft-form';
import { starterWorkflow } from '$lib/designer/draft-ops';
import { idFrom } from '$lib/designer/names';
import { requireDesigner, rethrow } from '$lib/designer/procedures.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { user } = requireDesigner(locals);
  const { services } = await parent();
  return {
    designServices: designableServices(user, services),
    designThemes: designableThemes(user),
    key: randomUUID(),
  };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { token } = requireDesigner(locals);
    const fd = await request.formData();
    const { general, problems } = readGeneral(fd);
    const slug = String(fd.get('slug') ?? '').trim() || idFrom(general.title);
    const errors: Record<string, string[]> = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v]]));
    if (!general.title) errors.title = ['Donnez un titre à la démarche.'];
    if (!general.serviceId) errors.serviceId = ['Choisissez le service qui traitera les demandes.'];
    if (Object.keys(errors).length > 0) return fail(400, { general, slug, errors, message: null as string | null });
    const key = String(fd.get('key') ?? '');
    let created: { id: string };
    try {
      created = await api(token, '/admin/procedures', {
        body: { slug, definition: { ...general, fields: [], workflow: starterWorkflow() } },
        idempotencyKey: /^[0-9a-f-]{36}$/.test(key) ? key : undefined,
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401) rethrow(err);
      const byField: Record<string, string[]> = {};
      for (const e of err.errors) (byField[e.field.replace(/^definition\./, '')] ??= []).push(e.message);
      return fail(err.status, { general, slug, errors: byField, message: err.detail });
    }
    redirect(303, `${base}/conception/${created.id}/formulaire?cree=1`);
  },
};

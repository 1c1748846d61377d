import { fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { ownServices } from '$lib/designer/admin.server';
import { idFrom } from '$lib/designer/names';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { user } = requireAdmin(locals);
  const { services } = await parent();
  return { ownServices: ownServices(services, user.tenant) };
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { token } = requireAdmin(locals);
    const fd = await request.formData();
    const name = String(fd.get('name') ?? '').trim();
    const id = String(fd.get('id') ?? '').trim() || idFrom(name);
    const values = { name, id: String(fd.get('id') ?? '').trim() };
    if (!name)
      return fail(400, {
        values,
        errors: { 'service-name': ['Donnez un nom au service.'] },
        message: null as string | null,
      });
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      return fail(400, {
        values,
        errors: { 'service-id': ['Minuscules, chiffres et tirets seulement, par exemple action-sociale.'] },
        message: null as string | null,
      });
    }
    try {
      await api(token, '/admin/services', { body: { id, name } });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) rethrow(err);
      const taken = err.status === 409;
      return fail(err.status, {
        values,
        errors: { 'service-id': [taken ? 'Un service porte déjà cet identifiant.' : err.detail] },
        message: null as string | null,
      });
    }
    return { created: { id, name } };
  },
};

import { fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { loadAgents, loadOwnServices, ownServices } from '$lib/designer/admin.server';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import { readRoleGrid } from '$lib/designer/roles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { token, user } = requireAdmin(locals);
  const [{ services }, agents] = await Promise.all([parent(), loadAgents(token)]);
  return { agents, ownServices: ownServices(services, user.tenant) };
};

export const actions: Actions = {
  /** The account, its roles, and a first password shown once to the administrator, never stored here. */
  invite: async ({ locals, request }) => {
    const { token, user } = requireAdmin(locals);
    const fd = await request.formData();
    const values = { email: String(fd.get('email') ?? '').trim(), name: String(fd.get('name') ?? '').trim() };
    const roles = readRoleGrid(fd.getAll('role').map(String), await loadOwnServices(token, user.tenant));
    const errors: Record<string, string[]> = {};
    if (!values.name) errors['invite-name'] = ['Indiquez le prénom et le nom de l’agent.'];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
      errors['invite-email'] = ['Saisissez une adresse électronique valide, par exemple prenom.nom@ville.fr.'];
    if (Object.keys(errors).length > 0)
      return fail(400, { action: 'invite', values, roles, errors, message: null as string | null });
    try {
      const created = await api<{ id: string; email: string; temporaryPassword: string }>(token, '/admin/agents', {
        body: { ...values, roles },
      });
      return {
        action: 'invite',
        invited: {
          name: values.name,
          email: created.email,
          id: created.id,
          temporaryPassword: created.temporaryPassword,
        },
      };
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) rethrow(err);
      const byField: Record<string, string[]> = {};
      for (const e of err.errors)
        (byField[e.field === 'email' ? 'invite-email' : e.field === 'name' ? 'invite-name' : 'invite-roles'] ??=
          []).push(e.message);
      return fail(err.status, { action: 'invite', values, roles, errors: byField, message: err.detail });
    }
  },
};

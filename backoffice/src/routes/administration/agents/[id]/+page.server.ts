import { error, fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { loadAgents, loadOwnServices, ownServices } from '$lib/designer/admin.server';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import { readRoleGrid, roleChanges } from '$lib/designer/roles';
import type { Actions, PageServerLoad } from './$types';

async function agentOf(token: string, id: string) {
  const agent = (await loadAgents(token)).find((a) => a.id === id);
  if (!agent) error(404, 'Ce compte n’existe pas dans votre organisation.');
  return agent;
}

export const load: PageServerLoad = async ({ locals, params, parent }) => {
  const { token, user } = requireAdmin(locals);
  const [{ services }, agent] = await Promise.all([parent(), agentOf(token, params.id)]);
  return { agent, ownServices: ownServices(services, user.tenant), self: agent.id === user.id };
};

/** An API refusal as this page shows it, next to the action that was refused. */
function refused(action: string, err: unknown) {
  if (!(err instanceof ApiError) || err.status === 401) rethrow(err);
  return fail(err.status, { action, message: err.detail });
}

const path = (id: string, rest = '') => `/admin/agents/${encodeURIComponent(id)}${rest}`;

export const actions: Actions = {
  roles: async ({ locals, params, request }) => {
    const { token, user } = requireAdmin(locals);
    const [agent, services, fd] = await Promise.all([
      agentOf(token, params.id),
      loadOwnServices(token, user.tenant),
      request.formData(),
    ]);
    const wanted = readRoleGrid(fd.getAll('role').map(String), services);
    // An administrator cannot lock themselves out: another one must do it.
    if (agent.id === user.id && !wanted.some((r) => r.role === 'admin')) {
      return fail(400, {
        action: 'roles',
        message:
          'Vous ne pouvez pas retirer votre propre rôle d’administrateur : demandez-le à un autre administrateur.',
      });
    }
    const { grant, revoke } = roleChanges(agent.roles, wanted);
    try {
      for (const r of grant) await api(token, path(agent.id, '/roles'), { body: r });
      for (const r of revoke)
        await api(token, path(agent.id, `/roles/${encodeURIComponent(r.serviceId)}/${r.role}`), { method: 'DELETE' });
    } catch (err) {
      return refused('roles', err);
    }
    const said = [
      grant.length ? `${grant.length} rôle(s) donné(s)` : '',
      revoke.length ? `${revoke.length} rôle(s) retiré(s)` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      action: 'roles',
      done: said ? `Rôles enregistrés : ${said}. Ils s’appliquent dès maintenant.` : 'Aucun changement de rôle.',
    };
  },
  deactivate: async ({ locals, params, request }) => {
    const { token, user } = requireAdmin(locals);
    if (params.id === user.id)
      return fail(400, { action: 'deactivate', message: 'Vous ne pouvez pas désactiver votre propre compte.' });
    const reason = String((await request.formData()).get('reason') ?? '').trim();
    if (!reason)
      return fail(400, { action: 'deactivate', message: 'Indiquez le motif de la désactivation (départ, mutation…).' });
    try {
      await api(token, path(params.id, '/deactivate'), { body: { reason } });
    } catch (err) {
      return refused('deactivate', err);
    }
    return {
      action: 'deactivate',
      done: 'Compte désactivé : ses sessions sont fermées et il ne peut plus se connecter.',
    };
  },
  reactivate: async ({ locals, params }) => {
    const { token } = requireAdmin(locals);
    try {
      await api(token, path(params.id, '/reactivate'), { body: {} });
    } catch (err) {
      return refused('reactivate', err);
    }
    return { action: 'reactivate', done: 'Compte réactivé : l’agent peut de nouveau se connecter.' };
  },
  reset: async ({ locals, params }) => {
    const { token } = requireAdmin(locals);
    try {
      const { temporaryPassword } = await api<{ temporaryPassword: string }>(token, path(params.id, '/reset-access'), {
        body: {},
      });
      return { action: 'reset', done: 'Accès réinitialisé : ses sessions sont fermées.', temporaryPassword };
    } catch (err) {
      return refused('reset', err);
    }
  },
};

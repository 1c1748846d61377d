import { fail, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { api, ApiError } from '$lib/server/api';
import { designableServices, isDelegate, mayModerate } from '$lib/designer/access';
import { requireDesigner, rethrow } from '$lib/designer/procedures.server';
import type { ProcedureRow } from '$lib/designer/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
  const { token, user } = requireDesigner(locals);
  const { services } = await parent();
  const list = await api<{ items: ProcedureRow[] }>(token, '/admin/procedures').catch(rethrow);
  // Moderators see how many delegates' proposals wait for them; a failure only hides the number.
  const waiting = mayModerate(user)
    ? await api<{ items: unknown[] }>(token, '/admin/moderation')
        .then((r) => r.items.length)
        .catch(() => null)
    : null;
  return {
    procedures: list.items,
    designServices: designableServices(user, services),
    delegate: isDelegate(user),
    delegations: user.delegations ?? [],
    waiting,
  };
};

const MAX_IMPORT = 1_000_000;

export const actions: Actions = {
  /** A procedure shared by another town: its exported JSON file, owned here by one of our services. */
  import: async ({ locals, request }) => {
    const { token } = requireDesigner(locals);
    const fd = await request.formData();
    const file = fd.get('fichier');
    const serviceId = String(fd.get('serviceId') ?? '');
    const refuse = (message: string) => fail(400, { importError: message, serviceId });
    if (!(file instanceof File) || file.size === 0)
      return refuse('Choisissez le fichier de la démarche à importer (.json).');
    if (file.size > MAX_IMPORT)
      return refuse('Ce fichier est trop volumineux pour être une démarche exportée (1 Mo au plus).');
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(await file.text()) as Record<string, unknown>;
    } catch {
      return refuse('Ce fichier n’est pas un export de démarche : son contenu n’est pas du JSON lisible.');
    }
    if (doc?.format !== 'guichet-procedure/1')
      return refuse('Ce fichier n’est pas un export de démarche Guichet (format « guichet-procedure/1 » attendu).');
    let created: { id: string; slug: string };
    try {
      created = await api(token, '/admin/procedures/import', { body: { ...doc, ...(serviceId ? { serviceId } : {}) } });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401) rethrow(err);
      const details = err.errors.map((e) => `${e.field} : ${e.message}`).join(' ; ');
      return refuse(`L’import est refusé : ${err.detail}${details ? ` (${details})` : ''}`);
    }
    redirect(303, `${base}/conception/${created.id}?importee=1`);
  },
};

import { fail } from '@sveltejs/kit';
import { api, ApiError } from '$lib/server/api';
import { requireAdmin, rethrow } from '$lib/designer/procedures.server';
import { THEMES } from '$lib/designer/labels';
import type { DelegateAccount } from '$lib/designer/types';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = {
  email: 'delegue-email',
  name: 'delegue-nom',
  organisation: 'delegue-organisation',
  category: 'delegue-categorie',
} as const;

export const load: PageServerLoad = async ({ locals }) => {
  const { token } = requireAdmin(locals);
  const answer = await api<{ items: DelegateAccount[]; categories: string[] }>(token, '/admin/delegations').catch(
    rethrow,
  );
  // The portal's themes first, then any other category a procedure of the town uses.
  const known = new Set(THEMES.map((t) => t.id));
  const categories = [...THEMES.map((t) => t.id), ...answer.categories.filter((c) => !known.has(c))];
  return { delegates: answer.items, categories };
};

export const actions: Actions = {
  /** A third party's account (or one more category for an existing delegate); a first password shown once. */
  delegate: async ({ locals, request }) => {
    const { token } = requireAdmin(locals);
    const fd = await request.formData();
    const values = {
      email: String(fd.get('email') ?? '').trim(),
      name: String(fd.get('name') ?? '').trim(),
      organisation: String(fd.get('organisation') ?? '').trim(),
      category: String(fd.get('category') ?? '').trim(),
    };
    const errors: Record<string, string[]> = {};
    if (!values.name) errors[FIELDS.name] = ['Indiquez le prénom et le nom de la personne.'];
    if (!values.organisation)
      errors[FIELDS.organisation] = ['Indiquez l’association ou le mandat (par exemple « Conseiller municipal »).'];
    if (!values.category) errors[FIELDS.category] = ['Choisissez la catégorie de démarches déléguée.'];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
      errors[FIELDS.email] = ['Saisissez une adresse électronique valide, par exemple presidence@amis-du-parc.fr.'];
    if (Object.keys(errors).length > 0)
      return fail(400, { action: 'delegate', values, errors, message: null as string | null });
    try {
      const created = await api<{ id: string; email: string; temporaryPassword?: string }>(
        token,
        '/admin/delegations',
        {
          body: values,
        },
      );
      return { action: 'delegate', delegated: { ...values, temporaryPassword: created.temporaryPassword ?? null } };
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) rethrow(err);
      const byField: Record<string, string[]> = {};
      for (const e of err.errors)
        (byField[FIELDS[e.field as keyof typeof FIELDS] ?? FIELDS.category] ??= []).push(e.message);
      return fail(err.status, { action: 'delegate', values, errors: byField, message: err.detail });
    }
  },
  revoke: async ({ locals, request }) => {
    const { token } = requireAdmin(locals);
    const fd = await request.formData();
    const id = String(fd.get('id') ?? '');
    const category = String(fd.get('category') ?? '');
    try {
      await api(token, `/admin/delegations/${encodeURIComponent(id)}/${encodeURIComponent(category)}`, {
        method: 'DELETE',
      });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status === 403) rethrow(err);
      return fail(err.status, { action: 'revoke', message: err.detail });
    }
    return {
      action: 'revoke',
      revoked: category,
      message: 'Délégation retirée : le délégué n’a plus accès à cette catégorie.',
    };
  },
};

import { redirect } from '@sveltejs/kit';
import { portalTenant, TENANT_COOKIE } from '$lib/server/tenant';
import { cookieOptions, safeRedirect } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
  const { tenants } = await portalTenant(locals.api, url, cookies);
  return { tenants };
};

export const actions: Actions = {
  /** Without JavaScript too: the form posts the chosen organisation, remembered in a cookie. */
  default: async ({ request, locals, url, cookies }) => {
    const fd = await request.formData();
    const id = String(fd.get('collectivite') ?? '');
    const { tenants } = await portalTenant(locals.api, url, cookies);
    if (tenants.some((t) => t.id === id)) cookies.set(TENANT_COOKIE, id, cookieOptions(url, 60 * 60 * 24 * 365));
    redirect(303, safeRedirect(String(fd.get('retour') ?? '/demarches')));
  },
};

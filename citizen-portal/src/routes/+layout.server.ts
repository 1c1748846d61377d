import type { LayoutServerLoad } from './$types';
import { env } from '$env/dynamic/private';
import { portalTenant, procedureTenant } from '$lib/server/tenant';

export const load: LayoutServerLoad = async ({ locals, url, cookies, params }) => {
  const shown = 'slug' in params ? await procedureTenant(locals.api, params.slug) : null;
  const { tenants, tenant } = await portalTenant(locals.api, url, cookies, shown);
  return {
    user: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
    town: tenant?.name ?? (env.GUICHET_TOWN_NAME || 'Ville de S.'),
    tenant,
    /** More than one organisation on this installation: the header offers to change. */
    tenantCount: tenants.length,
  };
};

import { redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { env } from '$env/dynamic/private';
import { api } from '$lib/server/api';
import type { Service } from '$lib/types';
import { isDelegate } from '$lib/designer/access';
import type { TenantBranding } from '$lib/tenant';
import type { LayoutServerLoad } from './$types';

const PUBLIC_ROUTES = ['/connexion'];

export const load: LayoutServerLoad = async ({ locals, url, route }) => {
  const townName = env.GUICHET_TOWN_NAME || 'Ville de S.';
  const isPublic = PUBLIC_ROUTES.some((r) => route.id?.startsWith(r));
  if (!locals.user) {
    if (!isPublic) {
      const back = url.pathname + url.search;
      redirect(
        303,
        `${base}/connexion${back && back !== `${base}/` && back !== base ? `?retour=${encodeURIComponent(back)}` : ''}`,
      );
    }
    return { user: null, services: [] as Service[], townName, tenant: null as TenantBranding | null };
  }
  // A delegate (third party) has the design of their categories, and nothing else of the back office.
  const delegateArea = ['/conception', '/connexion', '/deconnexion'];
  if (isDelegate(locals.user) && !delegateArea.some((r) => route.id?.startsWith(r)))
    redirect(303, `${base}/conception`);
  const [all, tenant] = await Promise.all([
    api<{ items: Service[] }>(locals.token, '/services').catch(() => ({ items: [] as Service[] })),
    // The agent's own organisation: its name, logo and colours in the header.
    api<TenantBranding>(locals.token, `/tenants/${encodeURIComponent(locals.user.tenant)}`).catch(() => null),
  ]);
  return { user: locals.user, services: all.items, townName: tenant?.name ?? townName, tenant };
};

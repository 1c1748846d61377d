import type { Cookies } from '@sveltejs/kit';
import type { Api } from './api';
import { cookieOptions } from './session';
import { env } from '$env/dynamic/private';
import { tenantOfHost, type Tenant } from '$lib/tenant';

/** The organisation whose portal the resident is on, remembered for a year. */
export const TENANT_COOKIE = 'guichet_collectivite';
const TENANT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The organisation asked for: `?collectivite=<id>` first (a link from the organisation's own
 * site), then the cookie (the chooser), then the host (`GUICHET_TENANT_HOSTS`); null means the
 * installation's default.
 */
export function askedTenant(url: URL, cookies: Cookies): string | null {
  const asked =
    url.searchParams.get('collectivite') ??
    cookies.get(TENANT_COOKIE) ??
    tenantOfHost(url.host, process.env.GUICHET_TENANT_HOSTS || env.GUICHET_TENANT_HOSTS) ??
    '';
  return TENANT_ID.test(asked) && asked.length <= 100 ? asked : null;
}

/**
 * Every organisation and the one this visit is on; an unknown id falls back to the default.
 * `shown`: the organisation of what the page shows (a procedure), which wins for this page only.
 */
export async function portalTenant(
  api: Api,
  url: URL,
  cookies: Cookies,
  shown: string | null = null,
): Promise<{ tenants: Tenant[]; tenant: Tenant | null }> {
  const { items, defaultTenant } = await api
    .get<{ items: Tenant[]; defaultTenant: string }>('/tenants')
    .catch(() => ({ items: [] as Tenant[], defaultTenant: '' }));
  const asked = askedTenant(url, cookies);
  const chosen = items.find((t) => t.id === asked) ?? null;
  if (url.searchParams.has('collectivite') && chosen) {
    cookies.set(TENANT_COOKIE, chosen.id, cookieOptions(url, 60 * 60 * 24 * 365));
  } else if (asked && !chosen && cookies.get(TENANT_COOKIE)) {
    cookies.delete(TENANT_COOKIE, cookieOptions(url));
  }
  const owner = shown ? items.find((t) => t.id === shown) : undefined;
  return { tenants: items, tenant: owner ?? chosen ?? items.find((t) => t.id === defaultTenant) ?? items[0] ?? null };
}

/** The organisation offering a procedure, so its page wears that organisation's colours whatever the portal chosen. */
export async function procedureTenant(api: Api, slug: string | undefined): Promise<string | null> {
  if (!slug) return null;
  return api
    .get<{ tenant?: string }>(`/procedures/${encodeURIComponent(slug)}`)
    .then((p) => p.tenant ?? null)
    .catch(() => null);
}

import { brandingCss, type TenantView } from '@guichet/domain';

/** An organisation of the installation as the portal shows it (`GET /tenants`). */
export type Tenant = TenantView;

/** The stylesheet's State blue becomes the organisation's primary colour, its hover the accent. */
export const PORTAL_BRANDING = {
  '--bleu': 'primaryColour',
  '--bleu-survol': 'accentColour',
  '--accent': 'accentColour',
} as const;

/** `selector`: where the portal's stylesheet is drawn (the whole page; the back office's preview frame). */
export const brandingStyle = (t: Tenant | null, selector?: string): string => brandingCss(t, PORTAL_BRANDING, selector);

/** Which organisation handles a request of « Mes demandes » (one account serves them all). */
export function tenantNameOf(c: object): string | null {
  return 'tenantName' in c && typeof c.tenantName === 'string' ? c.tenantName : null;
}

/**
 * The organisation a host serves, from `GUICHET_TENANT_HOSTS` (`demarches.ccas-s.fr=ccas-de-s,
 * demarches.ville-s.fr=ville-de-s`): one installation, each organisation under its own address.
 * Host names compare without case; a port in the map must match the request's.
 */
export function tenantOfHost(host: string, map: string | undefined): string | null {
  const wanted = host.trim().toLowerCase();
  for (const pair of (map ?? '').split(',')) {
    const [h, id] = pair.split('=').map((s) => s.trim());
    if (h && id && h.toLowerCase() === wanted) return id;
  }
  return null;
}

import { brandingCss, type TenantView } from '@guichet/domain';

/** An organisation of the installation as the portal shows it (`GET /tenants`). */
export type Tenant = TenantView;

/** The stylesheet's State blue becomes the organisation's primary colour, its hover the accent. */
export const brandingStyle = (t: Tenant | null): string =>
  brandingCss(t, { '--bleu': 'primaryColour', '--bleu-survol': 'accentColour', '--accent': 'accentColour' });

/** Which organisation handles a request of « Mes demandes » (one account serves them all). */
export function tenantNameOf(c: object): string | null {
  return 'tenantName' in c && typeof c.tenantName === 'string' ? c.tenantName : null;
}

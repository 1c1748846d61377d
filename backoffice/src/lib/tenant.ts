import { brandingCss, contrastWithWhite, normaliseColour, type TenantView } from '@guichet/domain';

/** An organisation's branding as the API gives it (`GET /tenants/:id`). */
export type TenantBranding = TenantView;

/** The agent's organisation colours the header, links and buttons. */
export const brandingStyle = (t: TenantBranding | null): string =>
  brandingCss(t, { '--bleu': 'primaryColour', '--marque-accent': 'accentColour' });

/** WCAG contrast of white text on the colour, or null for a value that is not #rrggbb (preview only: the API decides). */
export function contrastOf(value: string): number | null {
  const hex = normaliseColour(value);
  return /^#[0-9a-f]{6}$/.test(hex) ? contrastWithWhite(hex) : null;
}

import { checkText } from '../checks.ts';
import type { FieldError } from '../common.ts';
import { validateDocumentRef } from '../documents.ts';
import type { DocumentRef } from '../case/events.ts';

/** What a resident sees of an organisation on its portal, and an agent in the back office header. */
export type TenantBranding = {
  name: string;
  tagline: string | null;
  primaryColour: string;
  accentColour: string;
  logo: DocumentRef | null;
};

/** The colours every organisation starts with (the State's blue and a dark red), both readable under white text. */
export const DEFAULT_BRANDING_COLOURS = { primaryColour: '#000091', accentColour: '#a1000e' } as const;

/** A logo is a PNG or JPEG image: SVG can carry scripts, so it is refused rather than sanitised. */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export const MAX_LOGO_BYTES = 512 * 1024;
/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/;

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Contrast ratio (1 to 21) of white text on `#rrggbb`, as WCAG 2.1 defines it. */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}

/** `#ABC` and `#aabbcc` alike become `#aabbcc`; anything else is returned as typed (and refused). */
export function normaliseColour(value: string): string {
  const v = value.trim().toLowerCase();
  return /^#[0-9a-f]{3}$/.test(v) ? `#${[...v.slice(1)].map((c) => c + c).join('')}` : v;
}

function checkColour(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'string' || !HEX.test(normaliseColour(value))) {
    return [{ field, message: 'Saisissez une couleur au format hexadécimal, par exemple #000091.' }];
  }
  const ratio = contrastWithWhite(normaliseColour(value));
  if (ratio < MIN_CONTRAST) {
    const shown = (Math.floor(ratio * 10) / 10).toLocaleString('fr-FR', { minimumFractionDigits: 1 });
    return [
      {
        field,
        message: `Couleur trop claire : un texte blanc dessus n'atteint qu'un contraste de ${shown}:1 (4,5:1 au moins, niveau AA). Choisissez une teinte plus foncée.`,
      },
    ];
  }
  return [];
}

function checkLogo(logo: unknown): FieldError[] {
  if (logo === null) return [];
  const errors = validateDocumentRef(logo, 'logo');
  if (errors.length > 0) return errors;
  const doc = logo as DocumentRef;
  if (!(LOGO_MEDIA_TYPES as readonly string[]).includes(doc.mediaType)) {
    return [{ field: 'logo', message: 'Le logo doit être une image PNG ou JPEG (SVG refusé).' }];
  }
  if (doc.size > MAX_LOGO_BYTES) {
    return [
      { field: 'logo', message: `Le logo est trop lourd : ${Math.ceil(doc.size / 1024)} Ko pour 512 Ko au plus.` },
    ];
  }
  return [];
}

/** Every field at fault at once; colours are compared once normalised. */
export function checkBranding(b: TenantBranding): FieldError[] {
  return [
    ...checkText(b.name, 'name', 1, 120),
    ...(b.tagline === null ? [] : checkText(b.tagline, 'tagline', 0, 200)),
    ...checkColour(b.primaryColour, 'primaryColour'),
    ...checkColour(b.accentColour, 'accentColour'),
    ...checkLogo(b.logo),
  ];
}

export function normaliseBranding(b: TenantBranding): TenantBranding {
  const tagline = b.tagline?.trim() ?? '';
  return {
    name: b.name.trim(),
    tagline: tagline === '' ? null : tagline,
    primaryColour: normaliseColour(b.primaryColour),
    accentColour: normaliseColour(b.accentColour),
    logo: b.logo,
  };
}

/** Field by field (an event read back from jsonb may list its keys in another order). */
export function sameBranding(a: TenantBranding, b: TenantBranding): boolean {
  const logo = (l: TenantBranding['logo']) =>
    l ? [l.documentId, l.fileName, l.mediaType, l.size, l.sha256].join('\n') : '';
  return (
    a.name === b.name &&
    a.tagline === b.tagline &&
    a.primaryColour === b.primaryColour &&
    a.accentColour === b.accentColour &&
    logo(a.logo) === logo(b.logo)
  );
}

/** An organisation as the portals show it (`GET /tenants/:id`): what the apps brand their pages with. */
export type TenantView = {
  id: string;
  name: string;
  tagline: string | null;
  primaryColour: string;
  accentColour: string;
  /** Under the API (`/api/v1/tenants/…/logo?v=…`), served by the same host as the apps. */
  logoUrl: string | null;
};

/**
 * One CSS rule giving the page's custom properties the organisation's colours, e.g.
 * `{ '--bleu': 'primaryColour' }`. The colours are checked again: the rule goes into a `<style>`.
 * `html:root` outweighs the stylesheet's own `:root` defaults, whatever their order in the page;
 * `selector` names another element (the back office's preview of the portal: `html .apercu-citoyen`).
 */
export function brandingCss(
  t: Pick<TenantBranding, 'primaryColour' | 'accentColour'> | null,
  properties: Record<string, 'primaryColour' | 'accentColour'>,
  selector = 'html:root',
): string {
  if (!t || !HEX.test(t.primaryColour) || !HEX.test(t.accentColour)) return '';
  const declarations = Object.entries(properties).map(([name, colour]) => `${name}:${t[colour]}`);
  return `${selector}{${declarations.join(';')}}`;
}

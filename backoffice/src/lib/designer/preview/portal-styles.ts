import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The designer's preview draws forms with the citizen portal's own stylesheet
 * (citizen-portal/src/lib/styles/global.css), not a copy of it: at build time the sheet is scoped to
 * the preview's frame (`.apercu-citoyen`) and its rem turned into px (the back office's root font is
 * smaller than the portal's), then served as the module `virtual:apercu-citoyen.css`.
 */

export const PREVIEW_SCOPE = '.apercu-citoyen';
const MODULE = 'virtual:apercu-citoyen.css';
/** Ends in .css so that Vite's CSS pipeline takes it (bundling, minifying, injecting). */
const RESOLVED = '/@guichet/apercu-citoyen.css';
const PORTAL_SHEET = fileURLToPath(new URL('../../../../../citizen-portal/src/lib/styles/global.css', import.meta.url));

const remToPx = (text: string, remPx: number) =>
  text.replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Math.round(Number(n) * remPx * 100) / 100}px`);

function scopeSelector(selector: string, scope: string): string {
  const s = selector.trim();
  // What the portal sets on the page itself applies to the frame.
  const root = /^(:root|html|body)(?![\w-])/.exec(s);
  if (root) return `${scope}${s.slice(root[0].length)}`;
  return `${scope} ${s}`;
}

/** Index just past the block that opens at `open` (a `{`), nested blocks and strings included. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = css.indexOf(c, i + 1);
      if (i < 0) break;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('feuille de style mal formée : accolade non fermée');
}

/**
 * Every rule of `css` limited to the elements inside `scope`, rem turned into px. Conditional
 * group rules (@media, @supports) are scoped inside; other at-rules (@font-face, @keyframes) kept.
 */
export function scopeStylesheet(css: string, scope: string, remPx = 16): string {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{', at);
    if (open < 0) break;
    const prelude = source.slice(at, open).trim();
    const end = blockEnd(source, open);
    const body = source.slice(open + 1, end - 1);
    if (/^@(media|supports|container|layer)\b/.test(prelude)) {
      out.push(`${remToPx(prelude, remPx)} {\n${scopeStylesheet(body, scope, remPx)}}\n`);
    } else if (prelude.startsWith('@')) {
      out.push(`${prelude} {${body}}\n`);
    } else {
      const selectors = prelude.split(',').map((s) => scopeSelector(s, scope));
      out.push(`${selectors.join(',\n')} {${remToPx(body, remPx)}}\n`);
    }
    at = end;
  }
  return out.join('');
}

/** Vite plugin serving the portal's stylesheet, scoped for the preview, as `virtual:apercu-citoyen.css`. */
export function portalPreviewStyles(): Plugin {
  return {
    name: 'guichet-apercu-citoyen',
    resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(PORTAL_SHEET);
      return scopeStylesheet(readFileSync(PORTAL_SHEET, 'utf8'), PREVIEW_SCOPE);
    },
  };
}

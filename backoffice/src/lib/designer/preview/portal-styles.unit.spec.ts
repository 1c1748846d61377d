import { describe, expect, it } from 'vitest';
import { scopeStylesheet } from './portal-styles.ts';

describe("the portal's stylesheet, scoped for the designer's preview", () => {
  it('limits every rule to the frame and draws rem as the portal does (16 px)', () => {
    const css = `/* commentaire { } */
:root { --bleu: #000091; font-size: 1rem; }
body { margin: 0; }
h1, .champ > label { margin: 1.5rem 0 0.75rem; }
.message-erreur::before { content: '⚠ {'; }`;
    expect(scopeStylesheet(css, '.apercu').replace(/\s+/g, ' ')).toBe(
      '.apercu { --bleu: #000091; font-size: 16px; } ' +
        '.apercu { margin: 0; } ' +
        '.apercu h1, .apercu .champ > label { margin: 24px 0 12px; } ' +
        ".apercu .message-erreur::before { content: '⚠ {'; } ",
    );
  });

  it('scopes inside media queries and keeps other at-rules as they are', () => {
    const css = `@media (min-width: 40rem) { .sous-champs { grid-template-columns: 10rem 1fr; } }
@keyframes clignote { from { opacity: 0; } to { opacity: 1; } }`;
    expect(scopeStylesheet(css, '.apercu').replace(/\s+/g, ' ')).toBe(
      '@media (min-width: 640px) { .apercu .sous-champs { grid-template-columns: 160px 1fr; } } ' +
        '@keyframes clignote { from { opacity: 0; } to { opacity: 1; } } ',
    );
  });

  it('refuses a sheet whose braces do not close', () => {
    expect(() => scopeStylesheet('.champ { margin: 0;', '.apercu')).toThrow(/accolade non fermée/);
  });
});

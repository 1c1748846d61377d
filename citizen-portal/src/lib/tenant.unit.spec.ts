import { describe, expect, it } from 'vitest';
import { brandingStyle, tenantNameOf, tenantOfHost } from './tenant.ts';

describe('portal per organisation', () => {
  it('maps a host to its organisation, and nothing else', () => {
    const map = ' demarches.ccas-s.fr = ccas-de-s , localhost:5173=ville-de-s,broken, =x';
    expect(tenantOfHost('Demarches.CCAS-s.fr', map)).toBe('ccas-de-s');
    expect(tenantOfHost('localhost:5173', map)).toBe('ville-de-s');
    expect(tenantOfHost('localhost', map)).toBeNull();
    expect(tenantOfHost('broken', map)).toBeNull();
    expect(tenantOfHost('demarches.ccas-s.fr', undefined)).toBeNull();
  });
  it("gives the stylesheet the organisation's colours, checked", () => {
    const t = { primaryColour: '#1f4e79', accentColour: '#8a1538' };
    expect(brandingStyle({ id: 'a', name: 'A', tagline: null, logoUrl: null, ...t })).toBe(
      'html:root{--bleu:#1f4e79;--bleu-survol:#8a1538;--accent:#8a1538}',
    );
    expect(
      brandingStyle({ id: 'a', name: 'A', tagline: null, logoUrl: null, ...t, primaryColour: '#000</style>' }),
    ).toBe('');
    // The back office's designer preview wears them on its frame only.
    expect(brandingStyle({ id: 'a', name: 'A', tagline: null, logoUrl: null, ...t }, 'html .apercu-citoyen')).toBe(
      'html .apercu-citoyen{--bleu:#1f4e79;--bleu-survol:#8a1538;--accent:#8a1538}',
    );
  });
  it('labels a request with its organisation when the API says it', () => {
    expect(tenantNameOf({ tenantName: 'CCAS de S.' })).toBe('CCAS de S.');
    expect(tenantNameOf({})).toBeNull();
  });
});

import { describe, it } from 'vitest';
import { expect } from 'vitest';
import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../common.ts';
import { brandingCss, contrastWithWhite, MAX_LOGO_BYTES, type TenantBranding } from './organisation-branding.ts';
import type { OrganisationEvent, TenantBrandingChanged } from './events.ts';
import { actors, metaFor, specification } from '../testing.ts';
import { decideOrganisation, evolveOrganisation, initialOrganisationState } from './organisation.ts';

const given = specification({
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: initialOrganisationState,
});
const system = metaFor(actors.system());
const admin = metaFor(actors.agent('svc-dsi', 'admin'));

describe('organisation', () => {
  it('creates a tenant from the platform only, once', () => {
    const create = { type: 'CreateTenant' as const, data: { tenant: 'ville-s', name: ' Ville de S. ' } };
    given([])
      .when(create, system)
      .then([{ type: 'TenantCreated', data: { tenant: 'ville-s', name: 'Ville de S.' } }]);
    given([]).when(create, admin).thenThrows(ForbiddenError);
    given([{ type: 'TenantCreated', data: { tenant: 'ville-s', name: 'Ville de S.' } }])
      .when(create, system)
      .thenThrows(IllegalStateError);
  });
  it('creates a service of the command tenant, by an administrator, with a name', () => {
    const create = { type: 'CreateService' as const, data: { serviceId: 'svc-voirie', name: 'Voirie' } };
    given([])
      .when(create, admin)
      .then([{ type: 'ServiceCreated', data: { serviceId: 'svc-voirie', tenant: 'ville-s', name: 'Voirie' } }]);
    given([])
      .when(create, metaFor(actors.agent('svc-dsi', 'manager')))
      .thenThrows(ForbiddenError);
    given([])
      .when({ ...create, data: { ...create.data, name: '' } }, admin)
      .thenThrows(ValidationError, ['name']);
  });

  describe('branding', () => {
    const created: OrganisationEvent[] = [{ type: 'TenantCreated', data: { tenant: 'ville-s', name: 'Ville de S.' } }];
    const logo = {
      documentId: 'd1',
      fileName: 'logo.png',
      mediaType: 'image/png',
      size: 2048,
      sha256: 'a'.repeat(64),
    };
    const branding: TenantBranding = {
      name: ' Ville de S. ',
      tagline: '  ',
      primaryColour: '#1F4E79',
      accentColour: '#a10',
      logo,
    };
    const set = (data: Partial<TenantBranding> = {}) => ({
      type: 'SetTenantBranding' as const,
      data: { ...branding, ...data },
    });

    it('computes the WCAG contrast of white text', () => {
      expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
      expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
      expect(contrastWithWhite('#767676')).toBeGreaterThan(4.5);
      expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
    });
    it('turns the colours into CSS custom properties, never anything else', () => {
      const colours = { primaryColour: '#1f4e79', accentColour: '#8a1538' };
      expect(brandingCss(colours, { '--bleu': 'primaryColour', '--accent': 'accentColour' })).toBe(
        'html:root{--bleu:#1f4e79;--accent:#8a1538}',
      );
      expect(brandingCss({ ...colours, accentColour: 'red}body{display:none' }, { '--bleu': 'primaryColour' })).toBe(
        '',
      );
      expect(brandingCss(null, { '--bleu': 'primaryColour' })).toBe('');
    });
    it('is changed by an administrator of the tenant, normalised, and only when it differs', () => {
      const changed: TenantBrandingChanged = {
        type: 'TenantBrandingChanged',
        data: {
          tenant: 'ville-s',
          name: 'Ville de S.',
          tagline: null,
          primaryColour: '#1f4e79',
          accentColour: '#aa1100',
          logo,
        },
      };
      given([...created])
        .when(set(), admin)
        .then([changed]);
      given([...created])
        .when(set(), system)
        .then([changed]);
      given([...created, changed])
        .when(set(), admin)
        .then([]);
      given([...created, changed])
        .when(set({ logo: null }), admin)
        .then([{ ...changed, data: { ...changed.data, logo: null } }]);
    });
    it('is refused to other staff, to another tenant and before the tenant exists', () => {
      given([...created])
        .when(set(), metaFor(actors.agent('svc-dsi', 'manager')))
        .thenThrows(ForbiddenError);
      given([...created])
        .when(set(), metaFor(actors.agent('svc-dsi', 'admin'), { tenant: 'ccas-s' }))
        .thenThrows(NotFoundError);
      given([]).when(set(), admin).thenThrows(NotFoundError);
    });
    it('refuses malformed or too light colours, SVG and oversized logos, naming each field', () => {
      given([...created])
        .when(set({ name: '', primaryColour: 'bleu', accentColour: '#ffcc00' }), admin)
        .thenThrows(ValidationError, ['name', 'primaryColour', 'accentColour']);
      given([...created])
        .when(set({ logo: { ...logo, mediaType: 'image/svg+xml', fileName: 'logo.svg' } }), admin)
        .thenThrows(ValidationError, ['logo']);
      given([...created])
        .when(set({ logo: { ...logo, size: MAX_LOGO_BYTES + 1 } }), admin)
        .thenThrows(ValidationError, ['logo']);
    });
  });
});

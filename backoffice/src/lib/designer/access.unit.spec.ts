import { describe, expect, it } from 'vitest';
import { designableServices, designableThemes, isDelegate, mayAdminister, mayDesign, mayModerate } from './access.ts';

const services = [{ id: 'voirie' }, { id: 'etat-civil' }];
const delegate = { roles: [], delegations: ['voirie-cadre-de-vie', 'fete-du-parc'] };
const designer = { roles: [{ serviceId: 'voirie', role: 'designer' }] };
const agent = { roles: [{ serviceId: 'voirie', role: 'agent' }] };

describe('who designs what in the back office', () => {
  it('tells a delegate (no role, categories delegated) from town staff', () => {
    expect(isDelegate(delegate)).toBe(true);
    expect(isDelegate({ roles: [], delegations: [] })).toBe(false);
    expect(isDelegate({ ...designer, delegations: ['voirie-cadre-de-vie'] })).toBe(false);
    expect(isDelegate(null)).toBe(false);
  });
  it('lets delegates design but never moderate nor administer', () => {
    expect([mayDesign(delegate), mayModerate(delegate), mayAdminister(delegate)]).toEqual([true, false, false]);
    expect([mayDesign(designer), mayModerate(designer)]).toEqual([true, true]);
    expect([mayDesign(agent), mayModerate(agent)]).toEqual([false, false]);
  });
  it('offers a delegate every service for a new procedure, a designer their own', () => {
    expect(designableServices(delegate, services)).toEqual(services);
    expect(designableServices(designer, services)).toEqual([{ id: 'voirie' }]);
  });
  it('offers a delegate only their categories, named like the catalogue when it knows them', () => {
    expect(designableThemes(delegate)).toEqual([
      { id: 'voirie-cadre-de-vie', label: 'Voirie et cadre de vie' },
      { id: 'fete-du-parc', label: 'fete-du-parc' },
    ]);
    expect(designableThemes(designer).map((t) => t.id)).toContain('etat-civil');
  });
});

import { describe, it } from 'vitest';
import { ForbiddenError, IllegalStateError, ValidationError } from '../common.ts';
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
});

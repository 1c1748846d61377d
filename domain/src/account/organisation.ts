import { forbidUnless, isAdmin, isSystem } from '../access.ts';
import { checkId, checkText, throwIfInvalid } from '../checks.ts';
import { IllegalStateError, assertNever, type CommandMeta } from '../common.ts';
import type { OrganisationEvent } from './events.ts';

/** Streams `tenant-<id>` (a commune, a CCAS, an intercommunalité) and `service-<id>` (état civil, voirie…). */
export type OrganisationCommand =
  | { type: 'CreateTenant'; data: { tenant: string; name: string } }
  | { type: 'CreateService'; data: { serviceId: string; name: string } };

export interface OrganisationState {
  exists: boolean;
  name: string;
}

export function initialOrganisationState(): OrganisationState {
  return { exists: false, name: '' };
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'TenantCreated':
    case 'ServiceCreated':
      return { exists: true, name: event.data.name };
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/**
 * A tenant is created by the platform (system) only; a service within the command's tenant by an
 * administrator of that tenant or the system.
 */
export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
  meta: CommandMeta,
): OrganisationEvent[] {
  if (state.exists) throw new IllegalStateError('Cet élément existe déjà.');
  switch (command.type) {
    case 'CreateTenant': {
      forbidUnless(isSystem(meta.actor), "La création d'une collectivité relève de l'exploitant de la plateforme.");
      const { tenant, name } = command.data;
      throwIfInvalid([...checkId(tenant, 'tenant'), ...checkText(name, 'name', 1, 200)]);
      return [{ type: 'TenantCreated', data: { tenant, name: name.trim() } }];
    }
    case 'CreateService': {
      forbidUnless(isAdmin(meta.actor) || isSystem(meta.actor), 'Seul un administrateur peut créer un service.');
      const { serviceId, name } = command.data;
      throwIfInvalid([...checkId(serviceId, 'serviceId'), ...checkText(name, 'name', 1, 200)]);
      return [{ type: 'ServiceCreated', data: { serviceId, tenant: meta.tenant, name: name.trim() } }];
    }
    default:
      return assertNever(command);
  }
}

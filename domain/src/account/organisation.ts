import { forbidUnless, isAdmin, isSystem } from '../access.ts';
import { checkId, checkText, throwIfInvalid } from '../checks.ts';
import { IllegalStateError, NotFoundError, assertNever, type CommandMeta } from '../common.ts';
import type { OrganisationEvent } from './events.ts';
import { checkBranding, normaliseBranding, sameBranding, type TenantBranding } from './organisation-branding.ts';

/** Streams `tenant-<id>` (a commune, a CCAS, an intercommunalité) and `service-<id>` (état civil, voirie…). */
export type OrganisationCommand =
  | { type: 'CreateTenant'; data: { tenant: string; name: string } }
  | { type: 'CreateService'; data: { serviceId: string; name: string } }
  | { type: 'SetTenantBranding'; data: TenantBranding };

export interface OrganisationState {
  exists: boolean;
  name: string;
  /** Set on a tenant stream: its id, and its branding once changed. */
  tenant: string | null;
  branding: TenantBranding | null;
}

export function initialOrganisationState(): OrganisationState {
  return { exists: false, name: '', tenant: null, branding: null };
}

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'TenantCreated':
      return { ...state, exists: true, name: event.data.name, tenant: event.data.tenant };
    case 'ServiceCreated':
      return { ...state, exists: true, name: event.data.name };
    case 'TenantBrandingChanged': {
      const { tenant: _tenant, ...branding } = event.data;
      return { ...state, branding };
    }
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/**
 * A tenant is created by the platform (system) only; a service within the command's tenant by an
 * administrator of that tenant or the system. A tenant's branding is changed by an administrator
 * of that tenant (or the platform); another tenant's stream answers "not found".
 */
export function decideOrganisation(
  command: OrganisationCommand,
  state: OrganisationState,
  meta: CommandMeta,
): OrganisationEvent[] {
  if (command.type === 'SetTenantBranding') return decideBranding(command.data, state, meta);
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

function decideBranding(branding: TenantBranding, state: OrganisationState, meta: CommandMeta): OrganisationEvent[] {
  if (!state.exists || state.tenant === null || state.tenant !== meta.tenant) {
    throw new NotFoundError('Collectivité introuvable.');
  }
  forbidUnless(
    isAdmin(meta.actor) || isSystem(meta.actor),
    'Seul un administrateur de la collectivité peut changer son identité visuelle.',
  );
  throwIfInvalid(checkBranding(branding));
  const next = normaliseBranding(branding);
  if (state.branding && sameBranding(state.branding, next)) return [];
  return [{ type: 'TenantBrandingChanged', data: { tenant: state.tenant, ...next } }];
}

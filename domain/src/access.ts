import { ForbiddenError, type Actor, type Role } from './common.ts';

export type AgentActor = Extract<Actor, { kind: 'agent' }>;

export function isAgent(actor: Actor): actor is AgentActor {
  return actor.kind === 'agent';
}

/** True when the actor is an agent holding one of `roles` (any role when omitted) on the service. */
export function hasRoleOn(actor: Actor, serviceId: string, roles?: readonly Role[]): boolean {
  return isAgent(actor) && actor.roles.some((r) => r.serviceId === serviceId && (!roles || roles.includes(r.role)));
}

/** Administrators are global to the tenant: an admin role on any service is enough. */
export function isAdmin(actor: Actor): boolean {
  return isAgent(actor) && actor.roles.some((r) => r.role === 'admin');
}

/** Any role on any service: staff of the town. */
export function isStaff(actor: Actor): boolean {
  return isAgent(actor) && actor.roles.length > 0;
}

/**
 * `system` is a trusted in-process actor (schedulers, seeding, migrations): it is never built
 * from an HTTP request, so it passes the checks that protect staff actions.
 */
export function isSystem(actor: Actor): boolean {
  return actor.kind === 'system';
}

export function actorId(actor: Actor): string {
  return actor.kind === 'agent' || actor.kind === 'citizen' ? actor.id : actor.kind;
}

/** A third party holding a delegation of this procedure category (theme); town staff never do. */
export function isDelegateOf(actor: Actor, category: string): boolean {
  return isAgent(actor) && actor.roles.length === 0 && (actor.delegations ?? []).includes(category);
}

export function forbidUnless(condition: boolean, message = "Vous n'avez pas les droits pour cette action."): void {
  if (!condition) throw new ForbiddenError(message);
}

import { forbidUnless, isAdmin, isSystem } from '../access.ts';
import { checkId, checkText, throwIfInvalid } from '../checks.ts';
import {
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ROLES,
  assertNever,
  type CommandMeta,
  type FieldError,
} from '../common.ts';
import { holdsDelegation, holdsRole, type AgentState } from './agent-state.ts';
import { checkEmail, checkPasswordHash, normaliseEmail } from './citizen-decide.ts';
import type { AgentCommand } from './commands.ts';
import type { AgentEvent } from './events.ts';

const checkRole = (role: unknown): FieldError[] =>
  ROLES.includes(role as never)
    ? []
    : [{ field: 'role', message: 'Choisissez un rôle : agent, manager, designer ou admin.' }];

/**
 * Staff accounts. Every command is an administrator's: an agent holding the admin role on any
 * service (administration is tenant-wide), or the system when seeding. A deactivated account
 * keeps its roles but accepts nothing except reactivation.
 */
export function decideAgent(command: AgentCommand, state: AgentState, meta: CommandMeta): AgentEvent[] {
  const actor = meta.actor;
  forbidUnless(isAdmin(actor) || isSystem(actor), 'Seul un administrateur peut gérer les comptes des agents.');
  if (command.type === 'CreateAgentAccount') {
    if (state.exists) throw new IllegalStateError('Ce compte existe déjà.');
    const { agentId, email, name, passwordHash } = command.data;
    throwIfInvalid([
      ...checkId(agentId, 'agentId'),
      ...checkEmail(email),
      ...checkText(name, 'name', 1, 200),
      ...checkPasswordHash(passwordHash),
    ]);
    return [
      {
        type: 'AgentAccountCreated',
        data: { agentId, tenant: meta.tenant, email: normaliseEmail(email), name: name.trim(), passwordHash },
      },
    ];
  }
  if (!state.exists || state.tenant !== meta.tenant) throw new NotFoundError('Agent introuvable.');
  const { agentId } = state;
  const self = actor.kind === 'agent' && actor.id === agentId;
  switch (command.type) {
    case 'GrantRole': {
      if (!state.active) throw new IllegalStateError("Ce compte est désactivé : réactivez-le d'abord.");
      const { serviceId, role } = command.data;
      throwIfInvalid([...checkId(serviceId, 'serviceId'), ...checkRole(role)]);
      if (holdsRole(state, serviceId, role)) throw new IllegalStateError('Cet agent a déjà ce rôle dans ce service.');
      if (state.delegations.length > 0) {
        throw new IllegalStateError(
          'Ce compte est celui d’un délégué extérieur : retirez ses délégations avant de lui donner un rôle.',
        );
      }
      return [{ type: 'AgentRoleGranted', data: { agentId, serviceId, role } }];
    }
    case 'RevokeRole': {
      const { serviceId, role } = command.data;
      if (!holdsRole(state, serviceId, role)) throw new IllegalStateError("Cet agent n'a pas ce rôle dans ce service.");
      // Guards against locking the last administrator out by mistake; another admin can do it.
      if (self && role === 'admin')
        throw new ForbiddenError("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
      return [{ type: 'AgentRoleRevoked', data: { agentId, serviceId, role } }];
    }
    case 'DeactivateAgent':
      if (self) throw new ForbiddenError('Vous ne pouvez pas désactiver votre propre compte.');
      if (!state.active) throw new IllegalStateError('Ce compte est déjà désactivé.');
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'AgentDeactivated', data: { agentId, reason: command.data.reason.trim() } }];
    case 'ResetAgentPassword':
      if (!state.active) throw new IllegalStateError("Ce compte est désactivé : réactivez-le d'abord.");
      throwIfInvalid(checkPasswordHash(command.data.passwordHash));
      return [{ type: 'AgentPasswordReset', data: { agentId, passwordHash: command.data.passwordHash } }];
    case 'ReactivateAgent':
      if (state.active) throw new IllegalStateError("Ce compte n'est pas désactivé.");
      return [{ type: 'AgentReactivated', data: { agentId } }];
    case 'DelegateCategory': {
      if (!state.active) throw new IllegalStateError("Ce compte est désactivé : réactivez-le d'abord.");
      // Staff design through their service roles; a delegation is for people outside the town's services.
      if (state.roles.length > 0) {
        throw new IllegalStateError('Ce compte est celui d’un agent de la commune : une délégation va à un tiers.');
      }
      const { category, organisation } = command.data;
      throwIfInvalid([...checkText(category, 'category', 1, 100), ...checkText(organisation, 'organisation', 1, 200)]);
      const clean = category.trim();
      if (holdsDelegation(state, clean)) throw new IllegalStateError('Cette catégorie est déjà déléguée à ce compte.');
      return [{ type: 'CategoryDelegated', data: { agentId, category: clean, organisation: organisation.trim() } }];
    }
    case 'RevokeDelegation': {
      const { category } = command.data;
      if (!holdsDelegation(state, category))
        throw new IllegalStateError("Cette catégorie n'est pas déléguée à ce compte.");
      return [{ type: 'DelegationRevoked', data: { agentId, category } }];
    }
    default:
      return assertNever(command);
  }
}

import { forbidUnless, hasRoleOn, isSystem } from '../access.ts';
import { ForbiddenError, IllegalStateError, type Actor } from '../common.ts';
import type { CaseEvent, Party } from './events.ts';
import type { CaseState } from './state.ts';

/** Agents with any role on the service that holds the case (and in-process system jobs). */
export function isCaseAgent(actor: Actor, state: CaseState): boolean {
  return isSystem(actor) || hasRoleOn(actor, state.serviceId);
}

/**
 * The resident the case belongs to: the citizen account it was filed for, or, for a case filed
 * anonymously, whoever presents its tracking code (the API hashes the code into the actor).
 */
export function isCaseOwner(actor: Actor, state: CaseState): boolean {
  if (actor.kind === 'citizen') return state.citizenId !== null && actor.id === state.citizenId;
  if (actor.kind === 'anonymous')
    return state.trackingCodeHash !== null && actor.trackingCodeHash === state.trackingCodeHash;
  return false;
}

export function requireCaseAgent(actor: Actor, state: CaseState): void {
  forbidUnless(isCaseAgent(actor, state), "Ce dossier relève d'un service dont vous ne faites pas partie.");
}

/** Which side of the exchange the actor is on; anyone else may not act on the case. */
export function partyOf(actor: Actor, state: CaseState): Party {
  if (isCaseAgent(actor, state)) return 'agent';
  if (isCaseOwner(actor, state)) return 'citizen';
  throw new ForbiddenError("Vous n'avez pas accès à ce dossier.");
}

export function requireNotClosed(state: CaseState): void {
  if (state.status === 'closed') throw new IllegalStateError('Ce dossier est clos.');
}

/** Open for instruction: not decided, not closed, and not already waiting for the resident. */
export function requireInstructing(state: CaseState): void {
  requireNotClosed(state);
  if (state.status === 'decided') throw new IllegalStateError('Ce dossier a déjà reçu une décision.');
  if (state.status === 'waiting_citizen') {
    throw new IllegalStateError("Le dossier attend la réponse de l'usager à une demande de complément.");
  }
}

/** The first piece of work an agent does on a new case is its acknowledgement (first response time). */
export function acknowledgedIfNew(state: CaseState): CaseEvent[] {
  return state.status === 'submitted' ? [{ type: 'CaseAcknowledged', data: { caseId: state.caseId } }] : [];
}

import type { CaseView, User } from '$lib/types';

/** Every action the request page can offer. */
export type CaseAction =
  | 'take'
  | 'assign'
  | 'unassign'
  | 'transfer'
  | 'acknowledge'
  | 'requestInformation'
  | 'recordAnswer'
  | 'message'
  | 'phoneCall'
  | 'letter'
  | 'visit'
  | 'document'
  | 'note'
  | 'transition'
  | 'decide'
  | 'close'
  | 'reopen';

/** Roles that may take a workflow step which names none (as the case decider says). */
const DEFAULT_TRANSITION_ROLES = ['agent', 'manager', 'admin'];

export const rolesOn = (user: User, serviceId: string) =>
  user.roles.filter((r) => r.serviceId === serviceId).map((r) => r.role);

/**
 * What this agent may do on this request now, mirroring the rules of the case decider, so the page
 * never offers a button the API would refuse.
 */
export function allowedActions(user: User, c: Pick<CaseView, 'serviceId' | 'status' | 'assignee'>): Set<CaseAction> {
  const allowed = new Set<CaseAction>();
  if (rolesOn(user, c.serviceId).length === 0) return allowed;
  const open = c.status !== 'closed';
  const instructing = open && c.status !== 'decided' && c.status !== 'waiting_citizen';
  // Contacts are kept even on a closed request: the town records every exchange.
  for (const a of ['phoneCall', 'letter', 'visit', 'document', 'note'] as const) allowed.add(a);
  if (open) {
    if (c.assignee !== user.id) allowed.add('take');
    allowed.add('assign');
    if (c.assignee) allowed.add('unassign');
    allowed.add('transfer');
    allowed.add('message');
    allowed.add('transition');
    allowed.add('close');
  }
  if (c.status === 'submitted') allowed.add('acknowledge');
  if (instructing) {
    allowed.add('requestInformation');
    allowed.add('decide');
  }
  if (c.status === 'waiting_citizen') allowed.add('recordAnswer');
  if (c.status === 'closed') allowed.add('reopen');
  return allowed;
}

/** May this agent take this workflow step (its roles, or the default ones)? */
export function mayTransition(user: User, serviceId: string, roles: string[] | undefined): boolean {
  const mine = rolesOn(user, serviceId);
  return mine.some((r) => (roles ?? DEFAULT_TRANSITION_ROLES).includes(r));
}

import { ROLES, type FieldError } from '../common.ts';
import type { Workflow, WorkflowState } from './events.ts';

const STATE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ID_MESSAGE = 'Identifiant invalide : lettres, chiffres, tirets et soulignés uniquement (64 au plus).';

/** The one transition allowed out of a final state: bringing a finished case back to work. */
export const REOPEN_TRANSITION_ID = 'reopen';

/**
 * Rules of a publishable workflow:
 * - the initial state exists and is not final; state ids and transition ids are unique;
 * - transitions reference existing states; their roles are known roles;
 * - every state is reachable from the initial state, and at least one state is final;
 * - every state that is not final has a way out (no case can get stuck);
 * - nothing leaves a final state, except a transition with id `reopen` whose target is not final.
 */
export function validateWorkflow(workflow: Workflow, path = 'workflow'): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field: `${path}.${field}`, message });
  const states = Array.isArray(workflow?.states) ? workflow.states : [];
  const transitions = Array.isArray(workflow?.transitions) ? workflow.transitions : [];
  if (states.length === 0) err('states', 'Le circuit doit comporter au moins un état.');

  const byId = new Map<string, WorkflowState>();
  states.forEach((s, i) => {
    if (typeof s.id !== 'string' || !STATE_ID.test(s.id)) err(`states[${i}].id`, ID_MESSAGE);
    else if (byId.has(s.id)) err(`states[${i}].id`, "Cet identifiant d'état est déjà utilisé.");
    else byId.set(s.id, s);
    if (typeof s.label !== 'string' || s.label.trim() === '')
      err(`states[${i}].label`, 'Donnez un libellé à cet état.');
  });

  const initial = byId.get(workflow?.initial);
  if (!initial) err('initial', "L'état initial doit être un des états du circuit.");
  else if (initial.final) err('initial', "L'état initial ne peut pas être un état final.");
  if (states.length > 0 && !states.some((s) => s.final))
    err('states', 'Le circuit doit comporter au moins un état final.');

  const transitionIds = new Set<string>();
  transitions.forEach((t, i) => {
    const at = `transitions[${i}]`;
    if (typeof t.id !== 'string' || !STATE_ID.test(t.id)) err(`${at}.id`, ID_MESSAGE);
    else if (transitionIds.has(t.id)) err(`${at}.id`, 'Cet identifiant de transition est déjà utilisé.');
    else transitionIds.add(t.id);
    if (typeof t.label !== 'string' || t.label.trim() === '')
      err(`${at}.label`, 'Donnez un libellé à cette transition.');
    const from = byId.get(t.from);
    const to = byId.get(t.to);
    if (!from) err(`${at}.from`, "L'état de départ n'existe pas dans le circuit.");
    if (!to) err(`${at}.to`, "L'état d'arrivée n'existe pas dans le circuit.");
    if (from?.final && !(t.id === REOPEN_TRANSITION_ID && to && !to.final)) {
      err(`${at}.from`, "Seule une transition « reopen » vers un état non final peut partir d'un état final.");
    }
    if (t.roles !== undefined && (t.roles.length === 0 || t.roles.some((r) => !ROLES.includes(r)))) {
      err(`${at}.roles`, 'Choisissez au moins un rôle parmi : agent, manager, designer, admin.');
    }
    if (t.autoAfterDays !== undefined && !(Number.isInteger(t.autoAfterDays) && t.autoAfterDays >= 1)) {
      err(`${at}.autoAfterDays`, 'Le délai de passage automatique est un nombre entier de jours (au moins 1).');
    }
  });

  if (initial) {
    const reached = reachableFrom(initial.id, transitions);
    states.forEach((s, i) => {
      if (byId.get(s.id) === s && !reached.has(s.id))
        err(`states[${i}]`, `L'état « ${s.label} » n'est pas atteignable depuis l'état initial.`);
    });
  }
  states.forEach((s, i) => {
    if (byId.get(s.id) === s && !s.final && !transitions.some((t) => t.from === s.id)) {
      err(
        `states[${i}]`,
        `Aucune transition ne sort de l'état « ${s.label} » : marquez-le comme final ou ajoutez une transition.`,
      );
    }
  });
  return errors;
}

function reachableFrom(start: string, transitions: Workflow['transitions']): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const t of transitions) {
      if (t.from === id && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

import { instant } from '../checks.ts';
import { isSystem } from '../access.ts';
import { ForbiddenError, type Actor } from '../common.ts';
import type { WorkflowTransition } from '../procedure/events.ts';
import type { WorkflowTransitioned } from './events.ts';
import type { CaseState } from './state.ts';

/**
 * The deadline clock. Two reasons stop it: a request for information awaiting the citizen's
 * answer, and a workflow state marked « suspend le délai ». They may overlap; the clock runs only
 * when neither holds. A pause starts when the first reason starts (`pausedSince`) and ends when
 * the last one ends; only then is the due date pushed back, by the whole pause.
 */

/** Time paused from `since` to `now`; a clock running behind must not pull the deadline earlier. */
export const pausedMsUntil = (since: string, now: string): number => Math.max(0, instant(now) - instant(since));

type DeadlineFields = Pick<WorkflowTransitioned['data'], 'pausesDeadline' | 'deadline' | 'pausedMs' | 'at'>;

/** What a transition does to the clock; nothing at all when neither state pauses the deadline. */
export function deadlineOnTransition(state: CaseState, targetPauses: boolean, now: string): DeadlineFields {
  if (!targetPauses && !state.statePausesDeadline) return {};
  if (targetPauses) {
    // Entering (or staying in) a pausing state: the clock stops now unless it already was stopped.
    return state.pausedSince === null
      ? { pausesDeadline: true, deadline: 'paused', at: now }
      : { pausesDeadline: true, at: now };
  }
  // Leaving a pausing state: the clock restarts unless the citizen still owes an answer.
  if (state.openRequest !== null || state.pausedSince === null) return { pausesDeadline: false, at: now };
  return { pausesDeadline: false, deadline: 'resumed', pausedMs: pausedMsUntil(state.pausedSince, now), at: now };
}

/** The automatic transition's record: only the scheduler takes one, after `autoAfterDays` days. */
export function automaticStep(transition: WorkflowTransition, actor: Actor): { afterDays: number; reason: string } {
  if (!isSystem(actor) || transition.autoAfterDays === undefined) {
    throw new ForbiddenError('Seul le système effectue un passage automatique, prévu par le circuit.');
  }
  const n = transition.autoAfterDays;
  return { afterDays: n, reason: `passage automatique après ${n} jour${n > 1 ? 's' : ''}` };
}

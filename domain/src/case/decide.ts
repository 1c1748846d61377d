import { hasRoleOn, isSystem, forbidUnless } from '../access.ts';
import { MAX_TEXT, checkId, checkText, instant, throwIfInvalid } from '../checks.ts';
import {
  IllegalStateError,
  NotFoundError,
  ValidationError,
  assertNever,
  type CommandMeta,
  type Role,
} from '../common.ts';
import { validateDocuments } from '../documents.ts';
import type { CaseCommand } from './commands.ts';
import { decideContact } from './contacts.ts';
import type { CaseEvent } from './events.ts';
import {
  acknowledgedIfNew,
  isCaseOwner,
  partyOf,
  requireCaseAgent,
  requireInstructing,
  requireNotClosed,
} from './guards.ts';
import type { CaseState } from './state.ts';
import { decideSubmission } from './submit.ts';
import { automaticStep, deadlineOnTransition, pausedMsUntil } from './deadline.ts';

/** Who may take a workflow transition that does not name its roles. */
export const DEFAULT_TRANSITION_ROLES: readonly Role[] = ['agent', 'manager', 'admin'];

/**
 * The life of a request. Checks run in this order: the case exists (in this tenant), the actor may
 * act on it, the case is in a status that allows the command, then the input.
 */
export function decideCase(command: CaseCommand, state: CaseState, meta: CommandMeta): CaseEvent[] {
  if (command.type === 'SubmitCase') return decideSubmission(command, state, meta);
  // Another tenant's case answers "not found": its existence is not ours to reveal.
  if (!state.exists || (state.tenant !== '' && state.tenant !== meta.tenant))
    throw new NotFoundError('Dossier introuvable.');
  const { caseId } = state;
  const now = new Date(instant(meta.now)).toISOString();
  const actor = meta.actor;

  switch (command.type) {
    case 'AcknowledgeCase':
      requireCaseAgent(actor, state);
      requireNotClosed(state);
      if (state.status !== 'submitted') throw new IllegalStateError('Ce dossier a déjà été pris en compte.');
      return acknowledgedIfNew(state);
    case 'AssignCase': {
      requireCaseAgent(actor, state);
      requireNotClosed(state);
      const { assignee } = command.data;
      throwIfInvalid(checkId(assignee, 'assignee'));
      // A repeated assignment is refused rather than silently ignored: the queue shows who has it.
      if (assignee === state.assignee) throw new IllegalStateError('Ce dossier est déjà attribué à cet agent.');
      return [{ type: 'CaseAssigned', data: { caseId, assignee, previousAssignee: state.assignee } }];
    }
    case 'UnassignCase':
      requireCaseAgent(actor, state);
      requireNotClosed(state);
      if (state.assignee === null) throw new IllegalStateError("Ce dossier n'est attribué à personne.");
      return [{ type: 'CaseUnassigned', data: { caseId, previousAssignee: state.assignee } }];
    case 'TransferCase': {
      requireCaseAgent(actor, state);
      requireNotClosed(state);
      const { toServiceId, reason } = command.data;
      throwIfInvalid([...checkId(toServiceId, 'toServiceId'), ...checkText(reason, 'reason')]);
      if (toServiceId === state.serviceId) {
        throw new ValidationError([{ field: 'toServiceId', message: 'Le dossier est déjà dans ce service.' }]);
      }
      return [
        {
          type: 'CaseTransferred',
          data: { caseId, fromServiceId: state.serviceId, toServiceId, reason: reason.trim() },
        },
      ];
    }
    case 'RequestInformation': {
      requireCaseAgent(actor, state);
      requireInstructing(state);
      const { requestId, message } = command.data;
      throwIfInvalid([...checkId(requestId, 'requestId'), ...checkText(message, 'message')]);
      return [
        ...acknowledgedIfNew(state),
        { type: 'InformationRequested', data: { caseId, requestId, message: message.trim(), requestedAt: now } },
      ];
    }
    case 'ProvideInformation': {
      // The resident answers online; an agent records an answer that came by letter or at the counter.
      partyOf(actor, state);
      const request = state.openRequest;
      if (state.status !== 'waiting_citizen' || !request)
        throw new IllegalStateError("Aucune demande de complément n'est en attente.");
      const { message, documents } = command.data;
      const hasDocuments = Array.isArray(documents) && documents.length > 0;
      throwIfInvalid([
        ...checkText(message, 'message', hasDocuments ? 0 : 1),
        ...validateDocuments(documents, 'documents'),
      ]);
      // In a state that pauses the deadline, the answer does not restart the clock (see deadline.ts).
      const staysPaused = state.statePausesDeadline;
      const data = {
        caseId,
        requestId: request.requestId,
        message: message.trim(),
        documents,
        providedAt: now,
        pausedMs: staysPaused ? 0 : pausedMsUntil(state.pausedSince ?? request.requestedAt, now),
        ...(staysPaused ? { deadlineStaysPaused: true } : {}),
      };
      return [{ type: 'InformationProvided', data }];
    }
    case 'SendMessage':
    case 'LogPhoneCall':
    case 'LogLetter':
    case 'LogCounterVisit':
    case 'AttachDocument':
    case 'WriteInternalNote':
      return decideContact(command, state, meta);
    case 'TransitionWorkflow': {
      requireCaseAgent(actor, state);
      requireNotClosed(state);
      const transition = command.data.workflow.transitions.find((t) => t.id === command.data.transitionId);
      if (!transition) {
        throw new ValidationError([
          { field: 'transitionId', message: "Cette étape n'existe pas dans le circuit de la démarche." },
        ]);
      }
      if (transition.from !== state.workflowState) {
        throw new IllegalStateError("Cette étape n'est pas possible depuis l'état actuel du dossier.");
      }
      forbidUnless(
        isSystem(actor) || hasRoleOn(actor, state.serviceId, transition.roles ?? DEFAULT_TRANSITION_ROLES),
        "Votre rôle ne permet pas d'effectuer cette étape.",
      );
      const automatic = command.data.automatic === true ? automaticStep(transition, actor) : undefined;
      const { id: transitionId, from, to } = transition;
      const target = command.data.workflow.states.find((s) => s.id === to);
      return [
        // The scheduler's step is not the town's first response: only a person acknowledges.
        ...(automatic ? [] : acknowledgedIfNew(state)),
        {
          type: 'WorkflowTransitioned',
          data: {
            caseId,
            transitionId,
            from,
            to,
            message: transition.messageTemplate ?? null,
            ...deadlineOnTransition(state, target?.pausesDeadline === true, now),
            ...(automatic ? { automatic } : {}),
          },
        },
      ];
    }
    case 'DecideCase': {
      requireCaseAgent(actor, state);
      requireInstructing(state);
      const { outcome, reason } = command.data;
      const outcomeErrors =
        outcome === 'accepted' || outcome === 'rejected'
          ? []
          : [{ field: 'outcome', message: 'Choisissez : acceptée ou refusée.' }];
      // A refusal must be explained to the resident.
      throwIfInvalid([...outcomeErrors, ...checkText(reason, 'reason', outcome === 'rejected' ? 1 : 0, MAX_TEXT)]);
      return [...acknowledgedIfNew(state), { type: 'CaseDecided', data: { caseId, outcome, reason: reason.trim() } }];
    }
    case 'CloseCase':
      requireCaseAgent(actor, state);
      if (state.status === 'closed') throw new IllegalStateError('Ce dossier est déjà clos.');
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'CaseClosed', data: { caseId, reason: command.data.reason.trim() } }];
    case 'ReopenCase':
      requireCaseAgent(actor, state);
      if (state.status !== 'closed') throw new IllegalStateError('Seul un dossier clos peut être rouvert.');
      throwIfInvalid(checkText(command.data.reason, 'reason'));
      return [{ type: 'CaseReopened', data: { caseId, reason: command.data.reason.trim() } }];
    case 'RateCase': {
      forbidUnless(isCaseOwner(actor, state), "Seul l'usager qui a déposé la demande peut l'évaluer.");
      if (state.status !== 'closed')
        throw new IllegalStateError('Vous pourrez évaluer le traitement une fois le dossier clos.');
      if (state.rated) throw new IllegalStateError('Vous avez déjà évalué ce dossier.');
      const { score, comment } = command.data;
      const scoreErrors =
        Number.isInteger(score) && score >= 1 && score <= 5
          ? []
          : [{ field: 'score', message: 'Donnez une note entière de 1 à 5.' }];
      throwIfInvalid([...scoreErrors, ...checkText(comment ?? '', 'comment', 0, 2000)]);
      return [
        { type: 'CaseRated', data: { caseId, score: score as 1 | 2 | 3 | 4 | 5, comment: (comment ?? '').trim() } },
      ];
    }
    default:
      return assertNever(command);
  }
}

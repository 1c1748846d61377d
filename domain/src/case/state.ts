import { isoPlus } from '../checks.ts';
import type { CaseEvent, CaseStatus, Outcome } from './events.ts';

export interface CaseState {
  exists: boolean;
  caseId: string;
  reference: string;
  tenant: string;
  procedureId: string;
  /** Kept for the case's whole life, whatever is published later. */
  procedureVersion: number;
  serviceId: string;
  submittedBy: 'citizen' | 'agent' | 'anonymous' | null;
  citizenId: string | null;
  trackingCodeHash: string | null;
  status: CaseStatus;
  workflowState: string;
  assignee: string | null;
  decision: { outcome: Outcome; reason: string } | null;
  /** Set exactly while the status is waiting_citizen. */
  openRequest: { requestId: string; requestedAt: string } | null;
  submittedAt: string;
  /** Moves later by the time the deadline was paused. */
  dueAt: string;
  /**
   * Start of the current deadline pause, null while the clock runs. Two reasons pause it: an open
   * request to the citizen, and a workflow state that pauses the deadline; the clock runs only when
   * neither holds, so one pause lasts from the first reason starting to the last one ending.
   */
  pausedSince: string | null;
  /** The current workflow state pauses the deadline. */
  statePausesDeadline: boolean;
  rated: boolean;
  reopenCount: number;
}

export function initialCaseState(): CaseState {
  return {
    exists: false,
    caseId: '',
    reference: '',
    tenant: '',
    procedureId: '',
    procedureVersion: 0,
    serviceId: '',
    submittedBy: null,
    citizenId: null,
    trackingCodeHash: null,
    status: 'submitted',
    workflowState: '',
    assignee: null,
    decision: null,
    openRequest: null,
    submittedAt: '',
    dueAt: '',
    pausedSince: null,
    statePausesDeadline: false,
    rated: false,
    reopenCount: 0,
  };
}

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseSubmitted': {
      const d = event.data;
      return {
        ...initialCaseState(),
        exists: true,
        caseId: d.caseId,
        reference: d.reference,
        tenant: d.tenant ?? '',
        procedureId: d.procedureId,
        procedureVersion: d.procedureVersion,
        serviceId: d.serviceId,
        submittedBy: d.submittedBy,
        citizenId: d.citizenId,
        trackingCodeHash: d.trackingCodeHash,
        workflowState: d.workflowState,
        submittedAt: d.submittedAt,
        dueAt: d.dueAt,
        statePausesDeadline: d.pausesDeadline === true,
        pausedSince: d.pausesDeadline === true ? d.submittedAt : null,
      };
    }
    case 'CaseAcknowledged':
      return { ...state, status: 'in_progress' };
    case 'CaseAssigned':
      return { ...state, assignee: event.data.assignee };
    case 'CaseUnassigned':
      return { ...state, assignee: null };
    case 'CaseTransferred':
      return { ...state, serviceId: event.data.toServiceId, assignee: null };
    case 'InformationRequested':
      return {
        ...state,
        status: 'waiting_citizen',
        openRequest: { requestId: event.data.requestId, requestedAt: event.data.requestedAt },
        pausedSince: state.pausedSince ?? event.data.requestedAt,
      };
    case 'InformationProvided':
      return {
        ...state,
        status: 'in_progress',
        openRequest: null,
        dueAt: isoPlus(state.dueAt, event.data.pausedMs),
        pausedSince: event.data.deadlineStaysPaused ? state.pausedSince : null,
      };
    case 'WorkflowTransitioned': {
      const d = event.data;
      const next = { ...state, workflowState: d.to };
      if (d.pausesDeadline === undefined) return next;
      next.statePausesDeadline = d.pausesDeadline;
      if (d.deadline === 'paused') next.pausedSince = state.pausedSince ?? d.at ?? null;
      if (d.deadline === 'resumed') {
        next.pausedSince = null;
        next.dueAt = isoPlus(state.dueAt, d.pausedMs ?? 0);
      }
      return next;
    }
    case 'CaseDecided':
      return { ...state, status: 'decided', decision: { outcome: event.data.outcome, reason: event.data.reason } };
    case 'CaseClosed':
      // A request still open when the case is closed is moot; the deadline no longer matters.
      // Closing ends any pause, as the read models record it.
      return { ...state, status: 'closed', openRequest: null, pausedSince: null };
    case 'CaseReopened':
      // The previous decision stays in the history; the case is to be decided again.
      return { ...state, status: 'in_progress', decision: null, reopenCount: state.reopenCount + 1 };
    case 'CaseRated':
      return { ...state, rated: true };
    case 'MessageSent':
    case 'PhoneCallLogged':
    case 'LetterLogged':
    case 'CounterVisitLogged':
    case 'DocumentAttached':
    case 'InternalNoteWritten':
      return state;
    default: {
      // Compile-time exhaustiveness only: an event type from a newer release is ignored, not fatal.
      const _exhaustive: never = event;
      return state;
    }
  }
}

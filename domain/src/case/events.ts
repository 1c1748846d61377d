import type { Channel, DomainEvent, Profile } from '../common.ts';

export type CaseStatus = 'submitted' | 'in_progress' | 'waiting_citizen' | 'decided' | 'closed';
export type Outcome = 'accepted' | 'rejected';
export type Direction = 'inbound' | 'outbound';
export type Party = 'citizen' | 'agent';

export interface DocumentRef {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  /** Content address in the blob store. */
  sha256: string;
}

export type CaseSubmitted = DomainEvent<
  'CaseSubmitted',
  {
    caseId: string;
    /** Tenant the case belongs to (always set by the decider; optional only for events written before it existed). */
    tenant?: string | undefined;
    /** Human reference, e.g. "S-2026-00042". */
    reference: string;
    procedureId: string;
    /** The procedure version the case keeps for its whole life. */
    procedureVersion: number;
    serviceId: string;
    channel: Channel;
    /** 'citizen': by themselves; 'agent': recorded on their behalf; 'anonymous': with a tracking code. */
    submittedBy: 'citizen' | 'agent' | 'anonymous';
    citizenId: string | null;
    contact: Profile | null;
    /** SHA-256 of the tracking code given to an anonymous submitter; the code itself is never stored. */
    trackingCodeHash: string | null;
    data: Record<string, unknown>;
    documents: DocumentRef[];
    workflowState: string;
    submittedAt: string;
    /** ISO instant the answer is due (deadline days after submission, before any pause). */
    dueAt: string;
    /** The initial workflow state stops the deadline clock (absent: it does not). */
    pausesDeadline?: boolean | undefined;
  }
>;
export type CaseAcknowledged = DomainEvent<'CaseAcknowledged', { caseId: string }>;
export type CaseAssigned = DomainEvent<
  'CaseAssigned',
  { caseId: string; assignee: string; previousAssignee: string | null }
>;
export type CaseUnassigned = DomainEvent<'CaseUnassigned', { caseId: string; previousAssignee: string }>;
export type CaseTransferred = DomainEvent<
  'CaseTransferred',
  { caseId: string; fromServiceId: string; toServiceId: string; reason: string }
>;
/** The deadline pauses from `requestedAt` until the citizen answers. */
export type InformationRequested = DomainEvent<
  'InformationRequested',
  { caseId: string; requestId: string; message: string; requestedAt: string }
>;
/**
 * `pausedMs`: time added to the deadline as its clock starts again (0 when it stays stopped).
 * `deadlineStaysPaused`: the case is in a workflow state that pauses the deadline, so the clock
 * does not start again with the answer (absent: it does).
 */
export type InformationProvided = DomainEvent<
  'InformationProvided',
  {
    caseId: string;
    requestId: string;
    message: string;
    documents: DocumentRef[];
    providedAt: string;
    pausedMs: number;
    deadlineStaysPaused?: boolean | undefined;
  }
>;
export type MessageSent = DomainEvent<
  'MessageSent',
  { caseId: string; messageId: string; from: Party; text: string; documents: DocumentRef[] }
>;
export type PhoneCallLogged = DomainEvent<
  'PhoneCallLogged',
  { caseId: string; direction: Direction; durationSeconds: number; summary: string }
>;
export type LetterLogged = DomainEvent<
  'LetterLogged',
  { caseId: string; direction: Direction; summary: string; documents: DocumentRef[] }
>;
export type CounterVisitLogged = DomainEvent<'CounterVisitLogged', { caseId: string; summary: string }>;
export type DocumentAttached = DomainEvent<'DocumentAttached', { caseId: string; by: Party; document: DocumentRef }>;
/** Never shown to the citizen. */
export type InternalNoteWritten = DomainEvent<'InternalNoteWritten', { caseId: string; noteId: string; text: string }>;
/**
 * The deadline fields are present only when the transition touches the deadline clock:
 * `pausesDeadline` says whether the target state pauses it, `deadline` what happened to the clock
 * ('paused': it stopped at `at`; 'resumed': it started again and the due date moved `pausedMs` later).
 * `automatic` is set when the scheduler took the transition after `afterDays` days in `from`.
 */
export type WorkflowTransitioned = DomainEvent<
  'WorkflowTransitioned',
  {
    caseId: string;
    transitionId: string;
    from: string;
    to: string;
    message: string | null;
    pausesDeadline?: boolean | undefined;
    deadline?: 'paused' | 'resumed' | undefined;
    pausedMs?: number | undefined;
    at?: string | undefined;
    automatic?: { afterDays: number; reason: string } | undefined;
  }
>;
export type CaseDecided = DomainEvent<'CaseDecided', { caseId: string; outcome: Outcome; reason: string }>;
export type CaseClosed = DomainEvent<'CaseClosed', { caseId: string; reason: string }>;
export type CaseReopened = DomainEvent<'CaseReopened', { caseId: string; reason: string }>;
export type CaseRated = DomainEvent<'CaseRated', { caseId: string; score: 1 | 2 | 3 | 4 | 5; comment: string }>;

export type CaseEvent =
  | CaseSubmitted
  | CaseAcknowledged
  | CaseAssigned
  | CaseUnassigned
  | CaseTransferred
  | InformationRequested
  | InformationProvided
  | MessageSent
  | PhoneCallLogged
  | LetterLogged
  | CounterVisitLogged
  | DocumentAttached
  | InternalNoteWritten
  | WorkflowTransitioned
  | CaseDecided
  | CaseClosed
  | CaseReopened
  | CaseRated;

/** Event types a citizen never sees in their timeline or history. */
export const INTERNAL_CASE_EVENTS = ['InternalNoteWritten', 'CaseAssigned', 'CaseUnassigned'] as const;

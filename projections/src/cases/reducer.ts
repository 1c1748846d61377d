import { INTERNAL_CASE_EVENTS, type CaseEvent } from '@guichet/domain';
import type { RecordedEvent } from '@guichet/eventstore';
import type { ProcedureLabels } from '../procedure-labels.ts';
import { dispatch, type Handlers } from '../projection.ts';
import type { CaseRow } from './row.ts';

export interface CaseContext {
  /** The row being changed; CaseSubmitted creates it. */
  row: CaseRow | null;
  at: string;
  labels(procedureId: string, version: number): ProcedureLabels | null;
}

const INTERNAL: ReadonlySet<string> = new Set(INTERNAL_CASE_EVENTS);

const plusMs = (isoInstant: string, ms: number) => new Date(Date.parse(isoInstant) + ms).toISOString();

function setWorkflowState(c: CaseContext, row: CaseRow, state: string) {
  row.workflow_state = state;
  const label = c.labels(row.procedure_id, row.procedure_version)?.states.find((s) => s.id === state);
  row.workflow_label = label?.label ?? null;
  row.workflow_public_label = label?.publicLabel ?? null;
}

// Handlers other than CaseSubmitted only run when the row exists (see applyCaseEvent).
const row = (c: CaseContext) => c.row as CaseRow;

const handlers: Handlers<CaseEvent, CaseContext> = {
  CaseSubmitted: (c, d, e) => {
    const contact = d.contact ?? null;
    const name = contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
    c.row = {
      id: d.caseId,
      reference: d.reference,
      tenant: d.tenant ?? e.metadata.tenant,
      procedure_id: d.procedureId,
      procedure_version: d.procedureVersion,
      procedure_title: c.labels(d.procedureId, d.procedureVersion)?.title ?? null,
      service_id: d.serviceId,
      channel: d.channel,
      submitted_by: d.submittedBy,
      status: 'submitted',
      workflow_state: d.workflowState,
      workflow_label: null,
      workflow_public_label: null,
      assignee: null,
      citizen_id: d.citizenId,
      contact_name: name || null,
      contact_email: contact?.email ?? null,
      contact,
      tracking_code_hash: d.trackingCodeHash,
      submitted_at: d.submittedAt,
      acknowledged_at: null,
      due_at: d.dueAt,
      // An initial state that pauses the deadline stops the clock from the start.
      paused_since: d.pausesDeadline ? d.submittedAt : null,
      open_request: null,
      decision_outcome: null,
      decision_reason: null,
      decided_at: null,
      closed_at: null,
      reopen_count: 0,
      rating_score: null,
      rating_comment: null,
      last_activity_at: c.at,
      last_public_activity_at: c.at,
      stream_version: 0,
      position: 0,
      data: d.data,
      documents: d.documents.map((doc) => ({ ...doc, by: d.submittedBy === 'agent' ? 'agent' : 'citizen', at: c.at })),
      messages: [],
    };
    setWorkflowState(c, c.row, d.workflowState);
  },
  CaseAcknowledged: (c) => {
    row(c).status = 'in_progress';
    row(c).acknowledged_at ??= c.at;
  },
  CaseAssigned: (c, d) => {
    row(c).assignee = d.assignee;
  },
  CaseUnassigned: (c) => {
    row(c).assignee = null;
  },
  CaseTransferred: (c, d) => {
    row(c).service_id = d.toServiceId;
    row(c).assignee = null;
  },
  InformationRequested: (c, d) => {
    const r = row(c);
    r.status = 'waiting_citizen';
    // Already paused by the workflow state: the pause started then (one pause, see domain deadline.ts).
    r.paused_since ??= d.requestedAt;
    r.open_request = { requestId: d.requestId, message: d.message, requestedAt: d.requestedAt };
    r.messages.push({
      id: d.requestId,
      kind: 'information_request',
      from: 'agent',
      text: d.message,
      at: d.requestedAt,
      documents: [],
    });
  },
  InformationProvided: (c, d) => {
    const r = row(c);
    r.status = 'in_progress';
    if (!d.deadlineStaysPaused) r.paused_since = null;
    r.open_request = null;
    r.due_at = plusMs(r.due_at, d.pausedMs);
    r.messages.push({
      id: `${d.requestId}:answer`,
      kind: 'information_response',
      from: 'citizen',
      text: d.message,
      at: d.providedAt,
      documents: d.documents,
    });
    r.documents.push(...d.documents.map((doc) => ({ ...doc, by: 'citizen' as const, at: d.providedAt })));
  },
  MessageSent: (c, d) => {
    const r = row(c);
    r.messages.push({ id: d.messageId, kind: 'message', from: d.from, text: d.text, at: c.at, documents: d.documents });
    r.documents.push(...d.documents.map((doc) => ({ ...doc, by: d.from, at: c.at })));
  },
  PhoneCallLogged: () => {},
  LetterLogged: (c, d) => {
    const by = d.direction === 'inbound' ? 'citizen' : 'agent';
    row(c).documents.push(...d.documents.map((doc) => ({ ...doc, by, at: c.at }) as const));
  },
  CounterVisitLogged: () => {},
  DocumentAttached: (c, d) => {
    row(c).documents.push({ ...d.document, by: d.by, at: c.at });
  },
  InternalNoteWritten: () => {},
  WorkflowTransitioned: (c, d) => {
    const r = row(c);
    setWorkflowState(c, r, d.to);
    if (d.deadline === 'paused') r.paused_since ??= d.at ?? c.at;
    if (d.deadline === 'resumed') {
      r.paused_since = null;
      r.due_at = plusMs(r.due_at, d.pausedMs ?? 0);
    }
  },
  CaseDecided: (c, d) => {
    const r = row(c);
    r.status = 'decided';
    r.decision_outcome = d.outcome;
    r.decision_reason = d.reason;
    r.decided_at = c.at;
  },
  CaseClosed: (c) => {
    const r = row(c);
    r.status = 'closed';
    r.closed_at = c.at;
    r.paused_since = null;
    r.open_request = null;
  },
  CaseReopened: (c) => {
    const r = row(c);
    r.status = 'in_progress';
    r.closed_at = null;
    r.decision_outcome = null;
    r.decision_reason = null;
    r.decided_at = null;
    r.reopen_count += 1;
  },
  CaseRated: (c, d) => {
    row(c).rating_score = d.score;
    row(c).rating_comment = d.comment || null;
  },
};

export const CASE_TYPES: ReadonlySet<string> = new Set(Object.keys(handlers));

/**
 * Applies one event to a case row (mutating it, for speed over large batches). Returns false when
 * nothing changed: unknown type, no row yet, or an event the row already reflects (re-delivery).
 */
export function applyCaseEvent(c: CaseContext, event: RecordedEvent): boolean {
  if (!CASE_TYPES.has(event.type)) return false;
  if (c.row ? event.streamVersion <= c.row.stream_version : event.type !== 'CaseSubmitted') return false;
  c.at = event.metadata.recordedAt;
  dispatch(handlers, c, event);
  const r = c.row;
  if (!r) return false;
  r.stream_version = event.streamVersion;
  r.position = event.position;
  r.last_activity_at = c.at;
  if (!INTERNAL.has(event.type)) r.last_public_activity_at = c.at;
  return true;
}

import type { CaseStatus, Outcome, Profile } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { caseRowFromDb, type CaseDocument, type CaseMessage, type CaseRow, type OpenRequest } from '../cases/row.ts';

export type Audience = 'agent' | 'citizen';

/** A case as GET /cases/:id shows it. */
export interface CaseView {
  id: string;
  reference: string;
  tenant: string;
  procedureId: string;
  procedureVersion: number;
  procedureTitle: string | null;
  serviceId: string;
  channel: string;
  submittedBy: 'citizen' | 'agent' | 'anonymous';
  status: CaseStatus;
  workflowState: string;
  workflowLabel: string | null;
  /** What the citizen sees of the step; null when the step is not shown to citizens. */
  workflowPublicLabel: string | null;
  /** Agent id; always null in the citizen's view. */
  assignee: string | null;
  citizenId: string | null;
  contact: Profile | null;
  contactName: string | null;
  contactEmail: string | null;
  submittedAt: string;
  acknowledgedAt: string | null;
  /** Pushed later by the time spent waiting for the citizen. */
  dueAt: string;
  /** Set while the deadline is paused (waiting for the citizen). */
  pausedSince: string | null;
  openRequest: OpenRequest | null;
  decision: { outcome: Outcome; reason: string; decidedAt: string | null } | null;
  closedAt: string | null;
  reopenCount: number;
  rating: { score: number; comment: string | null } | null;
  lastActivityAt: string;
  /** Stream version: what `If-Match` compares with. */
  version: number;
  position: number;
  data: Record<string, unknown>;
  documents: CaseDocument[];
  messages: CaseMessage[];
}

export function toCaseView(r: CaseRow, audience: Audience = 'agent'): CaseView {
  const citizen = audience === 'citizen';
  return {
    id: r.id,
    reference: r.reference,
    tenant: r.tenant,
    procedureId: r.procedure_id,
    procedureVersion: r.procedure_version,
    procedureTitle: r.procedure_title,
    serviceId: r.service_id,
    channel: r.channel,
    submittedBy: r.submitted_by,
    status: r.status,
    workflowState: r.workflow_state,
    workflowLabel: citizen ? null : r.workflow_label,
    workflowPublicLabel: r.workflow_public_label,
    assignee: citizen ? null : r.assignee,
    citizenId: r.citizen_id,
    contact: r.contact,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    submittedAt: r.submitted_at,
    acknowledgedAt: r.acknowledged_at,
    dueAt: r.due_at,
    pausedSince: r.paused_since,
    openRequest: r.open_request,
    decision: r.decision_outcome
      ? { outcome: r.decision_outcome, reason: r.decision_reason ?? '', decidedAt: r.decided_at }
      : null,
    closedAt: r.closed_at,
    reopenCount: r.reopen_count,
    rating: r.rating_score === null ? null : { score: r.rating_score, comment: r.rating_comment },
    lastActivityAt: citizen ? r.last_public_activity_at : r.last_activity_at,
    version: r.stream_version,
    position: Number(r.position),
    data: r.data,
    documents: r.documents,
    messages: r.messages,
  };
}

export async function getCase(
  db: Queryable,
  id: string,
  options: { audience?: Audience } = {},
): Promise<CaseView | null> {
  const { rows } = await db.query<Record<string, unknown>>('select * from rm_cases where id = $1', [id]);
  return rows[0] ? toCaseView(caseRowFromDb(rows[0]), options.audience) : null;
}

export async function getCaseByReference(
  db: Queryable,
  reference: string,
  options: { audience?: Audience } = {},
): Promise<CaseView | null> {
  const { rows } = await db.query<Record<string, unknown>>('select * from rm_cases where reference = $1', [reference]);
  return rows[0] ? toCaseView(caseRowFromDb(rows[0]), options.audience) : null;
}

/** Follow-up of an anonymous request: the reference and the SHA-256 of its tracking code must both match. */
export async function findCaseByTrackingCode(
  db: Queryable,
  reference: string,
  trackingCodeHash: string,
): Promise<CaseView | null> {
  const { rows } = await db.query<Record<string, unknown>>(
    'select * from rm_cases where reference = $1 and tracking_code_hash = $2',
    [reference, trackingCodeHash],
  );
  return rows[0] ? toCaseView(caseRowFromDb(rows[0]), 'citizen') : null;
}

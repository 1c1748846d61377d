import type { CaseStatus, DocumentRef, Outcome, Party, Profile } from '@guichet/domain';

/** What the citizen and the agent wrote to each other on a case, in order. */
export interface CaseMessage {
  id: string;
  kind: 'message' | 'information_request' | 'information_response';
  from: Party;
  text: string;
  at: string;
  documents: DocumentRef[];
}

export interface CaseDocument extends DocumentRef {
  by: Party;
  at: string;
}

export interface OpenRequest {
  requestId: string;
  message: string;
  requestedAt: string;
}

/** One row of rm_cases; keys are the column names. Timestamps are ISO strings. */
export interface CaseRow {
  id: string;
  reference: string;
  tenant: string;
  procedure_id: string;
  procedure_version: number;
  procedure_title: string | null;
  service_id: string;
  channel: string;
  submitted_by: 'citizen' | 'agent' | 'anonymous';
  status: CaseStatus;
  workflow_state: string;
  workflow_label: string | null;
  workflow_public_label: string | null;
  assignee: string | null;
  citizen_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact: Profile | null;
  tracking_code_hash: string | null;
  submitted_at: string;
  acknowledged_at: string | null;
  due_at: string;
  paused_since: string | null;
  open_request: OpenRequest | null;
  decision_outcome: Outcome | null;
  decision_reason: string | null;
  decided_at: string | null;
  closed_at: string | null;
  reopen_count: number;
  rating_score: number | null;
  rating_comment: string | null;
  last_activity_at: string;
  /** Moves only with what the citizen can see: an internal note must not tell them something happened. */
  last_public_activity_at: string;
  stream_version: number;
  position: number;
  data: Record<string, unknown>;
  documents: CaseDocument[];
  messages: CaseMessage[];
}

export const CASE_COLUMNS = [
  'id',
  'reference',
  'tenant',
  'procedure_id',
  'procedure_version',
  'procedure_title',
  'service_id',
  'channel',
  'submitted_by',
  'status',
  'workflow_state',
  'workflow_label',
  'workflow_public_label',
  'assignee',
  'citizen_id',
  'contact_name',
  'contact_email',
  'contact',
  'tracking_code_hash',
  'submitted_at',
  'acknowledged_at',
  'due_at',
  'paused_since',
  'open_request',
  'decision_outcome',
  'decision_reason',
  'decided_at',
  'closed_at',
  'reopen_count',
  'rating_score',
  'rating_comment',
  'last_activity_at',
  'last_public_activity_at',
  'stream_version',
  'position',
  'data',
  'documents',
  'messages',
] as const satisfies readonly (keyof CaseRow)[];

const TIMESTAMPS = [
  'submitted_at',
  'acknowledged_at',
  'due_at',
  'paused_since',
  'decided_at',
  'closed_at',
  'last_activity_at',
  'last_public_activity_at',
] as const;

/** A row as the drivers return it (Date objects) back to the in-memory shape the reducer works on. */
export function caseRowFromDb(raw: Record<string, unknown>): CaseRow {
  const row = { ...raw } as Record<string, unknown>;
  for (const col of TIMESTAMPS) {
    const v = row[col];
    row[col] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  return row as unknown as CaseRow;
}

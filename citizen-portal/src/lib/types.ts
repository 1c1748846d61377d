/**
 * Shapes the portal reads from API v1 (docs/api.md). They mirror the API's answers; the portal
 * talks to the system only over HTTP, so it keeps its own copy instead of importing server code.
 */

export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'email'
  | 'phone'
  | 'select'
  | 'radio'
  | 'checkboxes'
  | 'boolean'
  | 'address'
  | 'file'
  | 'section'
  | 'help';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldRules {
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
  patternMessage?: string;
  maxSize?: number;
  accept?: string[];
}

export interface FormField {
  name: string;
  type: FieldType;
  label: string;
  help?: string;
  required?: boolean;
  options?: FieldOption[];
  rules?: FieldRules;
  showIf?: { field: string; equals: string | boolean };
  prefill?: 'firstName' | 'lastName' | 'email' | 'phone' | 'address';
}

export interface ProcedureDefinition {
  title: string;
  description: string;
  theme: string;
  serviceId: string;
  deadlineDays: number;
  access: 'account' | 'anonymous';
  documentsToProvide: string[];
  fields: FormField[];
}

export interface Procedure {
  id: string;
  slug: string;
  version: number;
  definition: ProcedureDefinition;
}

/** A catalogue entry: the API may answer a flat summary or a record with its definition. */
export interface ProcedureSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  theme: string;
  deadlineDays?: number;
  access?: 'account' | 'anonymous';
  serviceName?: string;
}

export interface Address {
  street: string;
  postalCode: string;
  city: string;
}

export interface Profile {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  address?: Address;
}

export interface User {
  id: string;
  kind: 'citizen' | 'agent';
  email: string;
  name: string;
  tenant: string;
  roles: { serviceId: string; role: string }[];
}

export interface DocumentRef {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256?: string;
}

export type CaseStatus = 'submitted' | 'in_progress' | 'waiting_citizen' | 'decided' | 'closed';

export interface CaseSummary {
  id: string;
  reference: string;
  procedureId: string;
  procedureTitle: string;
  serviceName: string;
  channel: string;
  status: CaseStatus;
  statusLabel?: string;
  workflowLabel?: string | null;
  submittedAt: string;
  dueAt: string | null;
  paused: boolean;
  overdue: boolean;
  lastActivityAt: string;
  version: number;
}

export interface CaseView extends CaseSummary {
  procedureVersion: number;
  data: Record<string, unknown>;
  documents: DocumentRef[];
  decision: { outcome: 'accepted' | 'rejected'; reason: string } | null;
  rating: { score: number; comment: string } | null;
  openInformationRequest: { requestId: string; message: string } | null;
}

export interface TimelineEvent {
  position: number;
  version: number;
  type: string;
  at: string;
  actor: { kind: string; id?: string; name: string };
  channel: string;
  internal: boolean;
  summary: string;
  data: Record<string, unknown>;
}

export interface HistoryItem {
  at: string;
  caseId: string;
  reference: string;
  procedureTitle: string;
  type: string;
  channel: string;
  summary: string;
}

export interface Draft {
  procedureId: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

/** Field errors keyed by form path: `nom`, `adresse.postalCode`, `message`… */
export type FieldErrors = Record<string, string>;

// Shapes of API v1 answers (docs/api.md) as the back office reads them.

export type Status = 'submitted' | 'in_progress' | 'waiting_citizen' | 'decided' | 'closed';
export type Channel = 'web' | 'phone' | 'email' | 'letter' | 'counter';

export interface User {
  id: string;
  kind: 'citizen' | 'agent';
  email: string;
  name: string;
  tenant: string;
  roles: { serviceId: string; role: string }[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface CaseSummary {
  id: string;
  reference: string;
  procedureId: string;
  procedureTitle: string;
  serviceId: string;
  serviceName: string;
  channel: Channel;
  status: Status;
  statusLabel: string;
  workflowState: string;
  assignee: string | null;
  assigneeName: string | null;
  citizenId: string | null;
  citizenName: string | null;
  submittedAt: string;
  dueAt: string;
  paused: boolean;
  overdue: boolean;
  lastActivityAt: string;
  version: number;
}

export interface DocumentRef {
  documentId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256?: string;
}

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address?: { street?: string; postalCode?: string; city?: string };
}

export interface CaseView extends CaseSummary {
  procedureVersion: number;
  data: Record<string, unknown>;
  documents: DocumentRef[];
  decision: { outcome: 'accepted' | 'rejected'; reason: string } | null;
  rating: { score: number; comment: string } | null;
  openInformationRequest: { requestId: string; message: string } | null;
  contact: Contact | null;
  workflowLabel?: string;
  availableTransitions?: { id: string; label: string; to?: string }[];
}

export interface TimelineEvent {
  position: number;
  version: number;
  type: string;
  at: string;
  actor: { kind: string; id?: string; name: string };
  channel: Channel;
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
  channel: Channel;
  summary: string;
}

export interface Change {
  version: number;
  type: string;
  at: string;
  actor: string;
  summary: string;
}

export interface Service {
  id: string;
  name: string;
}

export interface Agent {
  id: string;
  name: string;
  email: string;
  roles: { serviceId: string; role: string }[];
}

export interface CitizenMatch {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  hasAccount: boolean;
}

export interface FieldOption {
  value: string;
  label: string;
}

export interface FormField {
  name: string;
  type:
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
  label: string;
  help?: string;
  required?: boolean;
  options?: FieldOption[];
  rules?: {
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
    patternMessage?: string;
    maxSize?: number;
    accept?: string[];
  };
  showIf?: { field: string; equals: string | boolean };
  prefill?: 'firstName' | 'lastName' | 'email' | 'phone' | 'address';
}

export interface ProcedureSummary {
  id: string;
  slug?: string;
  title: string;
  serviceId?: string;
  theme?: string;
  access?: 'account' | 'anonymous';
}

export interface Procedure {
  id: string;
  slug: string;
  version: number;
  definition: {
    title: string;
    description: string;
    serviceId: string;
    deadlineDays: number;
    access: 'account' | 'anonymous';
    documentsToProvide: string[];
    fields: FormField[];
  };
}

/** What every form action of the back office answers, success or refusal. */
export interface ActionResult {
  action: string;
  success?: string;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** A procedure form's answers, structured as the portal's form renderer takes them. */
  answers?: Record<string, unknown>;
  conflict?: { currentVersion: number; changes: Change[] };
}

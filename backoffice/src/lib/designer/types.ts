import type { ProcedureDefinition } from '@guichet/domain';

/** `GET /admin/procedures` items. */
export interface ProcedureRow {
  id: string;
  slug: string;
  title: string;
  theme: string;
  serviceId: string;
  currentVersion: number | null;
  retired: boolean;
  updatedAt: string;
  /** A delegate's latest proposal: pending, approved or rejected. */
  moderation?: 'pending' | 'approved' | 'rejected' | null;
}

/** The latest proposal of a delegate, on `GET /admin/procedures/:id`. */
export interface ModerationState {
  status: 'pending' | 'approved' | 'rejected';
  submittedAt: string;
  submittedByName: string;
  reason: string | null;
  decidedAt: string | null;
}

/** `GET /admin/procedures/:id`. */
export interface AdminProcedure extends Omit<ProcedureRow, 'moderation'> {
  draft: ProcedureDefinition;
  versions: { version: number; publishedAt: string; definition: ProcedureDefinition }[];
  streamVersion: number;
  moderation: ModerationState | null;
}

/** `GET /admin/procedures/:id/diff`. */
export interface DefinitionChange {
  kind: 'added' | 'removed' | 'changed';
  path: string;
  label: string;
  before?: unknown;
  after?: unknown;
}

/** `GET /admin/agents` items. */
export interface AgentAccount {
  id: string;
  name: string;
  email: string;
  active: boolean;
  roles: { serviceId: string; role: string }[];
}

/** `GET /admin/audit` items. */
export interface AuditEntry {
  position: number;
  at: string;
  actor: string;
  actorName: string;
  type: string;
  streamId?: string;
  summary: string;
}

/** `GET /admin/moderation` items: a delegate's proposal and what it changes. */
export interface ModerationItem {
  id: string;
  slug: string;
  title: string;
  theme: string;
  serviceId: string;
  serviceName: string | null;
  currentVersion: number | null;
  submittedAt: string;
  submittedByName: string | null;
  organisation: string | null;
  /** null for a procedure never published: everything is new. */
  changes: DefinitionChange[] | null;
  streamVersion: number;
}

/** `GET /admin/delegations` items. */
export interface DelegateAccount {
  id: string;
  name: string;
  email: string;
  active: boolean;
  delegations: { category: string; organisation: string; delegatedAt: string }[];
}

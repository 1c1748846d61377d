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
}

/** `GET /admin/procedures/:id`. */
export interface AdminProcedure extends ProcedureRow {
  draft: ProcedureDefinition;
  versions: { version: number; publishedAt: string; definition: ProcedureDefinition }[];
  streamVersion: number;
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

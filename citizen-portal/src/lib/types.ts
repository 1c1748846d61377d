/**
 * Shapes the portal reads from API v1 (docs/api.md). The API's answers come from the API's own
 * contract (`@guichet/api/contract`, types only: the portal still talks to the system over HTTP
 * only); what follows them is the portal's own.
 */

export type {
  Address,
  CaseStatus,
  CaseSummary,
  CaseView,
  DocumentRef,
  FieldOption,
  FieldRules,
  FieldType,
  FormField,
  HistoryItem,
  Procedure,
  ProcedureDefinition,
  Profile,
  TimelineEvent,
  User,
} from '@guichet/api/contract';

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

export interface Draft {
  procedureId: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

/** Field errors keyed by form path: `nom`, `adresse.postalCode`, `message`… */
export type FieldErrors = Record<string, string>;

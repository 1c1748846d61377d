// Shapes of API v1 answers (docs/api.md) as the back office reads them: the API's own contract
// (`@guichet/api/contract`, types only) for what the API answers, the back office's own shapes after it.

export type {
  CaseStatus as Status,
  CaseSummary,
  CaseView,
  Channel,
  DocumentRef,
  FieldError,
  FieldOption,
  FormField,
  HistoryItem,
  Procedure,
  TimelineEvent,
  User,
} from '@guichet/api/contract';

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  address?: { street?: string; postalCode?: string; city?: string };
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

export interface ProcedureSummary {
  id: string;
  slug?: string;
  title: string;
  serviceId?: string;
  theme?: string;
  access?: 'account' | 'anonymous';
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

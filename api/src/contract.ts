/**
 * What API v1 answers (docs/api.md), as types only: `@guichet/api/contract`, imported by the citizen
 * portal and the back office (`import type`), which still talk to the API over HTTP only. Every type
 * here is the one the routes answer with — a TypeBox schema's `Static`, a domain type, or the shape
 * the query routes build (`plugins/context.ts`) — so the apps cannot drift from the API.
 * Narrowings say what the API guarantees where the route's own type is looser (a status is a
 * CaseStatus). App-only shapes (form action results, view models) stay in each app's `lib/types.ts`.
 */
import type { Static } from '@sinclair/typebox';
import type { CaseStatus, Channel, DocumentRef, Outcome, ProcedureDefinition } from '@guichet/domain';
import type { Address as AddressSchema, Problem, Profile as ProfileSchema, User as UserSchema } from './lib/schemas.ts';
import type {
  CaseSummary as CaseSummaryRow,
  CaseView as CaseViewRow,
  HistoryItem as HistoryRow,
  ProcedureRecord,
  TimelineEvent as TimelineRow,
} from './plugins/context.ts';

/** GET /api/v1/stats/*: the indicators' own shapes, answered as they are. */
export type { DurationStat, FlowPoint } from '@guichet/projections';

export type {
  CaseStatus,
  Channel,
  DocumentRef,
  FieldOption,
  FieldRules,
  FieldType,
  FormField,
  Outcome,
  ProcedureDefinition,
} from '@guichet/domain';

/** GET /session: who is signed in. */
export type User = Static<typeof UserSchema>;
/** A resident's profile (GET/PUT /me/profile, a case's contact). */
export type Profile = Static<typeof ProfileSchema>;
export type Address = Static<typeof AddressSchema>;
/** problem+json: one field at fault, with its French message. */
export type FieldError = NonNullable<Static<typeof Problem>['errors']>[number];

/** A procedure (GET /procedures/:idOrSlug): its published definition, or the version asked for. */
export type Procedure = Omit<ProcedureRecord, 'definition'> & { definition: ProcedureDefinition };

/** One line of a case's timeline (GET /cases/:id/timeline). */
export type TimelineEvent = Omit<TimelineRow, 'channel'> & { channel: Channel };

/** One contact in a resident's history, across requests and channels. */
export type HistoryItem = Omit<HistoryRow, 'channel'> & { channel: Channel };

/** A case as lists show it (queues, search, « mes demandes »), with the status said for the reader. */
export type CaseSummary = Omit<CaseSummaryRow, 'status' | 'channel'> & {
  status: CaseStatus;
  channel: Channel;
  statusLabel: string;
};

/** A whole case (GET /cases/:id), as the reader's audience may see it. */
export type CaseView = CaseSummary &
  Omit<CaseViewRow, keyof CaseSummaryRow | 'documents' | 'decision' | 'contact'> & {
    documents: DocumentRef[];
    decision: { outcome: Outcome; reason: string; decidedAt: string | null } | null;
    contact: Profile | null;
    /** Agents only: the workflow transitions they may take from here. */
    availableTransitions?: { id: string; label: string; to?: string }[];
  };

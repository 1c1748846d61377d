import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Observable, Subject, share } from 'rxjs';
import type { ServiceRole } from '@guichet/domain';
import type { Db, EventStore, BlobStore } from '@guichet/eventstore';
import type { Config } from '../config.ts';

/** What a projection batch touched: the API turns it into live pushes. */
export interface ChangeNotice {
  projection: string;
  caseIds: string[];
  serviceIds: string[];
  citizenIds: string[];
  position: number;
}

export interface AccountRecord {
  id: string;
  kind: 'citizen' | 'agent';
  email: string;
  name: string;
  tenant: string;
  passwordHash: string | null;
  active: boolean;
}

/** Who exists and what they may do: read from the accounts projection. */
export interface Directory {
  findAccountByEmail(email: string): Promise<AccountRecord | null>;
  rolesOf(agentId: string): Promise<ServiceRole[]>;
  /** Procedure categories delegated to a third-party account (active accounts only). */
  delegationsOf(agentId: string): Promise<string[]>;
}

export type Audience = 'agent' | 'citizen';

/** A case as a list shows it (queues, search, "my requests"). */
export interface CaseSummary {
  id: string;
  reference: string;
  procedureId: string;
  procedureTitle: string | null;
  serviceId: string;
  serviceName: string | null;
  /** The organisation handling the request, on a resident's own list (one account, several organisations). */
  tenant?: string | undefined;
  tenantName?: string | null;
  channel: string;
  status: string;
  workflowState: string | null;
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

/** A whole case (GET /cases/:id). */
export interface CaseView extends CaseSummary {
  tenant: string;
  procedureVersion: number;
  workflowLabel: string | null;
  workflowPublicLabel: string | null;
  submittedBy: string;
  contact: unknown;
  acknowledgedAt: string | null;
  pausedSince: string | null;
  openInformationRequest: { requestId: string; message: string; requestedAt: string } | null;
  decision: { outcome: string; reason: string; decidedAt: string | null } | null;
  closedAt: string | null;
  reopenCount: number;
  rating: { score: number; comment: string | null } | null;
  data: Record<string, unknown>;
  documents: unknown[];
  messages: unknown[];
}

export interface TimelineEvent {
  position: number;
  version: number;
  type: string;
  at: string;
  actor: { kind: string; id?: string | undefined; name: string };
  channel: string;
  internal: boolean;
  summary: string;
  data: Record<string, unknown>;
}

export interface HistoryItem {
  at: string;
  caseId: string;
  reference: string;
  procedureTitle: string | null;
  type: string;
  channel: string;
  direction: string;
  summary: string;
}

export interface QueueFilter {
  serviceIds: string[];
  status?: string | undefined;
  assignee?: string | undefined;
  unassigned?: boolean | undefined;
  overdue?: boolean | undefined;
  channel?: string | undefined;
  procedureId?: string | undefined;
  sort: 'due' | 'activity';
  limit: number;
  now: string;
  viewerId: string;
}

export interface SearchFilter {
  serviceIds: string[];
  text?: string | undefined;
  reference?: string | undefined;
  procedureId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  citizenId?: string | undefined;
  limit: number;
}

export interface ProcedureRecord {
  id: string;
  slug: string;
  tenant: string;
  version: number;
  retired: boolean;
  definition: Record<string, any>;
}

/** Everything the query routes read: projections only (the adapter lives in `lib/queries.ts`). */
export interface Queries {
  listServices(): Promise<{ id: string; name: string; tenant: string }[]>;
  listProcedures(filter: {
    theme?: string | undefined;
    q?: string | undefined;
    tenant?: string | undefined;
  }): Promise<Record<string, unknown>[]>;
  getProcedure(idOrSlug: string, version?: number): Promise<ProcedureRecord | null>;
  getCase(id: string): Promise<CaseView | null>;
  caseByTrackingHash(hash: string): Promise<CaseView | null>;
  timeline(caseId: string, audience: Audience): Promise<TimelineEvent[]>;
  caseAsOf(caseId: string, at: string): Promise<{ case: CaseView; events: TimelineEvent[] } | null>;
  citizenCases(citizenId: string): Promise<CaseSummary[]>;
  citizenHistory(citizenId: string, serviceIds?: string[]): Promise<HistoryItem[]>;
  citizenProfile(citizenId: string): Promise<Record<string, unknown> | null>;
  queue(filter: QueueFilter): Promise<{ items: CaseSummary[]; counts: Record<string, number> }>;
  search(filter: SearchFilter): Promise<CaseSummary[]>;
  findCitizens(
    text: string,
    tenant: string,
  ): Promise<{ id: string; name: string; email: string | null; phone: string | null; hasAccount: boolean }[]>;
  agents(serviceIds: string[]): Promise<{ id: string; name: string; email: string; roles: ServiceRole[] }[]>;
}

export interface AppDeps {
  db: Db;
  store: EventStore;
  blobs: BlobStore;
  config: Config;
  directory: Directory;
  queries: Queries;
  /** Projection changes: in-process from the runner, or via NOTIFY from a separate projector. */
  changes: Observable<ChangeNotice>;
  /**
   * Resolves once the named projections (all when omitted) have processed the event at `position`
   * (bounded wait): read-your-writes for the page the client loads next.
   */
  waitForProjections(
    position: number,
    options?: { timeoutMs?: number; projections?: readonly string[]; transactionId?: string | null },
  ): Promise<boolean>;
  /** Lag per projection, for /ready. */
  projectionLag(): Promise<{ name: string; behind: number }[]>;
}

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the decorators into Fastify's type
  interface FastifyInstance extends AppDeps {}
}

async function contextPlugin(app: FastifyInstance, deps: AppDeps) {
  for (const [key, value] of Object.entries(deps)) app.decorate(key, value);
}

export default fp(contextPlugin, { name: 'directory' });

/** Turns NOTIFY payloads on the `projections` channel into a shared stream of notices. */
export function changesFromNotify(db: Db): Observable<ChangeNotice> {
  return new Observable<ChangeNotice>((subscriber) => {
    let stop: (() => Promise<void>) | undefined;
    let closed = false;
    db.listen('projections', (payload) => {
      try {
        subscriber.next(JSON.parse(payload) as ChangeNotice);
      } catch {
        // A malformed notice is not worth a broken stream.
      }
    }).then(
      (s) => (closed ? void s() : (stop = s)),
      (err) => subscriber.error(err),
    );
    return () => {
      closed = true;
      void stop?.();
    };
  }).pipe(share({ connector: () => new Subject() }));
}

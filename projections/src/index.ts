import type { Db } from '@guichet/eventstore';
import { allProjections } from './all.ts';
import { migrateProjections } from './migrate.ts';

export { allProjections } from './all.ts';
export { summarize } from './summaries.ts';
export {
  createProjectionRunner,
  type Logger,
  type ProjectionLag,
  type ProjectionRunner,
  type RunnerOptions,
} from './runner.ts';
export type { WorkerState } from './worker.ts';
export { changeNotices, type ProjectionChange } from './changes.ts';
export { defineProjection, type Projection, type Touched } from './projection.ts';
export { migrateProjections } from './migrate.ts';

export { accountsProjection } from './accounts/projection.ts';
export { auditProjection } from './audit/projection.ts';
export { casesProjection } from './cases/projection.ts';
export {
  dueTransitionsProjection,
  dueTransitions,
  plannedTransitions,
  ENTRY_EVENTS,
  type DueTransition,
} from './cases/due-transitions.ts';
export { citizenHistoryProjection, type ContactDirection } from './citizen-history/projection.ts';
export { proceduresProjection } from './procedures/projection.ts';
export { searchProjection } from './search/projection.ts';
export { timelineProjection } from './timeline/projection.ts';
export { tenantsProjection } from './tenants/projection.ts';
export { getTenantPortal, listTenantPortals, type TenantPortal } from './tenants/queries.ts';

export type { CaseDocument, CaseMessage, OpenRequest } from './cases/row.ts';
export {
  getCase,
  getCaseByReference,
  findCaseByTrackingCode,
  toCaseView,
  type Audience,
  type CaseView,
} from './queries/cases.ts';
export {
  queryQueue,
  OPEN_STATUSES,
  type QueueCounts,
  type QueueFilter,
  type QueueItem,
  type QueuePage,
} from './queries/queue.ts';
export { queryTimeline, caseAsOf, type TimelineEntry } from './queries/timeline.ts';
export {
  queryCitizenHistory,
  queryCitizenCases,
  type CitizenCaseSummary,
  type CitizenContact,
} from './queries/citizen.ts';
export { searchCases, type SearchFilter, type SearchHit } from './queries/search.ts';
export {
  findAccountByEmail,
  getAccount,
  listServices,
  listAgents,
  findCitizens,
  type Account,
  type AccountWithSecret,
  type Service,
} from './queries/accounts.ts';
export {
  listPublishedProcedures,
  listProcedures,
  getProcedure,
  getProcedureVersion,
  type ProcedureDetail,
  type ProcedureSummary,
} from './queries/procedures.ts';

/** Creates every read-model table and the checkpoint table (idempotent). */
export function migrate(db: Db): Promise<void> {
  return migrateProjections(db, allProjections);
}

export * from './indicators/index.ts';
export * from './bi/index.ts';

import type { Queryable, RecordedEvent } from '@guichet/eventstore';

/** Ids whose read rows a batch changed: what the API needs to push live updates to the right screens. */
export interface Touched {
  caseIds: Set<string>;
  serviceIds: Set<string>;
  citizenIds: Set<string>;
}

export const emptyTouched = (): Touched => ({ caseIds: new Set(), serviceIds: new Set(), citizenIds: new Set() });

/**
 * A read model. `handleBatch` applies events in `$all` order inside the runner's transaction; it
 * must ignore event types it does not know, and applying an event a second time (re-delivery when
 * a checkpoint is behind) must leave the rows as they were.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when the rows a handler writes change: the runner then rebuilds from the start. */
  readonly version: number;
  /** Idempotent DDL (`create … if not exists`) for the projection's `rm_` tables. */
  readonly migrations: string;
  /** One statement that empties the projection's tables (rebuild), e.g. `truncate rm_a, rm_b`. */
  readonly reset: string;
  handleBatch(tx: Queryable, events: readonly RecordedEvent[]): Promise<Touched>;
  /**
   * False for an event `handleBatch` ignores (a superset of the others may answer true). A batch
   * none of whose events it handles costs one statement, moving the checkpoint, instead of a
   * transaction: a case message need not open the accounts' or the audit's transaction.
   * Absent: every event may matter.
   */
  handles?(event: RecordedEvent): boolean;
  /** One event: same effect as a batch of one. */
  handle(tx: Queryable, event: RecordedEvent): Promise<void>;
}

export function defineProjection(p: Omit<Projection, 'handle'>): Projection {
  return {
    ...p,
    async handle(tx, event) {
      await p.handleBatch(tx, [event]);
    },
  };
}

/** Plain data of an event union member, by type. */
type DataOf<E extends { type: string; data: unknown }, K extends E['type']> = Extract<E, { type: K }>['data'];

/** One small function per event type; a map of them makes dispatch exhaustive when typed as `Handlers<E, …>`. */
export type Handlers<E extends { type: string; data: unknown }, Ctx> = {
  [K in E['type']]: (ctx: Ctx, data: DataOf<E, K>, event: RecordedEvent) => void;
};

/** Calls the handler of the event's type; false (and nothing done) for a type the map does not know. */
export function dispatch<Ctx>(handlers: { readonly [type: string]: unknown }, ctx: Ctx, event: RecordedEvent): boolean {
  if (!Object.hasOwn(handlers, event.type)) return false;
  const handler = handlers[event.type] as (c: Ctx, d: unknown, e: RecordedEvent) => void;
  handler(ctx, event.data, event);
  return true;
}

export function knows(handlers: object, event: RecordedEvent): boolean {
  return Object.hasOwn(handlers, event.type);
}

/** For rare events (accounts, procedures): each handler queues statements, run in order in the batch's transaction. */
export interface StatementContext {
  statements: [sql: string, params: unknown[]][];
  touched: Touched;
  /** metadata.recordedAt of the event being handled. */
  at: string;
}

export function statementsPerEvent<E extends { type: string; data: unknown }>(handlers: Handlers<E, StatementContext>) {
  return async (tx: Queryable, events: readonly RecordedEvent[]): Promise<Touched> => {
    const ctx: StatementContext = { statements: [], touched: emptyTouched(), at: '' };
    for (const e of events) {
      if (!knows(handlers, e)) continue;
      ctx.at = e.metadata.recordedAt;
      dispatch(handlers, ctx, e);
    }
    for (const [sql, params] of ctx.statements) await tx.query(sql, params);
    return ctx.touched;
  };
}

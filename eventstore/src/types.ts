import type { Observable } from 'rxjs';

/** Who did it, for whom, by which channel: carried by every event. */
export interface EventMetadata {
  eventId: string;
  commandId: string;
  correlationId: string;
  causationId: string | null;
  /** account id of the actor, or 'anonymous' / 'system'. */
  actor: string;
  actorRole?: string | undefined;
  tenant: string;
  channel: 'web' | 'phone' | 'email' | 'letter' | 'counter' | 'system';
  /** ISO-8601 time the command was accepted (comes from the command, so deciders stay pure). */
  recordedAt: string;
}

/** An event to append. `metadata.eventId` must be unique (used for idempotency). */
export interface NewEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  metadata: EventMetadata;
}

/**
 * Global order key of `$all`. Events are ordered by (transactionId, position):
 * a subscriber only reads transactions below the oldest in-flight one, so no event
 * can ever appear behind a checkpoint.
 */
export interface Checkpoint {
  transactionId: string; // xid8 as decimal text
  position: number;
}

export const START: Checkpoint = { transactionId: '0', position: 0 };

export interface RecordedEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  metadata: EventMetadata;
  streamId: string;
  /** 1-based version of the event in its stream. */
  streamVersion: number;
  /** Global position (bigserial). Unique, but not the read order of `$all`: see Checkpoint. */
  position: number;
  transactionId: string;
  schemaVersion: number;
  /** Database time of the append. */
  storedAt: string;
}

/** 'any': no check; 'no_stream': the stream must not exist; a number: the stream's current version (0 = empty). */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface AppendResult {
  streamId: string;
  /** Stream version after the append. */
  nextVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  /**
   * The transaction that wrote them (xid8 as decimal text): with the last position, the `$all`
   * checkpoint a reader must reach to have seen them. Null when nothing was written.
   */
  transactionId: string | null;
  /** true when every event id was already stored: nothing was written, the original result is returned. */
  duplicate: boolean;
}

export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/**
 * Some event ids of a batch are already stored while others are not, or they are stored in another
 * stream: not a retry of one earlier append, so neither a duplicate to ignore nor a batch to store.
 */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(
    readonly streamId: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this checkpoint. */
  from?: Checkpoint;
  limit?: number;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expected?: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string, options?: { fromVersion?: number; toPosition?: number }): Promise<RecordedEvent[]>;
  /** Version of the stream, 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Committed events after `from`, in `$all` order, never skipping one. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live subscription to `$all` from a checkpoint (exclusive). */
  subscribe(from?: Checkpoint): Observable<RecordedEvent>;
  /** Resolves when new events may be readable (NOTIFY or in-process append), or after the poll interval. */
  waitForEvents(signal?: AbortSignal): Promise<void>;
  /** Last checkpoint readable now. */
  head(): Promise<Checkpoint>;
  close(): Promise<void>;
}

/** Upcaster: turns the stored data of `schemaVersion` into the next version's shape. */
export type Upcaster = (data: any) => any;
/** Per event type: current schema version and the upcasters from each older version. */
export interface EventSchemas {
  [type: string]: { version: number; upcasters?: Record<number, Upcaster> };
}

import type { CommandMeta, Decider, DomainEvent } from '@guichet/domain';
import {
  ConcurrencyError,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@guichet/eventstore';
import { uuidFrom } from './ids.ts';

export interface CommandOptions<C, E, S> {
  streamId: string;
  decider: Decider<C, E, S>;
  /** The command, or a function building it from the current state (it may refuse: 404, 400…). */
  command: C | ((state: S, version: number) => C | Promise<C>);
  meta: CommandMeta;
  /** From If-Match: the version the client saw. Absent: the current version, retried on a race. */
  expectedVersion?: number | undefined;
  correlationId?: string | undefined;
}

export interface CommandResult<E> {
  /** Stream version after the command. */
  version: number;
  events: E[];
  /** Global positions of the new events (empty when the command changed nothing). */
  positions: number[];
  /** The transaction that wrote them (null when nothing was written): lets read-your-writes skip a lookup. */
  transactionId: string | null;
}

/** Without If-Match a lost race is retried on the new version: a busy case may race several times. */
const MAX_RACES = 10;

/**
 * Reads the stream, folds it, decides, appends with the version it read. Event ids derive from
 * the command id, so a retried command (same Idempotency-Key) is stored once.
 */
export async function runCommand<C, E extends DomainEvent, S>(
  app: { store: EventStore },
  opts: CommandOptions<C, E, S>,
): Promise<CommandResult<E>> {
  for (let attempt = 1; ; attempt++) {
    const history = await app.store.readStream(opts.streamId);
    const version = history.at(-1)?.streamVersion ?? 0;
    const state = history.reduce((s, e) => opts.decider.evolve(s, e as unknown as E), opts.decider.initialState());
    // Built before the version check, so someone who may not see the stream learns nothing from a 409.
    const command =
      typeof opts.command === 'function'
        ? await (opts.command as (state: S, version: number) => C | Promise<C>)(state, version)
        : opts.command;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
      throw new ConcurrencyError(opts.streamId, opts.expectedVersion, version);
    }
    const events = opts.decider.decide(command, state, opts.meta);
    if (events.length === 0) return { version, events, positions: [], transactionId: null };
    const actor = opts.meta.actor;
    const metadata = (i: number): EventMetadata => ({
      eventId: uuidFrom(opts.meta.commandId, opts.streamId, String(i)),
      commandId: opts.meta.commandId,
      correlationId: opts.correlationId ?? opts.meta.commandId,
      causationId: null,
      actor: actor.kind === 'agent' || actor.kind === 'citizen' ? actor.id : actor.kind,
      actorRole: actor.kind === 'agent' ? (actor.roles[0]?.role ?? 'agent') : actor.kind,
      tenant: opts.meta.tenant,
      channel: opts.meta.channel,
      recordedAt: opts.meta.now,
    });
    const toAppend: NewEvent[] = events.map((e, i) => ({ type: e.type, data: e.data, metadata: metadata(i) }));
    try {
      const result = await app.store.append(opts.streamId, toAppend, version === 0 ? 'no_stream' : version);
      return { version: result.nextVersion, events, positions: result.positions, transactionId: result.transactionId };
    } catch (err) {
      if (err instanceof ConcurrencyError && opts.expectedVersion === undefined && attempt < MAX_RACES) {
        // A little jitter so racing commands stop colliding in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
        continue;
      }
      throw err;
    }
  }
}

/** Folds a whole stream (for reads that need the write model, e.g. right after sign-up). */
export async function loadState<C, E, S>(app: { store: EventStore }, streamId: string, decider: Decider<C, E, S>) {
  const history: RecordedEvent[] = await app.store.readStream(streamId);
  return {
    version: history.at(-1)?.streamVersion ?? 0,
    state: history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState()),
  };
}

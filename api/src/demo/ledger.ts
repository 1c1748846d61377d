import type { Actor, Channel, CommandMeta, Decider, DomainEvent } from '@guichet/domain';
import type { EventMetadata, EventStore, NewEvent } from '@guichet/eventstore';
import { demoUuid } from './ids.ts';

export interface Act {
  actor: Actor;
  /** Channel of the command; 'system' is only for the metadata of set-up events. */
  channel: Channel | 'system';
  at: number;
  /** Unique name of the command within the demo: ids derive from it, so they are the same on every start. */
  commandKey: string;
  /** Role recorded in the metadata when the actor is an agent (their role on the service concerned). */
  role?: string | undefined;
}

/**
 * Writes the demo through the deciders, one command at a time, as the API would: fold, decide,
 * append with the expected version. Seeding is the only writer at start-up, so the folded state of
 * each stream is kept in memory instead of being read back before every command.
 */
export class Ledger {
  events = 0;
  private readonly streams = new Map<string, { version: number; state: unknown }>();

  constructor(
    private readonly store: EventStore,
    private readonly tenant: string,
  ) {}

  state<S>(streamId: string, initial: () => S): S {
    return (this.streams.get(streamId)?.state as S | undefined) ?? initial();
  }

  async run<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    act: Act,
  ): Promise<S> {
    const current = this.streams.get(streamId) ?? { version: 0, state: decider.initialState() };
    const meta: CommandMeta = {
      commandId: this.commandId(act),
      actor: act.actor,
      tenant: this.tenant,
      channel: act.channel === 'system' ? 'web' : act.channel,
      now: new Date(act.at).toISOString(),
    };
    const events = decider.decide(command, current.state as S, meta);
    await this.append(streamId, events, act);
    const state = events.reduce(decider.evolve, current.state as S);
    this.streams.set(streamId, { version: current.version + events.length, state });
    return state;
  }

  private commandId(act: Act): string {
    return demoUuid('command', act.commandKey);
  }

  private async append(streamId: string, events: DomainEvent[], act: Act): Promise<void> {
    if (events.length === 0) return;
    const version = this.streams.get(streamId)?.version ?? 0;
    const commandId = this.commandId(act);
    const a = act.actor;
    const metadata = (i: number): EventMetadata => ({
      eventId: demoUuid('event', act.commandKey, String(i)),
      commandId,
      correlationId: commandId,
      causationId: null,
      actor: a.kind === 'agent' || a.kind === 'citizen' ? a.id : a.kind,
      actorRole: a.kind === 'agent' ? (act.role ?? a.roles[0]?.role ?? 'agent') : a.kind,
      tenant: this.tenant,
      channel: act.channel,
      recordedAt: new Date(act.at).toISOString(),
    });
    const batch: NewEvent[] = events.map((e, i) => ({ type: e.type, data: e.data, metadata: metadata(i) }));
    await this.store.append(streamId, batch, version === 0 ? 'no_stream' : version);
    this.events += events.length;
  }
}

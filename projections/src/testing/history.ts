import { randomUUID } from 'node:crypto';
import type { AgentEvent, CaseEvent, CitizenEvent, OrganisationEvent, ProcedureEvent } from '@guichet/domain';
import type { EventMetadata, EventStore, NewEvent } from '@guichet/eventstore';

export type KnownEvent = CaseEvent | ProcedureEvent | CitizenEvent | AgentEvent | OrganisationEvent;

export interface By {
  actor: string;
  actorRole?: string;
  channel?: EventMetadata['channel'];
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * A log written the way the API writes it: one append per command, each event stamped with who
 * did it, by which channel and when. The clock only moves when the story says so.
 */
export class History {
  readonly appends: { streamId: string; events: NewEvent[] }[] = [];
  private now: number;

  constructor(
    start: string,
    private readonly tenant = 'ville-s',
  ) {
    this.now = Date.parse(start);
  }

  get clock(): string {
    return new Date(this.now).toISOString();
  }

  /** Moves the clock forward and returns the new instant. */
  wait(ms: number): string {
    this.now += ms;
    return this.clock;
  }

  add(streamId: string, by: By, ...events: KnownEvent[]): this {
    return this.raw(streamId, by, ...events);
  }

  /** Events outside the domain's contract (a type from a newer release, say). */
  raw(streamId: string, by: By, ...events: { type: string; data: unknown }[]): this {
    const commandId = randomUUID();
    this.appends.push({
      streamId,
      events: events.map((e) => ({
        type: e.type,
        data: e.data,
        metadata: {
          eventId: randomUUID(),
          commandId,
          correlationId: commandId,
          causationId: null,
          actor: by.actor,
          actorRole: by.actorRole,
          tenant: this.tenant,
          channel: by.channel ?? 'web',
          recordedAt: this.clock,
        },
      })),
    });
    return this;
  }

  get eventCount(): number {
    return this.appends.reduce((n, a) => n + a.events.length, 0);
  }

  /** Consecutive appends to one stream merged into one: a quicker way to load a large log. */
  coalesced(): { streamId: string; events: NewEvent[] }[] {
    const merged: { streamId: string; events: NewEvent[] }[] = [];
    for (const a of this.appends) {
      const last = merged.at(-1);
      if (last?.streamId === a.streamId) last.events.push(...a.events);
      else merged.push({ streamId: a.streamId, events: [...a.events] });
    }
    return merged;
  }

  /** Appends from `from` (index of an append) on; returns the number of events written. */
  async appendTo(store: EventStore, from = 0, to = this.appends.length): Promise<number> {
    let n = 0;
    for (const { streamId, events } of this.appends.slice(from, to)) {
      await store.append(streamId, events);
      n += events.length;
    }
    return n;
  }
}

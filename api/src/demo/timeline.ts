import type { CaseCommand, Channel } from '@guichet/domain';
import { between, type Random } from './random.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Who performs a step: the agent handling the case, the service manager, or the resident it belongs to. */
export type StepActor = 'agent' | 'manager' | 'owner';

export interface Step {
  at: number;
  as: StepActor;
  /** How the contact happened; back-office work is 'web'. */
  channel: Channel;
  command: Exclude<CaseCommand, { type: 'SubmitCase' }>;
}

/**
 * Town hall hours, Paris time approximated as UTC+1: 8:30–17:30 on weekdays. Agents act within
 * them, so the quality indicators show believable response times.
 */
export function officeHours(t: number, random: Random): number {
  const d = new Date(t);
  const opening = (day: Date) =>
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7, 30) + between(random, 0, 1.5) * HOUR;
  const minutes = d.getUTCHours() * 60 + d.getUTCMinutes();
  let result = t;
  if (minutes < 7 * 60 + 30) result = opening(d);
  else if (minutes > 16 * 60 + 30) result = opening(new Date(t + DAY));
  for (let day = new Date(result).getUTCDay(); day === 0 || day === 6; day = new Date(result).getUTCDay()) {
    result = opening(new Date(result + DAY));
  }
  return result;
}

/** Residents write from 7 a.m. to 11 p.m., weekends included. */
export function wakingHours(t: number, random: Random): number {
  const hour = new Date(t).getUTCHours();
  return hour >= 6 && hour < 22 ? t : t + (hour >= 22 ? 30 - hour : 6 - hour) * HOUR + between(random, 0, 3) * HOUR;
}

/** Builds the steps of one request in time order, each a plausible delay after the previous one. */
export class Timeline {
  readonly steps: Step[] = [];
  private cursor: number;

  constructor(
    readonly start: number,
    private readonly random: Random,
  ) {
    this.cursor = start;
  }

  get now(): number {
    return this.cursor;
  }

  /** Moves the clock by minH–maxH hours, into office or waking hours depending on who acts next. */
  wait(minH: number, maxH: number, as: StepActor, channel: Channel = 'web'): number {
    const raw = this.cursor + between(this.random, minH, maxH) * HOUR;
    const residentOnline = as === 'owner' && channel === 'web';
    this.cursor = residentOnline ? wakingHours(raw, this.random) : officeHours(raw, this.random);
    return this.cursor;
  }

  add(as: StepActor, command: Step['command'], channel: Channel = 'web', minH = 0.2, maxH = 4): void {
    this.wait(minH, maxH, as, channel);
    this.steps.push({ at: this.cursor, as, channel, command });
  }
}

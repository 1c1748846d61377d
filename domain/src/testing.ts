import { expect } from 'vitest';
import { ValidationError, type Actor, type CommandMeta } from './common.ts';
import type { Decider } from './decider.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface Then<Event, State> {
  /** Asserts the exact events and returns the state after them, for further checks. */
  then(expected: Event[]): State;
  /** Asserts the error class; for ValidationError, optionally the exact set of fields at fault. */
  thenThrows(errorClass: ErrorClass, fields?: string[]): void;
  /** Runs the decision and returns what it produced, for assertions the exact list cannot express. */
  events(): Event[];
}

/**
 * given(events).when(command, meta).then(events): a decider specification.
 * Every `then` also folds the new events, so an evolve that cannot take what decide produced fails here.
 */
export function specification<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return (given: Event[] = []) => ({
    when(command: Command, meta: CommandMeta): Then<Event, State> {
      const state = given.reduce(decider.evolve, decider.initialState());
      const run = () => decider.decide(command, state, meta);
      return {
        then(expected) {
          const produced = run();
          expect(produced).toEqual(expected);
          return produced.reduce(decider.evolve, state);
        },
        thenThrows(errorClass, fields) {
          let caught: unknown;
          try {
            run();
          } catch (e) {
            caught = e;
          }
          expect(caught, 'expected the decider to throw').toBeInstanceOf(errorClass);
          if (fields) {
            expect(caught).toBeInstanceOf(ValidationError);
            expect((caught as ValidationError).errors.map((e) => e.field).sort()).toEqual([...fields].sort());
          }
          // Messages reach users: they must say something, in French.
          expect((caught as Error).message).not.toBe('');
        },
        events: run,
      };
    },
  });
}

/** Builds command metadata for tests; `now` defaults to a fixed instant so expected events are literal. */
export function metaFor(actor: Actor, overrides: Partial<CommandMeta> = {}): CommandMeta {
  return {
    commandId: 'cmd-1',
    actor,
    tenant: 'ville-s',
    channel: 'web',
    now: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

export const actors = {
  citizen: (id = 'cit-1'): Actor => ({ kind: 'citizen', id }),
  agent: (
    serviceId = 'svc-etat-civil',
    role: 'agent' | 'manager' | 'designer' | 'admin' = 'agent',
    id = 'ag-1',
  ): Actor => ({
    kind: 'agent',
    id,
    roles: [{ serviceId, role }],
  }),
  anonymous: (trackingCodeHash?: string): Actor => ({ kind: 'anonymous', trackingCodeHash }),
  system: (): Actor => ({ kind: 'system' }),
};

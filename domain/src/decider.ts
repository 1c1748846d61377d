import type { CommandMeta } from './common.ts';

/** The three functions of an aggregate (Emmett style). The command handler folds, decides, appends. */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State, meta: CommandMeta): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<Event, State>(
  decider: Pick<Decider<never, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

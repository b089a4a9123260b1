/** An event as deciders see it: a discriminated union member (`type` + `data`). */
export interface DomainEvent<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
}

/** What every command knows about the moment it is decided; deciders never read a clock. */
export interface CommandContext {
  /** Now, ISO-8601 UTC. */
  now: string;
  /** Today's business date in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  actor: { id: string; role: string };
}

export interface Command<Type extends string = string, Data = Record<string, unknown>> {
  type: Type;
  data: Data;
  context: CommandContext;
}

/**
 * A decider (emmett style): decide throws a DomainError when a rule refuses the command,
 * otherwise returns the events to append; evolve folds one event into the state.
 */
export interface Decider<C extends Command, S, E extends DomainEvent> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export function fold<S, E extends DomainEvent>(
  decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>,
  events: readonly E[],
): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

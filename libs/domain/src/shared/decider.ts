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
  /**
   * The same as evolve, but free to update `state` in place: only for a state its caller owns and
   * shares with nobody (a fold's own accumulator). Lets a fold stay linear in the events it reads
   * where evolve would copy a growing collection per event.
   */
  evolveInPlace?(state: S, event: E): S;
  initialState(): S;
}

export type Folding<S, E extends DomainEvent> = Pick<
  Decider<never, S, E>,
  'evolve' | 'evolveInPlace' | 'initialState'
>;

/** Pure from outside: it starts from a fresh initial state, which it alone updates. */
export function fold<S, E extends DomainEvent>(decider: Folding<S, E>, events: readonly E[]): S {
  return foldOwned(decider, decider.initialState(), events);
}

/**
 * Folds events onto a state the caller owns and shares with nobody: the state may be updated in
 * place, and only the returned value is to be used afterwards.
 */
export function foldOwned<S, E extends DomainEvent>(
  decider: Folding<S, E>,
  owned: S,
  events: readonly E[],
): S {
  const step = decider.evolveInPlace ?? decider.evolve;
  let state = owned;
  for (const event of events) state = step(state, event);
  return state;
}

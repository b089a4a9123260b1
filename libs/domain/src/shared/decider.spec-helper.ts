import { Command, Decider, DomainEvent, fold } from './decider';
import { DomainError } from './domain-error';

/**
 * given([...events]).when(command).then([...events]) | .thenRefuses(code)
 * Used by the decider specs of every context.
 */
export function specFor<C extends Command, S, E extends DomainEvent>(decider: Decider<C, S, E>) {
  return (given: E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, given));
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenRefuses: (code: string) => {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
        },
      };
    },
  });
}

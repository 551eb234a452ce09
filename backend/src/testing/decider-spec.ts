import type { ProblemCode } from '@decidimos/contracts';
import { fold, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/** Given these events, when this command, then these events (or this error): Emmett's spec shape. */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return (given: E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, fold(decider, given));
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        /** The command is accepted and changes nothing (an idempotent repeat, say). */
        thenNothingHappened: () => expect(run()).toEqual([]),
        thenFails: (code: ProblemCode, params?: Record<string, unknown>) => {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          if (params) expect((error as DomainError).params).toMatchObject(params);
        },
      };
    },
  });
}

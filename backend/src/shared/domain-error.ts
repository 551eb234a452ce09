import type { ProblemCode } from '@decidimos/contracts';

export type ProblemParams = Record<string, string | number>;

/** A rule the command broke. Deciders throw it; the problem filter maps it to HTTP in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }
}

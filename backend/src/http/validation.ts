import type { z } from 'zod';
import { DomainError } from '../shared/domain-error';

export interface FieldError {
  path: string;
  message: string;
}

export class ValidationFailed extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION_FAILED', { summary: errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
  }
}

/** Parses a request part against its contract schema; a mismatch is a 400 listing each field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.infer<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

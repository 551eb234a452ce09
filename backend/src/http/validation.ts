import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FieldError } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DomainError } from '../shared/domain-error';
import { ENDPOINT, type EndpointDoc } from './endpoint';

export class ValidationFailed extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super('VALIDATION_FAILED', { summary: errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
  }
}

type Part = 'body' | 'query';

/** What a handler receives from @ValidBody()/@ValidQuery(): the schema's output, defaults filled in. */
export type Parsed<S extends z.ZodType> = z.output<S>;

/** Parses a request part against its contract schema; a mismatch is a 400 listing each field. */
function parse<S extends z.ZodType>(schema: S, value: unknown, where: Part): z.output<S> {
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

const VALIDATED = 'decidimos:validated';

/** The request parts a handler reads through @ValidBody()/@ValidQuery(), so OpenApiService can check each documented part is read. */
export function validatedParts(handler: object): Part[] {
  return (Reflect.getMetadata(VALIDATED, handler) as Part[] | undefined) ?? [];
}

function validPart(part: Part) {
  // Parsed where the handler's arguments are resolved: after guards and interceptors, as a parse in the handler was.
  const read = createParamDecorator((_: unknown, context: ExecutionContext) => {
    const doc = Reflect.getMetadata(ENDPOINT, context.getHandler()) as EndpointDoc;
    return parse(doc[part]!, context.switchToHttp().getRequest<FastifyRequest>()[part], part);
  });
  return (): ParameterDecorator => (target, key, index) => {
    read()(target, key, index);
    const handler = (target as Record<string | symbol, object>)[key!]!;
    Reflect.defineMetadata(VALIDATED, [...validatedParts(handler), part], handler);
  };
}

/** The request body, parsed by the route's `@Endpoint({ body })` schema (400 VALIDATION_FAILED with `body.…` paths). */
export const ValidBody = validPart('body');
/** The query string, parsed by the route's `@Endpoint({ query })` schema (400 VALIDATION_FAILED with `query.…` paths). */
export const ValidQuery = validPart('query');

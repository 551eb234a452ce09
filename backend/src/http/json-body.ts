import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { ValidationFailed } from './validation';

/** No request of the API nests deeper than a handful of levels; 64 leaves room and stops stack-deep input. */
export const MAX_JSON_DEPTH = 64;

/** Whether arrays and objects nest deeper than `limit`, found without recursion (the input may be 100,000 deep). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * JSON bodies are parsed by Fastify's own parser (secure-json-parse, which refuses
 * prototype poisoning; V8's JSON.parse does not recurse) and then refused, as a 400
 * problem, when nested deeper than MAX_JSON_DEPTH, so no later code (validation,
 * idempotency, events) ever walks a stack-deep value. The raw bytes stay on the request
 * (Nest's `rawBody`) for the idempotency check.
 */
export function useDepthLimitedJson(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    parseJson(request, body.toString('utf8'), (error, value) => {
      if (error) return done(error, undefined);
      if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
        return done(new ValidationFailed([{ path: 'body', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]));
      }
      done(null, value);
    });
  });
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream } from 'pino';
import type { Config } from '../config/config';

export const REQUEST_ID_HEADER = 'x-request-id';

// A proxy's or client's id is kept only when it cannot be mistaken for anything else in a
// line or a header: UUIDs, ULIDs, trace ids and the like.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify's request id (the adapter's `genReqId`): the caller's X-Request-Id when it is
 * sane, a fresh UUID otherwise. The middleware hands it to pino-http as the raw request's id.
 */
export function requestId(request: IncomingMessage): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && ACCEPTABLE_REQUEST_ID.test(offered) ? offered : randomUUID();
}

/** The path alone: a query may hold secrets (the OIDC code and state at /auth/callback) or a search for a name. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0]!;
}

// One destination per file and process: nestjs-pino keeps the first application's logger
// for the whole process, so a second application (a restart in a test) reuses it anyway.
const files = new Map<string, DestinationStream>();

function destination(file: string | null): DestinationStream {
  // process.stdout rather than pino's own fd 1 writer, so the lines keep their order with
  // anything else the process prints (and tests can read them the same way).
  if (!file) return process.stdout;
  let stream = files.get(file);
  if (!stream) {
    stream = pino.destination({ dest: file, append: true, mkdir: true, sync: true });
    files.set(file, stream);
  }
  return stream;
}

/**
 * JSON lines through pino, for Nest's own Logger calls and one line per request. Request
 * lines carry an allow-list of fields (id, method, path, status, time): no header (cookies,
 * authorization, CSRF token, idempotency key), no query, no client address, no body.
 */
export function loggingModule(config: Config): DynamicModule {
  return LoggerModule.forRoot({
    // nestjs-pino's default, `{/*splat}`, only matches `/` under @nestjs/platform-fastify 12.5.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: config.logLevel,
        formatters: { level: (label) => ({ level: label }) },
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            path: pathOf(req.url),
          }),
          res: (res: { statusCode: number }) => ({ status: res.statusCode }),
        },
        customLogLevel: (req, res, error) => {
          if (error || res.statusCode >= 500) return 'error';
          // Probes and scrapes arrive every few seconds from every replica.
          const path = pathOf(req.url);
          return path.startsWith('/health/') || path === '/metrics' ? 'debug' : 'info';
        },
        // pino-http knows only the status of a 5xx; the cause is in the Problems line before it.
        customErrorObject: (_req, _res, _error, { res, responseTime }) => ({ res, responseTime }),
      },
      destination(config.logFile),
    ],
  });
}

import { hash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import fastifyRateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/config';
import { SessionRepository } from './sessions';
import {
  type Collection,
  type CounterDoc,
  READ_MODEL_STORE,
  type ReadModelStore,
} from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';

/** The counters, in the read-model store so that every replica counts against the same ones. */
export const RATE_LIMITS = 'rate-limits';

export type LimitKind = 'login' | 'write' | 'download';

const LOGIN_ROUTES = new Set(['/auth/login', '/auth/callback']);
/** Public downloads whose answers are large or costly to build. */
const DOWNLOAD_ROUTES = new Set([
  '/api/processes/:id/audit/export',
  '/api/processes/:id/audit/openings',
  '/api/processes/:id/audit/tree-heads',
  '/api/processes/:id/results.pb',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Which limit a request counts against, by its route; routes nobody matched cost nothing to refuse. */
export function limitKindOf(method: string, route: string | undefined): LimitKind | null {
  if (route === undefined) return null;
  if (LOGIN_ROUTES.has(route)) return 'login';
  if (SAFE_METHODS.has(method)) return DOWNLOAD_ROUTES.has(route) ? 'download' : null;
  return route.startsWith('/api/') ? 'write' : null;
}

const logger = new Logger('RateLimits');

/**
 * A process takes this share of a limit from the shared counter at once (at least one
 * count) and hands it out to the key's next requests itself: one store write per block
 * instead of one per request. Every count is taken from the counter before it is handed
 * out, so no limit is ever exceeded; a client whose requests are spread over several
 * replicas may be refused early, by at most the unused part of each other replica's block.
 */
const BLOCK_OF_LIMIT = 1 / 16;

/** Counts a process has taken for a key and not yet handed out, within one window. */
interface Block {
  next: number;
  last: number;
  expiresAt: number;
}

/**
 * @fastify/rate-limit's store interface over a read-model collection: a fixed window per
 * key, counted by the collection's atomic increment, a block of counts at a time. Expired
 * counters are swept at most once a window per instance, on the request that finds the
 * sweep due.
 */
function storeOver(counters: Collection<CounterDoc>) {
  return class ReadModelRateLimitStore implements FastifyRateLimitStore {
    private nextSweep = 0;
    private readonly blocks = new Map<string, Block>();

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ) {
      this.count(key, timeWindow, max).then(
        (result) => callback(null, result),
        (error: Error) => {
          // Let the request through (skipOnError): an unavailable counter must not stop a vote.
          logger.warn(`rate limit not checked: ${error.message}`);
          callback(error);
        },
      );
    }

    child(): FastifyRateLimitStore {
      return this;
    }

    private async count(key: string, timeWindow: number, max: number) {
      const now = Date.now();
      if (now >= this.nextSweep) {
        this.nextSweep = now + timeWindow;
        for (const [held, block] of this.blocks) if (block.expiresAt <= now) this.blocks.delete(held);
        await counters.deleteExpired(now);
      }
      const held = this.blocks.get(key);
      if (held && held.expiresAt > now && held.next <= held.last) {
        return { current: held.next++, ttl: held.expiresAt - now };
      }
      const size = Math.max(1, Math.floor(max * BLOCK_OF_LIMIT));
      const counter = await counters.increment(key, size, { now, expiresAt: now + timeWindow });
      // The counter holds every count taken before ours, then our block.
      const first = counter.count - size + 1;
      if (size > 1) this.blocks.set(key, { next: first + 1, last: counter.count, expiresAt: counter.expiresAt });
      return { current: first, ttl: counter.expiresAt - now };
    }
  };
}

/** Keys are hashed: the store keeps neither session tokens nor addresses in the clear (one-shot: a third of createHash's cost). */
const hashed = (key: string) => hash('sha256', key, 'base64url');

/**
 * Limits logins per client address (each of /auth/login and /auth/callback), state-changing
 * /api requests per session (per address without a valid one), and the public downloads per
 * address, each within RATE_LIMIT_WINDOW_SECONDS. Checked as the request arrives, before
 * its body is read, and answered with a 429 problem and Retry-After.
 */
export async function registerRateLimits(app: NestFastifyApplication, config: Config): Promise<void> {
  const readModels = app.get<ReadModelStore>(READ_MODEL_STORE);
  const sessions = app.get(SessionRepository);
  const { windowSeconds, logins, writes, downloads } = config.rateLimits;
  await app.register(fastifyRateLimit, {
    global: false,
    store: storeOver(readModels.collection<CounterDoc>(RATE_LIMITS)),
    timeWindow: windowSeconds * 1000,
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new DomainError('TOO_MANY_REQUESTS', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
  const fastify = app.getHttpAdapter().getInstance();
  const address = (request: FastifyRequest) => normalizeIP(request.ip);
  const limiters = {
    login: fastify.rateLimit({
      max: logins,
      keyGenerator: (request) => hashed(`login ${request.routeOptions.url} ${address(request)}`),
    }),
    write: fastify.rateLimit({
      max: writes,
      keyGenerator: async (request) => {
        // Only a live session counts as one, or inventing cookies would give each request its own allowance.
        const session = await sessions.ofRequest(request);
        return hashed(session ? `write session ${session.id}` : `write address ${address(request)}`);
      },
    }),
    download: fastify.rateLimit({
      max: downloads,
      keyGenerator: (request) => hashed(`download ${address(request)}`),
    }),
  };
  fastify.addHook('onRequest', async function (request: FastifyRequest, reply: FastifyReply) {
    const kind = limitKindOf(request.method, request.routeOptions.url);
    if (kind) await limiters[kind].call(this, request, reply);
  });
}

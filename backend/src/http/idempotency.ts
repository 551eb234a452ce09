import { createHash } from 'node:crypto';
import {
  Inject,
  type RawBodyRequest,
  Injectable,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, of, switchMap, type Observable } from 'rxjs';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';

interface StoredAnswer {
  id: string;
  requestHash: string;
  status: number;
  body: unknown;
  expiresAt: number;
}

const RETENTION_MS = 24 * 3600 * 1000;

/** The Idempotency-Key header of the request, if any. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
});

/**
 * A state-changing request repeated with the same Idempotency-Key gets the first answer
 * back and records nothing new; the same key with a different request (body bytes) is refused. Keys
 * are scoped to the caller. Handlers also derive event ids from the key, so two copies
 * racing past this cache still append once.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !key || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const principal = request.caller?.session.subject ?? 'anonymous';
    const id = createHash('sha256').update(`${principal}\n${request.method}\n${request.url}\n${key}`).digest('hex');
    // The bytes as received (Nest's rawBody): hashing them cannot recurse, whatever the body holds.
    const requestHash = createHash('sha256')
      .update((request as RawBodyRequest<FastifyRequest>).rawBody ?? '')
      .digest('hex');
    const answers = this.store.collection<StoredAnswer>('idempotency');
    return from(answers.get(id)).pipe(
      switchMap((stored) => {
        if (stored && stored.expiresAt > Date.now()) {
          if (stored.requestHash !== requestHash) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
          void reply.status(stored.status).header('idempotent-replayed', 'true');
          return of(stored.body);
        }
        return next.handle().pipe(
          switchMap(async (body: unknown) => {
            const status = reply.statusCode;
            await answers.upsert(id, {
              id,
              requestHash,
              status,
              body: body ?? null,
              expiresAt: Date.now() + RETENTION_MS,
            });
            return body;
          }),
        );
      }),
    );
  }
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS, type Access } from '../http/access';
import { DomainError } from '../shared/domain-error';
import { SESSION_COOKIE, SessionRepository } from '../http/sessions';
import { CallerRoles } from './caller-roles';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from the session cookie and enforces each route's @Access and the
 * CSRF header on state-changing requests that carry a session cookie.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionRepository,
    private readonly callerRoles: CallerRoles,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access =
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]) ??
      'session';
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const sessionId = request.cookies?.[SESSION_COOKIE];
    const session = await this.sessions.ofRequest(request);
    if (sessionId && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!session || header !== session.csrfToken) {
        if (access !== 'public' || session) throw new DomainError('CSRF');
      }
    }
    if (session) request.caller = { session, ...(await this.callerRoles.of(session.subject)) };
    if (access === 'public') return true;
    if (!request.caller) throw new DomainError('UNAUTHENTICATED');
    if (access === 'session') return true;
    if (!request.caller.roles.includes(access)) throw new DomainError('FORBIDDEN', { role: access });
    return true;
  }
}

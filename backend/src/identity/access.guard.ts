import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { CONFIG, type Config } from '../config/config';
import { ACCESS, type Access } from '../http/access';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { staffPseudonym } from './pseudonyms';
import { SESSION_COOKIE, SessionRepository } from '../http/sessions';
import { STAFF, type StaffDoc } from './staff.projection';

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
    @Inject(CONFIG) private readonly config: Config,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
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
    if (session) {
      const staff = staffPseudonym(this.config.voterKey, session.subject);
      request.caller = { session, staff, roles: await this.rolesOf(session.subject, staff) };
    }
    if (access === 'public') return true;
    if (!request.caller) throw new DomainError('UNAUTHENTICATED');
    if (access === 'session') return true;
    if (!request.caller.roles.includes(access)) throw new DomainError('FORBIDDEN', { role: access });
    return true;
  }

  private async rolesOf(subject: string, staff: string): Promise<Role[]> {
    const granted = (await this.readModels.collection<StaffDoc>(STAFF).get(staff))?.roles ?? [];
    const roles = new Set<Role>(granted);
    if (this.config.adminSubjects.includes(subject)) roles.add('admin');
    return [...roles].sort();
  }
}

import { SetMetadata } from '@nestjs/common';
import type { Role } from '@decidimos/contracts';
import type { Session } from './sessions';

/** Who may call a route: anyone, anyone logged in, or staff with a role. */
export type Access = 'public' | 'session' | Role;
export const ACCESS = 'decidimos:access';
export const Access = (access: Access) => SetMetadata(ACCESS, access);

/** The caller, as the access guard resolved it. */
export interface Caller {
  session: Session;
  roles: Role[];
  /** Pseudonym recorded in events for staff actions. */
  staff: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@decidimos/contracts';
import { CONFIG, type Config } from '../config/config';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { RecentReads } from '../shared/recent-reads';
import { staffPseudonym } from './pseudonyms';
import { grantedRoles } from './staff-roles';

/**
 * How long this process trusts the roles it read for a subject. A grant or revocation
 * made through this process takes effect at once; one made through another replica, within
 * this long. Every request resolves its caller's roles, so not reading them each time matters.
 */
export const ROLES_TRUSTED_MS = 5_000;

export interface CallerStaff {
  /** Pseudonym recorded in events for staff actions. */
  staff: string;
  roles: Role[];
}

/** A subject's staff pseudonym and roles (granted, plus admin by configuration), remembered briefly. */
@Injectable()
export class CallerRoles {
  private readonly known = new RecentReads<CallerStaff>(ROLES_TRUSTED_MS);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  of(subject: string): Promise<CallerStaff> {
    return this.known.read(subject, async () => {
      const staff = staffPseudonym(this.config.voterKey, subject);
      const roles = new Set<Role>(await grantedRoles(this.readModels, staff));
      if (this.config.adminSubjects.includes(subject)) roles.add('admin');
      return { staff, roles: [...roles].sort() };
    });
  }

  /** After a grant or revocation through this process: its next request reads the roles again. */
  forget(subject: string): void {
    this.known.forget(subject);
  }
}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { CallerRoles } from './caller-roles';
import { GrantRoleHandler } from './commands/grant-role';
import { RevokeRoleHandler } from './commands/revoke-role';
import { OidcService } from './oidc.service';
import { ProfileController } from './profile.controller';
import { Profiles } from './profiles';
import { RolesController } from './roles.controller';
import { staffProjection } from './staff.projection';

@Module({
  imports: [EditionsModule],
  controllers: [AuthController, RolesController, ProfileController],
  providers: [
    OidcService,
    Profiles,
    CallerRoles,
    GrantRoleHandler,
    RevokeRoleHandler,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Profiles],
})
export class IdentityModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [staffProjection];
}

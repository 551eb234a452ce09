import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EditionsModule } from '../editions/editions.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { CallerRoles } from './caller-roles';
import { GrantRoleHandler } from './commands/grant-role';
import { RevokeRoleHandler } from './commands/revoke-role';
import { OidcService } from './oidc.service';
import { ProfileController } from './profile.controller';
import { Profiles } from './profiles';
import { RolesController } from './roles.controller';

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
export class IdentityModule {}

import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { grantRoleRequest, roleChange, type RoleChange } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, type Parsed } from '../http/validation';
import { GrantRole } from './commands/grant-role';
import { RevokeRole } from './commands/revoke-role';

/** Admins grant and revoke staff roles by iD subject; the log records only the staff pseudonym. */
@Controller('api/roles')
export class RolesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('grant')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({
    summary: 'Grant a staff role (reviewer, poll-officer, auditor, admin) to an iD Digital subject',
    tags: ['identity'],
    body: grantRoleRequest,
    response: roleChange,
  })
  async grant(
    @ValidBody() { subject, role }: Parsed<typeof grantRoleRequest>,
    @Req() request: FastifyRequest,
  ): Promise<RoleChange> {
    return this.commands.execute(new GrantRole(subject, role, request.caller!.staff));
  }

  @Post('revoke')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({ summary: 'Revoke a staff role', tags: ['identity'], body: grantRoleRequest, response: roleChange })
  async revoke(
    @ValidBody() { subject, role }: Parsed<typeof grantRoleRequest>,
    @Req() request: FastifyRequest,
  ): Promise<RoleChange> {
    return this.commands.execute(new RevokeRole(subject, role, request.caller!.staff));
  }
}

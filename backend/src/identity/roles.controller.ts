import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { grantRoleRequest, roleChange, type RoleChange } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { CONFIG, type Config } from '../config/config';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, type Parsed } from '../http/validation';
import { EventSourcing } from '../shared/event-sourcing.service';
import { staffDecider } from './domain/staff.decider';
import { staffPseudonym } from './pseudonyms';

/** Admins grant and revoke staff roles by iD subject; the log records only the staff pseudonym. */
@Controller('api/roles')
export class RolesController {
  constructor(
    private readonly es: EventSourcing,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('grant')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({
    summary: 'Grant a staff role (reviewer, poll-officer, auditor, admin) to an iD Digital subject',
    tags: ['identity'],
    body: grantRoleRequest,
    response: roleChange,
  })
  async grant(@ValidBody() grant: Parsed<typeof grantRoleRequest>, @Req() request: FastifyRequest) {
    return this.change('GrantRole', grant, request.caller!.staff);
  }

  @Post('revoke')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({ summary: 'Revoke a staff role', tags: ['identity'], body: grantRoleRequest, response: roleChange })
  async revoke(@ValidBody() grant: Parsed<typeof grantRoleRequest>, @Req() request: FastifyRequest) {
    return this.change('RevokeRole', grant, request.caller!.staff);
  }

  private async change(
    type: 'GrantRole' | 'RevokeRole',
    { subject, role }: Parsed<typeof grantRoleRequest>,
    by: string,
  ): Promise<RoleChange> {
    const staff = staffPseudonym(this.config.voterKey, subject);
    const result = await this.es.execute(`staff-${staff}`, staffDecider, { type, staff, role, by });
    return { subject, role, changed: result.events.length > 0 };
  }
}

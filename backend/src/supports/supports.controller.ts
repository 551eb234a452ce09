import { Controller, Delete, HttpCode, Param, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { supportAnswer, type SupportAnswer } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { GiveSupport } from './commands/give-support';
import { WithdrawSupport } from './commands/withdraw-support';

@Controller('api/proposals/:id/support')
export class SupportsController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Support a feasible proposal of your district (supports phase); repeating it changes nothing',
    tags: ['supports'],
    response: supportAnswer,
    problems: [404, 409, 422],
  })
  give(@Param('id') id: string, @Req() request: FastifyRequest): Promise<SupportAnswer> {
    return this.commands.execute(new GiveSupport(id, request.caller!));
  }

  @Delete()
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Take back your support (supports phase); repeating it changes nothing',
    tags: ['supports'],
    response: supportAnswer,
    problems: [404, 409],
  })
  withdraw(@Param('id') id: string, @Req() request: FastifyRequest): Promise<SupportAnswer> {
    return this.commands.execute(new WithdrawSupport(id, request.caller!));
  }
}

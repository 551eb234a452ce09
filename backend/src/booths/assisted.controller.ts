import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  assistedProposalRequest,
  assistedSupportRequest,
  createdResponse,
  supportAnswer,
  type SupportAnswer,
} from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, type Parsed } from '../http/validation';
import { RecordAssistedProposal } from './commands/record-assisted-proposal';
import { RecordAssistedSupport } from './commands/record-assisted-support';

/** Supports and proposals a poll officer records for a person present at their booth (assisted ballots are the ballots feature's). */
@Controller('api/processes/:id')
export class AssistedController {
  constructor(private readonly commands: CommandBus) {}

  @Post('assisted-supports')
  @HttpCode(200)
  @Access('poll-officer')
  @Endpoint({
    summary:
      'Record, at a booth during your shift, the support of a resident present in person, identified by the credential you checked; it counts against their one support limit, online or in person',
    tags: ['booths'],
    body: assistedSupportRequest,
    response: supportAnswer,
    problems: [404, 409, 422],
  })
  support(
    @Param('id') editionId: string,
    @ValidBody() request: Parsed<typeof assistedSupportRequest>,
    @Req() http: FastifyRequest,
  ): Promise<SupportAnswer> {
    return this.commands.execute(new RecordAssistedSupport(editionId, request, http.caller!.staff));
  }

  @Post('assisted-proposals')
  @HttpCode(201)
  @Access('poll-officer')
  @Endpoint({
    summary:
      'Record, at a booth during your shift, the proposal of a resident present in person, for the booth’s district; it counts against their proposal limit, online or in person',
    tags: ['booths'],
    body: assistedProposalRequest,
    response: createdResponse,
    status: 201,
    problems: [404, 409, 422],
  })
  propose(
    @Param('id') editionId: string,
    @ValidBody() request: Parsed<typeof assistedProposalRequest>,
    @Req() http: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.execute(new RecordAssistedProposal(editionId, request, http.caller!.staff, key));
  }
}

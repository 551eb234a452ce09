import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  createdResponse,
  moderationQueue,
  moderationRequest,
  proposalView,
  redactRequest,
  reportRequest,
} from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { EditionsReadModel } from '../editions/public-api';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, type Parsed } from '../http/validation';
import { ProposalsReadModel } from '../proposals/public-api';
import { ModerateProposal, type ModerationAction } from './commands/moderate-proposal';
import { ReportProposal } from './commands/report-proposal';
import { ModerationReadModel } from './moderation.read-model';

@Controller('api')
export class ModerationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionsReadModel,
    private readonly moderation: ModerationReadModel,
  ) {}

  @Post('proposals/:id/reports')
  @HttpCode(201)
  @Access('session')
  @Endpoint({
    summary:
      'Report a proposal to the moderators: a reason from the list, optional details (kept outside the log); one open report per resident',
    tags: ['moderation'],
    body: reportRequest,
    response: createdResponse,
    status: 201,
    problems: [404, 409],
  })
  async report(
    @Param('id') id: string,
    @ValidBody() body: Parsed<typeof reportRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.execute(new ReportProposal(id, body, request.caller!, key));
  }

  @Get('processes/:id/moderation-queue')
  @Access('moderator')
  @Endpoint({
    summary: 'Proposals with open reports (with their details), and hidden ones, longest waiting first',
    tags: ['moderation'],
    response: moderationQueue,
    problems: [404],
  })
  async queue(@Param('id') editionId: string) {
    await this.editions.require(editionId);
    return this.moderation.queue(editionId);
  }

  @Post('proposals/:id/hide')
  @HttpCode(200)
  @Access('moderator')
  @Endpoint({
    summary: 'Hide a proposal from lists and supports, with a public reason; 409 HIDE_ON_BALLOT once on a ballot',
    tags: ['moderation'],
    body: moderationRequest,
    response: proposalView,
    problems: [404, 409],
  })
  async hide(
    @Param('id') id: string,
    @ValidBody() body: Parsed<typeof moderationRequest>,
    @Req() request: FastifyRequest,
  ) {
    return this.act(id, { type: 'HideProposal' }, body.reason, request);
  }

  @Post('proposals/:id/restore')
  @HttpCode(200)
  @Access('moderator')
  @Endpoint({
    summary: 'Bring a hidden proposal back, with a public reason',
    tags: ['moderation'],
    body: moderationRequest,
    response: proposalView,
    problems: [404, 409],
  })
  async restore(
    @Param('id') id: string,
    @ValidBody() body: Parsed<typeof moderationRequest>,
    @Req() request: FastifyRequest,
  ) {
    return this.act(id, { type: 'RestoreProposal' }, body.reason, request);
  }

  @Post('proposals/:id/dismiss-reports')
  @HttpCode(200)
  @Access('moderator')
  @Endpoint({
    summary: 'Close the open reports on a proposal that needs no action, with a public reason',
    tags: ['moderation'],
    body: moderationRequest,
    response: proposalView,
    problems: [404, 409],
  })
  async dismiss(
    @Param('id') id: string,
    @ValidBody() body: Parsed<typeof moderationRequest>,
    @Req() request: FastifyRequest,
  ) {
    return this.act(id, { type: 'DismissReports' }, body.reason, request);
  }

  @Post('proposals/:id/redact')
  @HttpCode(200)
  @Access('moderator')
  @Endpoint({
    summary:
      'Erase texts of a proposal (title, description, location) outside the log, with a public reason; the log and every tree head stay as they were',
    tags: ['moderation'],
    body: redactRequest,
    response: proposalView,
    problems: [404, 409],
  })
  async redact(
    @Param('id') id: string,
    @ValidBody() body: Parsed<typeof redactRequest>,
    @Req() request: FastifyRequest,
  ) {
    return this.act(id, { type: 'RedactProposal', fields: body.fields }, body.reason, request);
  }

  private async act(id: string, action: ModerationAction, reason: string, request: FastifyRequest) {
    await this.commands.execute(new ModerateProposal(id, action, reason, request.caller!));
    return this.proposals.view(id, request.caller);
  }
}

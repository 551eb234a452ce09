import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { assessmentRequest, proposalView, reviewQueue, reviewQueueQuery } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, ValidQuery, type Parsed } from '../http/validation';
import { EditionsReadModel } from '../editions/public-api';
import { AssessProposal, ProposalsReadModel } from '../proposals/public-api';

@Controller('api')
export class ReviewController {
  constructor(
    private readonly commands: CommandBus,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionsReadModel,
  ) {}

  @Post('proposals/:id/assessment')
  @HttpCode(200)
  @Access('reviewer')
  @Endpoint({
    summary:
      "Record a feasibility assessment: verdict, final cost (above 0, at most the district's budget), public reason (review phase)",
    tags: ['review'],
    body: assessmentRequest,
    response: proposalView,
    problems: [404, 409, 422],
  })
  async assess(
    @Param('id') id: string,
    @ValidBody() assessment: Parsed<typeof assessmentRequest>,
    @Req() request: FastifyRequest,
  ) {
    await this.commands.execute(new AssessProposal(id, assessment, request.caller!));
    return this.proposals.view(id, request.caller);
  }

  @Get('processes/:id/review-queue')
  @Access('reviewer')
  @Endpoint({
    summary: 'Proposals still to assess, oldest first',
    tags: ['review'],
    query: reviewQueueQuery,
    response: reviewQueue,
    problems: [404],
  })
  async queue(@Param('id') editionId: string, @ValidQuery() { district }: Parsed<typeof reviewQueueQuery>) {
    await this.editions.require(editionId);
    return this.proposals.reviewQueue(editionId, district);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { assessmentRequest, proposalView } from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { parse } from '../http/validation';
import { EditionsReadModel } from '../editions/public-api';
import { AssessProposal, ProposalsReadModel, toProposalView } from '../proposals/public-api';

const reviewQueueQuery = z.object({ district: z.string().optional() });
const reviewQueue = z.object({ items: z.array(proposalView), total: z.number() });

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
  async assess(@Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    await this.commands.execute(new AssessProposal(id, parse(assessmentRequest, body), request.caller!));
    return toProposalView(await this.proposals.require(id));
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
  async queue(@Param('id') editionId: string, @Query() query: unknown) {
    await this.editions.require(editionId);
    return this.proposals.reviewQueue(editionId, parse(reviewQueueQuery, query, 'query').district);
  }
}

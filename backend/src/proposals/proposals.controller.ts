import { Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  createdResponse,
  editProposalRequest,
  proposalList,
  proposalListQuery,
  proposalView,
  submitProposalRequest,
} from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, ValidQuery, type Parsed } from '../http/validation';
import { EditionsReadModel } from '../editions/public-api';
import { EditProposal } from './commands/edit-proposal';
import { SubmitProposal } from './commands/submit-proposal';
import { WithdrawProposal } from './commands/withdraw-proposal';
import { ProposalsReadModel } from './proposals.read-model';

@Controller('api')
export class ProposalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionsReadModel,
  ) {}

  @Post('processes/:id/proposals')
  @HttpCode(201)
  @Access('session')
  @Endpoint({
    summary: 'Submit a proposal (proposals phase, eligible residents)',
    tags: ['proposals'],
    body: submitProposalRequest,
    response: createdResponse,
    status: 201,
    problems: [404, 409, 422],
  })
  async submit(
    @Param('id') editionId: string,
    @ValidBody() proposal: Parsed<typeof submitProposalRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.execute(new SubmitProposal(editionId, proposal, request.caller!, key));
  }

  @Get('processes/:id/proposals')
  @Access('public')
  @Endpoint({
    summary: "List proposals with filters (district, status, category, text) and paging, and the edition's categories",
    tags: ['proposals'],
    query: proposalListQuery,
    response: proposalList,
    problems: [404],
  })
  async list(
    @Param('id') editionId: string,
    @ValidQuery() query: Parsed<typeof proposalListQuery>,
    @Req() request: FastifyRequest,
  ) {
    await this.editions.require(editionId);
    return this.proposals.list(request.caller, editionId, query);
  }

  @Get('processes/:id/audit/texts')
  @Access('public')
  @Endpoint({
    summary:
      "The proposals' texts outside the log, as JSON Lines { proposalId, field, event, commitment, text, salt } in log order, or { …, redacted: { reason } } where a moderator erased one: verify checks each against the commitment in the export",
    tags: ['audit'],
    produces: 'application/jsonl',
    problems: [404],
  })
  async texts(@Param('id') editionId: string, @Res() reply: FastifyReply) {
    await this.editions.require(editionId);
    const lines = await this.proposals.textLines(editionId);
    return reply
      .header('content-type', 'application/jsonl; charset=utf-8')
      .header('content-disposition', `attachment; filename="${editionId}-texts.jsonl"`)
      .send(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  }

  @Get('proposals/:id')
  @Access('public')
  @Endpoint({
    summary: 'A proposal with its assessment, status and history',
    tags: ['proposals'],
    response: proposalView,
    problems: [404],
  })
  async get(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.proposals.view(id, request.caller);
  }

  @Patch('proposals/:id')
  @Access('session')
  @Endpoint({
    summary: 'Edit your proposal while the proposals phase is open',
    tags: ['proposals'],
    body: editProposalRequest,
    response: proposalView,
    problems: [404, 409, 422],
  })
  async edit(
    @Param('id') id: string,
    @ValidBody() changes: Parsed<typeof editProposalRequest>,
    @Req() request: FastifyRequest,
  ) {
    await this.commands.execute(new EditProposal(id, changes, request.caller!));
    return this.proposals.view(id, request.caller);
  }

  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  @Access('session')
  @Endpoint({
    summary: 'Withdraw your proposal while the proposals phase is open',
    tags: ['proposals'],
    response: proposalView,
    problems: [404, 409],
  })
  async withdraw(@Param('id') id: string, @Req() request: FastifyRequest) {
    await this.commands.execute(new WithdrawProposal(id, request.caller!));
    return this.proposals.view(id, request.caller);
  }
}

import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  advancePhaseRequest,
  createdResponse,
  createEditionRequest,
  editionList,
  editionView,
} from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, type Parsed } from '../http/validation';
import { AdvancePhase } from './commands/advance-phase';
import { DraftEdition } from './commands/draft-edition';
import { EditionsReadModel, toEditionView } from './editions.read-model';

// Editions are "processes" in the public API (API.md), the word other PB platforms use.
@Controller('api/processes')
export class EditionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly editions: EditionsReadModel,
  ) {}

  @Post()
  @HttpCode(201)
  @Access('admin')
  @Endpoint({
    summary: 'Create a draft edition: districts with budgets, rules (defaults filled in), calendar',
    tags: ['editions'],
    body: createEditionRequest,
    response: createdResponse,
    status: 201,
  })
  async create(
    @ValidBody() edition: Parsed<typeof createEditionRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.execute(new DraftEdition(edition, request.caller!.staff, key));
  }

  @Get()
  @Access('public')
  @Endpoint({ summary: 'List editions, newest first', tags: ['editions'], response: editionList })
  async list() {
    const now = new Date();
    const items = (await this.editions.list()).map((doc) => toEditionView(doc, now));
    return { items, total: items.length };
  }

  @Get(':id')
  @Access('public')
  @Endpoint({
    summary: 'An edition: phase, calendar, districts, rules',
    tags: ['editions'],
    response: editionView,
    problems: [404],
  })
  async get(@Param('id') id: string) {
    return toEditionView(await this.editions.require(id), new Date());
  }

  @Post(':id/phase')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({
    summary: 'Advance to the next phase (supports is skipped only when the rules disable it)',
    tags: ['editions'],
    body: advancePhaseRequest,
    response: editionView,
    problems: [404, 409],
  })
  async advance(
    @Param('id') id: string,
    @ValidBody() { to }: Parsed<typeof advancePhaseRequest>,
    @Req() request: FastifyRequest,
  ) {
    await this.commands.execute(new AdvancePhase(id, to, request.caller!.staff));
    return toEditionView(await this.editions.require(id), new Date());
  }
}

import { Controller, Get, HttpCode, Param, Patch, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  advancePhaseRequest,
  calendarRequest,
  createdResponse,
  createEditionRequest,
  editEditionRequest,
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
import { EditEdition } from './commands/edit-edition';
import { SetCalendar } from './commands/set-calendar';
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
    const items = (await this.editions.list()).map((doc) => toEditionView(doc));
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
    return toEditionView(await this.editions.require(id));
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
    return toEditionView(await this.editions.require(id));
  }

  @Patch(':id')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({
    summary:
      'Edit an edition: title, description, districts and budgets in draft or proposals; rules until voting opens (then 409 RULES_FROZEN); calendar as PUT …/calendar',
    tags: ['editions'],
    body: editEditionRequest,
    response: editionView,
    problems: [404, 409, 422],
  })
  async edit(
    @Param('id') id: string,
    @ValidBody() changes: Parsed<typeof editEditionRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    await this.commands.execute(new EditEdition(id, changes, request.caller!.staff, key));
    return toEditionView(await this.editions.require(id));
  }

  @Put(':id/calendar')
  @HttpCode(200)
  @Access('admin')
  @Endpoint({
    summary:
      "Set the edition's calendar: phases then advance by themselves at endsAt; after voting opens, with a public reason",
    tags: ['editions'],
    body: calendarRequest,
    response: editionView,
    problems: [404, 409, 422],
  })
  async setCalendar(
    @Param('id') id: string,
    @ValidBody() calendar: Parsed<typeof calendarRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    await this.commands.execute(new SetCalendar(id, calendar, request.caller!.staff, key));
    return toEditionView(await this.editions.require(id));
  }
}

import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  assignShiftRequest,
  assignedShift,
  boothList,
  createdResponse,
  defineBoothRequest,
  isPublished,
  myShifts,
  type BoothView,
  type MyShifts,
} from '@decidimos/contracts';
import type { FastifyRequest } from 'fastify';
import { EditionsReadModel } from '../editions/public-api';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ValidBody, type Parsed } from '../http/validation';
import { DomainError } from '../shared/domain-error';
import type { BoothDoc } from './booths.projection';
import { BoothsReadModel } from './booths.read-model';
import { AssignShift } from './commands/assign-shift';
import { DefineBooth } from './commands/define-booth';
import { BoothBallotCounts } from './queries/booth-ballot-counts';

const view = (doc: BoothDoc, counts: Record<string, number> | null): BoothView => ({
  id: doc.id,
  editionId: doc.editionId,
  name: doc.name,
  address: doc.address,
  district: doc.district,
  opensAt: doc.opensAt,
  closesAt: doc.closesAt,
  assistedBallots: counts ? (counts[doc.id] ?? 0) : null,
});

@Controller()
export class BoothsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly booths: BoothsReadModel,
    private readonly editions: EditionsReadModel,
  ) {}

  @Post('api/processes/:id/booths')
  @HttpCode(201)
  @Access('admin')
  @Endpoint({
    summary: 'Define a voting booth (mesa): name, address, district, opening hours',
    tags: ['booths'],
    body: defineBoothRequest,
    response: createdResponse,
    status: 201,
    problems: [404, 409, 422],
  })
  async define(
    @Param('id') editionId: string,
    @ValidBody() booth: Parsed<typeof defineBoothRequest>,
    @Req() request: FastifyRequest,
  ) {
    return this.commands.execute(new DefineBooth(editionId, booth, request.caller!.staff));
  }

  @Get('api/processes/:id/booths')
  @Access('public')
  @Endpoint({
    summary: 'The voting booths of an edition; once results are out, with the assisted ballots counted at each',
    tags: ['booths'],
    response: boothList,
    problems: [404],
  })
  async list(@Param('id') editionId: string) {
    const edition = await this.editions.require(editionId);
    const counts = isPublished(edition.phase) ? await this.queries.execute(new BoothBallotCounts(editionId)) : null;
    return { items: (await this.booths.ofEdition(editionId)).map((doc) => view(doc, counts)) };
  }

  @Post('api/booths/:id/shifts')
  @HttpCode(201)
  @Access('admin')
  @Endpoint({
    summary: 'Let a poll officer (iD subject) record assisted ballots at this booth from `from` to `to`',
    tags: ['booths'],
    body: assignShiftRequest,
    response: assignedShift,
    status: 201,
    problems: [404, 409, 422],
  })
  async assign(
    @Param('id') boothId: string,
    @ValidBody() { officer, from, to }: Parsed<typeof assignShiftRequest>,
    @Req() request: FastifyRequest,
  ) {
    await this.commands.execute(new AssignShift(boothId, officer, from, to, request.caller!.staff));
    return { booth: boothId, from, to };
  }

  @Get('api/me/shifts')
  @Access('poll-officer')
  @Endpoint({
    summary: 'My shifts as a poll officer, soonest first, each with its booth and whether it is on now',
    tags: ['booths'],
    response: myShifts,
  })
  async mine(@Req() request: FastifyRequest): Promise<MyShifts> {
    const now = new Date().toISOString();
    const items = [];
    for (const shift of await this.booths.shiftsOf(request.caller!.staff)) {
      const booth = await this.booths.get(shift.boothId);
      if (!booth) throw new DomainError('NOT_FOUND', { what: 'booth', id: shift.boothId });
      items.push({
        booth: view(booth, null),
        from: shift.from,
        to: shift.to,
        now: shift.from <= now && now < shift.to,
      });
    }
    return { items };
  }
}

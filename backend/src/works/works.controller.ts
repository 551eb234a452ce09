import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  csvText,
  editionPools,
  isPublished,
  WORK_OPEN_DATA_COLUMNS,
  workDetail,
  workList,
  workOpenData,
  workUpdateRequest,
  type WorkDetail,
  type WorkList,
  type WorkView,
} from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EditionsReadModel } from '../editions/public-api';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { IdempotencyKey } from '../http/idempotency';
import { ValidBody, type Parsed } from '../http/validation';
import { ProposalsReadModel } from '../proposals/public-api';
import { DomainError } from '../shared/domain-error';
import { UpdateWork } from './commands/update-work';
import type { WorkDoc, WorkUpdateDoc } from './works.projection';
import { WorksReadModel } from './works.read-model';

@Controller('api')
export class WorksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly works: WorksReadModel,
    private readonly editions: EditionsReadModel,
    private readonly proposals: ProposalsReadModel,
  ) {}

  @Get('processes/:id/works')
  @Access('public')
  @Endpoint({
    summary:
      'The works of an edition, one per selected proposal: status, progress, awarded, spent, department, expected end',
    tags: ['works'],
    response: workList,
    problems: [404],
  })
  async list(@Param('id') editionId: string): Promise<WorkList> {
    return { editionId, items: await this.editionWorks(editionId) };
  }

  @Get('processes/:id/works.json')
  @Access('public')
  @Endpoint({
    summary: 'Open data: the works of an edition, one object per work',
    tags: ['works'],
    response: workOpenData,
    problems: [404],
  })
  async json(@Param('id') editionId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('content-disposition', `attachment; filename="obras-${editionId}.json"`);
    return { editionId, works: await this.editionWorks(editionId) };
  }

  @Get('processes/:id/works.csv')
  @Access('public')
  @Endpoint({
    summary: 'Open data: the works of an edition as CSV, one row per work (text that would start a formula is quoted)',
    tags: ['works'],
    produces: 'text/csv',
    problems: [404],
  })
  async csv(@Param('id') editionId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const works = await this.editionWorks(editionId);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="obras-${editionId}.csv"`);
    const rows = works.map((work) => WORK_OPEN_DATA_COLUMNS.map((column) => work[column] ?? ''));
    return csvText([[...WORK_OPEN_DATA_COLUMNS], ...rows]);
  }

  @Get('works/:id')
  @Access('public')
  @Endpoint({
    summary: 'A work with its timeline of updates (oldest first) and its milestones by date',
    tags: ['works'],
    response: workDetail,
    problems: [404],
  })
  async detail(@Param('id') workId: string): Promise<WorkDetail> {
    return this.detailOf(await this.works.require(workId));
  }

  @Post('works/:id/updates')
  @HttpCode(201)
  @Access('implementer')
  @Endpoint({
    summary:
      'Record an update of a work (implementers): status, progress, spent, department, expected end, a milestone, and a public reason when the rules ask for one',
    tags: ['works'],
    body: workUpdateRequest,
    response: workDetail,
    status: 201,
    problems: [404, 409, 422],
  })
  async update(
    @Param('id') workId: string,
    @ValidBody() update: Parsed<typeof workUpdateRequest>,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ): Promise<WorkDetail> {
    await this.commands.execute(new UpdateWork(workId, update, request.caller!.staff, key));
    return this.detailOf(await this.works.require(workId));
  }

  private async editionWorks(editionId: string): Promise<WorkView[]> {
    const edition = await this.editions.require(editionId);
    // The tally is fixed while counting, but the winners are public only once the results are.
    if (!isPublished(edition.phase)) return [];
    const names = new Map(editionPools(edition).map((pool) => [pool.id, pool.name]));
    const works = await this.works.ofEdition(editionId);
    return Promise.all(works.map((work) => this.view(work, names)));
  }

  /** `districtNames`: the name of each pool of the edition (its districts and its citywide pool). */
  private async view(work: WorkDoc, districtNames: Map<string, string>): Promise<WorkView> {
    const proposal = await this.proposals.require(work.id);
    return {
      id: work.id,
      editionId: work.editionId,
      title: proposal.title,
      district: work.district,
      districtName: districtNames.get(work.district) ?? work.district,
      awarded: work.awarded,
      spent: work.spent,
      progress: work.progress,
      status: work.status,
      department: work.department,
      expectedEnd: work.expectedEnd,
      reason: work.reason,
      createdAt: work.createdAt,
      updatedAt: work.updatedAt,
    };
  }

  private async detailOf(work: WorkDoc): Promise<WorkDetail> {
    const edition = await this.editions.require(work.editionId);
    if (!isPublished(edition.phase)) throw new DomainError('NOT_FOUND', { what: 'work', id: work.id });
    const view = await this.view(work, new Map(editionPools(edition).map((pool) => [pool.id, pool.name])));
    const updates = await this.works.updatesOf(work.id);
    const milestones = updates
      .flatMap((update) => (update.milestone ? [update.milestone] : []))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { ...view, timeline: updates.map(timelineEntry), milestones };
  }
}

function timelineEntry({ id, at, status, progress, spent, department, expectedEnd, milestone, reason }: WorkUpdateDoc) {
  return { id, at, status, progress, spent, department, expectedEnd, milestone, reason };
}

import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { districtAsPabulib, editionPools, phaseAtLeast, resultsPbQuery } from '@decidimos/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/public-api';
import { finalBallots } from '../ballots/public-api';
import { EditionLoader, EditionsReadModel } from '../editions/public-api';
import { Access } from '../http/access';
import { DownloadCache, notModified } from '../http/download-cache';
import { Endpoint } from '../http/endpoint';
import { ValidQuery, type Parsed } from '../http/validation';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProposalsReadModel } from '../proposals/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { RESULTS, type ResultsDoc } from './results.projection';

/**
 * The final ballots of one pool (a district, or the citywide pool) as a pabulib file, for
 * researchers' own tools. Pabulib keeps one file per district, so `?district=` picks the
 * pool; it may be left out only when the edition has a single district and no citywide pool.
 */
@Controller('api/processes/:id')
export class ResultsPbController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly editionLoader: EditionLoader,
    private readonly editions: EditionsReadModel,
    private readonly proposals: ProposalsReadModel,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly audit: AuditService,
    private readonly downloads: DownloadCache,
  ) {}

  @Get('results.pb')
  @Access('public')
  @Endpoint({
    summary:
      "One pool's proposals and final ballots in pabulib format (?district= a district or the citywide pool, optional with a single one)",
    tags: ['results'],
    query: resultsPbQuery,
    produces: 'text/plain',
    alsoReturns: [304],
    problems: [404, 409, 422],
  })
  async resultsPb(
    @Param('id') editionId: string,
    @ValidQuery() { district: districtId }: Parsed<typeof resultsPbQuery>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const { title } = await this.editions.require(editionId);
    const edition = await this.editionLoader.load(editionId);
    if (!phaseAtLeast(edition.phase, 'counting') || edition.votingClosedAt === null) {
      throw new DomainError('PHASE_CLOSED', { required: 'counting', phase: edition.phase });
    }
    const district = this.district(editionPools(edition), districtId);
    // Everything the file holds follows from the edition's log, so the log's tree names it.
    const version = await this.audit.exportVersion(editionId);
    if (notModified(request, reply, version)) return '';
    void reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="${editionId}_${district.id}.pb"`);
    const key = `pb/${editionId}/${district.id}/${version.etag}`;
    const cached = this.downloads.get(key);
    if (cached) return cached.bytes;
    const entries = edition.ballot?.[district.id] ?? [];
    const titles: Record<string, string> = {};
    for (const entry of entries) titles[entry.proposalId] = (await this.proposals.require(entry.proposalId)).title;
    const tally = await this.readModels.collection<ResultsDoc>(RESULTS).get(editionId);
    const selected = tally?.districts.find((d) => d.id === district.id)?.selected;
    const text = districtAsPabulib({
      edition: { id: editionId, title, rules: edition.rules },
      district,
      entries,
      titles,
      ballots: await finalBallots(this.events, editionId, edition.votingClosedAt),
      ...(selected ? { selected } : {}),
    });
    const bytes = Buffer.from(text);
    this.downloads.set(key, { bytes, items: 1 });
    return bytes;
  }

  private district<D extends { id: string }>(districts: D[], id: string | undefined): D {
    if (id === undefined) {
      if (districts.length === 1) return districts[0]!;
      throw new DomainError('VALIDATION_FAILED', {
        summary: `query.district: choose one of ${districts.map((d) => d.id).join(', ')}`,
      });
    }
    const district = districts.find((d) => d.id === id);
    if (!district) throw new DomainError('UNKNOWN_DISTRICT', { district: id });
    return district;
  }
}

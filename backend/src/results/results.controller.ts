import { Controller, Get, Inject, Param } from '@nestjs/common';
import { editionPools, isPublished, resultsView, type ResultsView } from '@decidimos/contracts';
import { AuditService } from '../audit/public-api';
import { BallotsReadModel } from '../ballots/public-api';
import { BoothsReadModel } from '../booths/public-api';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { EditionsReadModel } from '../editions/public-api';
import { ProposalsReadModel } from '../proposals/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { RESULTS, type ResultsDoc } from './results.projection';

@Controller('api/processes/:id')
export class ResultsController {
  constructor(
    private readonly editions: EditionsReadModel,
    private readonly proposals: ProposalsReadModel,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly audit: AuditService,
    private readonly ballots: BallotsReadModel,
    private readonly booths: BoothsReadModel,
  ) {}

  @Get('results')
  @Access('public')
  @Endpoint({
    summary:
      'Per pool (each district, then the citywide pool): counting rule, budget, spent, turnout, votes and cost per proposal, winners',
    tags: ['results'],
    response: resultsView,
    problems: [404, 409],
  })
  async results(@Param('id') editionId: string): Promise<ResultsView> {
    const edition = await this.editions.require(editionId);
    const doc = await this.readModels.collection<ResultsDoc>(RESULTS).get(editionId);
    if (!isPublished(edition.phase) || !doc) throw new DomainError('RESULTS_NOT_PUBLISHED', { phase: edition.phase });
    const rule =
      doc.counting.rule === 'greedy' ? 'greedy' : `equal-shares/${doc.counting.completion}/${doc.counting.utility}`;
    const pools = editionPools({ districts: edition.districts, citywidePool: edition.citywidePool ?? null });
    const districts = await Promise.all(
      doc.districts.map(async (tally) => {
        const entries = edition.ballot?.[tally.id] ?? [];
        const selected = new Set(tally.selected);
        const proposals = await Promise.all(
          entries.map(async (entry) => ({
            id: entry.proposalId,
            title: (await this.proposals.require(entry.proposalId)).title,
            cost: entry.cost,
            votes: tally.votes[entry.proposalId] ?? 0,
            selected: selected.has(entry.proposalId),
          })),
        );
        proposals.sort((a, b) => b.votes - a.votes || a.cost - b.cost || (a.id < b.id ? -1 : 1));
        const pool = pools.find((d) => d.id === tally.id);
        return {
          id: tally.id,
          name: pool?.name ?? tally.id,
          citywide: pool?.citywide ?? false,
          budget: tally.budget,
          spent: tally.spent,
          voters: tally.voters,
          rule,
          proposals,
        };
      }),
    );
    const treeHead = await this.audit.countedHead(editionId);
    const counts = await this.ballots.channels(editionId);
    const channels = { online: counts.online, assisted: counts.assisted };
    const booths = (await this.booths.ofEdition(editionId)).map(({ id, name, district }) => ({
      id,
      name,
      district,
      ballots: counts.booths[id] ?? 0,
    }));
    return { editionId, phase: edition.phase, rule, ballots: doc.ballots, channels, booths, districts, treeHead };
  }
}

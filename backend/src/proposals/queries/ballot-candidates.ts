import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { editionPools, type BallotEntry } from '@decidimos/contracts';
import { BallotCandidates } from '../../editions/public-api';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { ProjectionRunner } from '../../projections/projection-runner';
import { ProposalsReadModel } from '../proposals.read-model';

/**
 * The proposals that reach each pool's ballot (each district's, and the citywide pool's
 * when the edition has one): assessed feasible and, when the
 * edition has a supports phase, with at least the threshold of supports.
 */
@QueryHandler(BallotCandidates)
export class BallotCandidatesHandler implements IQueryHandler<BallotCandidates> {
  constructor(
    private readonly proposals: ProposalsReadModel,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ edition }: BallotCandidates): Promise<Record<string, BallotEntry[]>> {
    // Assessments and supports recorded just before must be counted.
    await this.projections.waitFor(await this.events.headPosition());
    const { supports } = edition.rules;
    const ballot: Record<string, BallotEntry[]> = Object.fromEntries(editionPools(edition).map((d) => [d.id, []]));
    for (const proposal of await this.proposals.feasible(edition.editionId)) {
      if (supports.enabled && proposal.supports < supports.threshold) continue;
      ballot[proposal.district]?.push({ proposalId: proposal.id, cost: proposal.cost });
    }
    return ballot;
  }
}

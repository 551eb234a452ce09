import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DistrictsWithProposals } from '../../editions/public-api';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { ProjectionRunner } from '../../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../../read-models/read-model.port';
import { PROPOSALS, type ProposalDoc } from '../proposals.projection';

/** Which of the districts have a proposal in the edition, withdrawn ones included (the log still names them). */
@QueryHandler(DistrictsWithProposals)
export class DistrictsWithProposalsHandler implements IQueryHandler<DistrictsWithProposals> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ editionId, districts }: DistrictsWithProposals): Promise<string[]> {
    // A proposal submitted just before must keep its district.
    await this.projections.waitFor(await this.events.headPosition());
    const proposals = this.store.collection<ProposalDoc>(PROPOSALS);
    const inUse: string[] = [];
    for (const district of districts) {
      const { items } = await proposals.find({ filter: { editionId, district }, limit: 1 });
      if (items.length > 0) inUse.push(district);
    }
    return inUse;
  }
}

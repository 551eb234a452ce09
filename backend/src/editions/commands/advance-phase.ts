import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { BallotEntry, Phase } from '@decidimos/contracts';
import { Inject } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../../read-models/read-model.port';
import { ProjectionRunner } from '../../projections/projection-runner';
import { PROPOSALS, type ProposalDoc } from '../../proposals/proposals.projection';
import { TallyService } from '../../results/tally.service';
import { DomainError } from '../../shared/domain-error';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider, type EditionState } from '../domain/edition.decider';
import { editionStream } from '../streams';

export class AdvancePhase extends Command<{ phase: Phase; position: number }> {
  constructor(
    readonly editionId: string,
    readonly to: Phase,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(AdvancePhase)
export class AdvancePhaseHandler implements ICommandHandler<AdvancePhase> {
  constructor(
    private readonly es: EventSourcing,
    private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly tally: TallyService,
  ) {}

  async execute({ editionId, to, by }: AdvancePhase) {
    const stream = editionStream(editionId);
    const state = await this.es.load(stream, editionDecider);
    if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: editionId });
    const ballot = to === 'voting' ? await this.composeBallot(state) : undefined;
    // A crash between closing voting and counting leaves the tally missing: count before publishing.
    if (to === 'results') await this.tally.record(editionId);
    const result = await this.es.execute(stream, editionDecider, {
      type: 'AdvancePhase',
      to,
      by,
      ...(ballot ? { ballot } : {}),
    });
    if (to === 'counting') await this.tally.record(editionId);
    return { phase: to, position: result.position };
  }

  /**
   * The proposals that reach each district's ballot: assessed feasible and, when the
   * edition has a supports phase, with at least the threshold of supports. Fixed in the
   * event that opens voting, so auditors can check it against assessments and supports.
   */
  private async composeBallot(
    edition: Extract<EditionState, { status: 'present' }>,
  ): Promise<Record<string, BallotEntry[]>> {
    await this.projections.waitFor(await this.es.store.headPosition());
    const { supports } = edition.rules;
    const feasible = await this.readModels.collection<ProposalDoc>(PROPOSALS).find({
      filter: { editionId: edition.editionId, status: 'feasible' },
      sort: [{ field: 'id', direction: 'asc' }],
      limit: 100_000,
    });
    const ballot: Record<string, BallotEntry[]> = Object.fromEntries(edition.districts.map((d) => [d.id, []]));
    for (const proposal of feasible.items) {
      if (supports.enabled && proposal.supports < supports.threshold) continue;
      ballot[proposal.district]?.push({ proposalId: proposal.id, cost: proposal.cost });
    }
    return ballot;
  }
}

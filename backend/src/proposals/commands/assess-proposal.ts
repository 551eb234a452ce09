import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { assessmentRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalsReadModel } from '../proposals.read-model';

export class AssessProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly assessment: z.infer<typeof assessmentRequest>,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(AssessProposal)
export class AssessProposalHandler implements ICommandHandler<AssessProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
  ) {}

  async execute({ proposalId, assessment, caller }: AssessProposal) {
    const { editionId, stream } = await this.proposals.authorStream(proposalId);
    const edition = await this.editions.load(editionId);
    await this.es.execute(stream, proposalDecider, {
      type: 'AssessProposal',
      edition,
      proposalId,
      reviewer: caller.staff,
      feasible: assessment.feasible,
      cost: assessment.cost,
      reason: assessment.reason,
      technical: assessment.technical ?? null,
      legal: assessment.legal ?? null,
      financial: assessment.financial ?? null,
    });
  }
}

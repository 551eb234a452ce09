import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { editProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalsReadModel } from '../proposals.read-model';

export class EditProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly changes: z.infer<typeof editProposalRequest>,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(EditProposal)
export class EditProposalHandler implements ICommandHandler<EditProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, changes, caller }: EditProposal) {
    const { editionId, stream } = await this.proposals.authorStream(proposalId);
    const edition = await this.editions.load(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey, 'author');
    await this.es.execute(stream, proposalDecider, { type: 'EditProposal', edition, proposalId, by: voter, changes });
  }
}

import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalsReadModel } from '../proposals.read-model';

export class WithdrawProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(WithdrawProposal)
export class WithdrawProposalHandler implements ICommandHandler<WithdrawProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, caller }: WithdrawProposal) {
    const { editionId, stream } = await this.proposals.authorStream(proposalId);
    const edition = await this.editions.load(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey, 'author');
    await this.es.execute(stream, proposalDecider, { type: 'WithdrawProposal', edition, proposalId, by: voter });
  }
}

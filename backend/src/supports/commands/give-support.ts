import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SupportAnswer } from '@decidimos/contracts';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { ProposalsReadModel } from '../../proposals/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { supportsDecider } from '../domain/supports.decider';
import { supportsStream } from '../streams';

/** A resident supports a feasible proposal of their district; giving it twice changes nothing. */
export class GiveSupport extends Command<SupportAnswer> {
  constructor(
    readonly proposalId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(GiveSupport)
export class GiveSupportHandler implements ICommandHandler<GiveSupport> {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, caller }: GiveSupport): Promise<SupportAnswer> {
    const proposal = await this.proposals.require(proposalId);
    const edition = await this.editions.load(proposal.editionId);
    const { voter, district } = participant(caller, edition, this.config.voterKey, 'support');
    await this.es.execute(supportsStream(edition.editionId, voter), supportsDecider, {
      type: 'GiveSupport',
      edition,
      voter,
      district,
      proposal,
    });
    return { proposalId, supported: true, supports: (await this.proposals.require(proposalId)).supports };
  }
}

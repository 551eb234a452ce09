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

/** A resident takes back a support; taking back one never given changes nothing. */
export class WithdrawSupport extends Command<SupportAnswer> {
  constructor(
    readonly proposalId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(WithdrawSupport)
export class WithdrawSupportHandler implements ICommandHandler<WithdrawSupport> {
  constructor(
    private readonly es: EventSourcing,
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, caller }: WithdrawSupport): Promise<SupportAnswer> {
    const { editionId } = await this.proposals.require(proposalId);
    const edition = await this.editions.load(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey, 'support');
    await this.es.execute(supportsStream(edition.editionId, voter), supportsDecider, {
      type: 'WithdrawSupport',
      edition,
      voter,
      proposalId,
    });
    return { proposalId, supported: false, supports: (await this.proposals.require(proposalId)).supports };
  }
}

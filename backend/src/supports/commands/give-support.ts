import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ResidenceProof, SupportAnswer } from '@decidimos/contracts';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { ProposalsReadModel } from '../../proposals/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { supportsDecider } from '../domain/supports.decider';
import { supportsStream } from '../streams';

/**
 * A person recorded at a booth by a poll officer, once the in-person rules (the booths
 * feature's) have passed: their support pseudonym, the booth's district, the booth.
 */
export interface AssistedSupporter {
  voter: string;
  district: string;
  booth: string;
  residenceProof: ResidenceProof | null;
}

/**
 * A resident supports a feasible proposal of their district (online: `by` is their
 * session; in person: the supporter the officer identified); giving it twice changes nothing.
 */
export class GiveSupport extends Command<SupportAnswer> {
  constructor(
    readonly proposalId: string,
    readonly by: Caller | AssistedSupporter,
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

  async execute({ proposalId, by }: GiveSupport): Promise<SupportAnswer> {
    const proposal = await this.proposals.require(proposalId);
    const edition = await this.editions.load(proposal.editionId);
    const { voter, district } = 'session' in by ? participant(by, edition, this.config.voterKey, 'support') : by;
    await this.es.execute(supportsStream(edition.editionId, voter), supportsDecider, {
      type: 'GiveSupport',
      edition,
      voter,
      district,
      proposal,
      atBooth: 'session' in by ? null : { booth: by.booth, residenceProof: by.residenceProof },
    });
    return { proposalId, supported: true, supports: (await this.proposals.require(proposalId)).supports };
  }
}

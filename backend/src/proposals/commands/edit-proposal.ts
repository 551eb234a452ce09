import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventPayload, editProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalTexts } from '../proposal-texts';
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
    private readonly texts: ProposalTexts,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, changes, caller }: EditProposal) {
    const { editionId, stream } = await this.proposals.authorStream(proposalId);
    const edition = await this.editions.load(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey, 'author');
    const { title, description, location, ...rest } = changes;
    // Sealed before the decider runs, as on submission: a refused edit leaves unused texts, never a commitment without one.
    const texts = (await this.texts.seal(editionId, proposalId, {
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(location !== undefined ? { location } : {}),
    })) as EventPayload<'ProposalEdited'>['texts'];
    await this.texts.appendWith(
      texts,
      () =>
        this.es.execute(stream, proposalDecider, {
          type: 'EditProposal',
          edition,
          proposalId,
          by: voter,
          changes: { ...rest, texts },
        }),
      () => true,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { submitProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { authorProposalsStream } from '../streams';

export class SubmitProposal extends Command<{ id: string }> {
  constructor(
    readonly editionId: string,
    readonly body: z.infer<typeof submitProposalRequest>,
    readonly caller: Caller,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(SubmitProposal)
export class SubmitProposalHandler implements ICommandHandler<SubmitProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, body, caller, idempotencyKey }: SubmitProposal) {
    const edition = await this.editions.load(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey, 'author');
    const proposalId = randomUUID();
    const { authorDisplayName, ...content } = body;
    const { events } = await this.es.execute(
      authorProposalsStream(edition.editionId, voter),
      proposalDecider,
      {
        type: 'SubmitProposal',
        proposalId,
        edition,
        author: voter,
        // Never the iD name: events are public, and a display name is what the author chooses to show.
        authorDisplayName: authorDisplayName ?? 'Residente',
        content: { ...content, category: content.category ?? null, location: content.location ?? null },
      },
      idempotencyKey ? { idempotencyKey } : {},
    );
    // A retry with the same Idempotency-Key finds the first copy's event in the stream: answer with its id.
    const recorded = events[0];
    return { id: recorded?.type === 'ProposalSubmitted' ? recorded.data.proposalId : proposalId };
  }
}

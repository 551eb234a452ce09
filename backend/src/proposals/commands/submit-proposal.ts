import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { submitProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant, Profiles } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { authorProposalsStream } from '../streams';

/** A person a poll officer identified at a booth (the booths feature checks them): their author pseudonym. */
export interface AssistedAuthor {
  author: string;
}

export class SubmitProposal extends Command<{ id: string }> {
  constructor(
    readonly editionId: string,
    readonly body: z.infer<typeof submitProposalRequest>,
    /** Online: the resident's session; in person: the author the officer identified. */
    readonly caller: Caller | AssistedAuthor,
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
    private readonly profiles: Profiles,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, body, caller, idempotencyKey }: SubmitProposal) {
    const edition = await this.editions.load(editionId);
    const online = 'session' in caller;
    const author = online ? participant(caller, edition, this.config.voterKey, 'author').voter : caller.author;
    const proposalId = randomUUID();
    // Before the append, so every proposal in the log can find its author's display name;
    // the link stays out of the log, which holds only the author pseudonym. A person at a
    // booth has no session to link: their proposal shows an anonymous author.
    if (online) await this.profiles.linkAuthor(proposalId, caller.session.subject);
    const { events } = await this.es.execute(
      authorProposalsStream(edition.editionId, author),
      proposalDecider,
      {
        type: 'SubmitProposal',
        proposalId,
        edition,
        author,
        content: { ...body, category: body.category ?? null, location: body.location ?? null },
      },
      idempotencyKey ? { idempotencyKey } : {},
    );
    // A retry with the same Idempotency-Key finds the first copy's event in the stream: answer with its id.
    const recorded = events[0];
    return { id: recorded?.type === 'ProposalSubmitted' ? recorded.data.proposalId : proposalId };
  }
}

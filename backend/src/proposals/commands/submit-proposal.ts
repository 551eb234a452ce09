import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { submitProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { RecordProposal } from './record-proposal';

/** A person a poll officer identified at a booth (the booths feature checks them): their author pseudonym. */
export interface AssistedAuthor {
  author: string;
}

/** A proposal submitted online by a resident, or in person for someone a poll officer identified. */
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
    private readonly commands: CommandBus,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, body, caller, idempotencyKey }: SubmitProposal) {
    const edition = await this.editions.load(editionId);
    const online = 'session' in caller;
    const author = online ? participant(caller, edition, this.config.voterKey, 'author').voter : caller.author;
    const content = { ...body, category: body.category ?? null, location: body.location ?? null };
    return this.commands.execute(
      new RecordProposal(edition, author, content, {
        // A person at a booth has no session to link: their proposal shows an anonymous author.
        ...(online ? { authorSubject: caller.session.subject } : {}),
        ...(idempotencyKey ? { idempotencyKey } : {}),
      }),
    );
  }
}

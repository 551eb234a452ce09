import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { submitProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { RecordProposal } from './record-proposal';

/** A resident submits a proposal online, as its author. */
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
    private readonly commands: CommandBus,
    private readonly editions: EditionLoader,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ editionId, body, caller, idempotencyKey }: SubmitProposal) {
    const edition = await this.editions.load(editionId);
    const { voter: author } = participant(caller, edition, this.config.voterKey, 'author');
    const content = { ...body, category: body.category ?? null, location: body.location ?? null };
    return this.commands.execute(
      new RecordProposal(edition, author, content, {
        authorSubject: caller.session.subject,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      }),
    );
  }
}

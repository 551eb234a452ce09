import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { assistedProposalRequest } from '@decidimos/contracts';
import { EditionLoader } from '../../editions/public-api';
import type { Parsed } from '../../http/validation';
import { SubmitProposal } from '../../proposals/public-api';
import { checkInPerson } from '../domain/in-person';
import { InPersonChecks } from '../in-person-checks';

/**
 * A poll officer on shift records the proposal of a person present at their booth, for the
 * booth's district. Once the in-person rules pass, the proposals feature submits it under
 * the person's own author pseudonym, so the per-resident limit is the one they have online.
 */
export class RecordAssistedProposal extends Command<{ id: string }> {
  constructor(
    readonly editionId: string,
    readonly request: Parsed<typeof assistedProposalRequest>,
    /** The officer's staff pseudonym. */
    readonly officer: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(RecordAssistedProposal)
export class RecordAssistedProposalHandler implements ICommandHandler<RecordAssistedProposal> {
  constructor(
    private readonly commands: CommandBus,
    private readonly editions: EditionLoader,
    private readonly inPerson: InPersonChecks,
  ) {}

  async execute({ editionId, request, officer, idempotencyKey }: RecordAssistedProposal): Promise<{ id: string }> {
    const { booth, credential, proposal } = request;
    const edition = await this.editions.load(editionId);
    const atBooth = await this.inPerson.gather(edition, officer, booth, credential);
    checkInPerson(atBooth);
    return this.commands.execute(
      new SubmitProposal(
        editionId,
        { ...proposal, district: atBooth.booth.district },
        { author: this.inPerson.pseudonym('author', edition, credential) },
        idempotencyKey,
      ),
    );
  }
}

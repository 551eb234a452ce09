import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { assistedSupportRequest, SupportAnswer } from '@decidimos/contracts';
import { EditionLoader } from '../../editions/public-api';
import type { Parsed } from '../../http/validation';
import { ProposalsReadModel } from '../../proposals/public-api';
import { DomainError } from '../../shared/domain-error';
import { GiveSupport } from '../../supports/public-api';
import { checkInPerson } from '../domain/in-person';
import { InPersonChecks } from '../in-person-checks';

/**
 * A poll officer on shift records the support of a person present at their booth. Once the
 * in-person rules pass, the supports feature records it under the person's own support
 * pseudonym, so the per-person limit is the one they have online.
 */
export class RecordAssistedSupport extends Command<SupportAnswer> {
  constructor(
    readonly editionId: string,
    readonly request: Parsed<typeof assistedSupportRequest>,
    /** The officer's staff pseudonym. */
    readonly officer: string,
  ) {
    super();
  }
}

@CommandHandler(RecordAssistedSupport)
export class RecordAssistedSupportHandler implements ICommandHandler<RecordAssistedSupport> {
  constructor(
    private readonly commands: CommandBus,
    private readonly editions: EditionLoader,
    private readonly proposals: ProposalsReadModel,
    private readonly inPerson: InPersonChecks,
  ) {}

  async execute({ editionId, request, officer }: RecordAssistedSupport): Promise<SupportAnswer> {
    const { booth, credential, proposal: proposalId } = request;
    const edition = await this.editions.load(editionId);
    const proposal = await this.proposals.require(proposalId);
    if (proposal.editionId !== editionId) throw new DomainError('NOT_FOUND', { what: 'proposal', id: proposalId });
    const atBooth = await this.inPerson.gather(edition, officer, booth, credential);
    checkInPerson(atBooth);
    return this.commands.execute(
      new GiveSupport(proposalId, {
        voter: this.inPerson.pseudonym('support', edition, credential),
        district: atBooth.booth.district,
        booth: atBooth.booth.boothId,
        residenceProof: atBooth.residenceProof,
      }),
    );
  }
}

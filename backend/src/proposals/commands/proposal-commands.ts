import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { assessmentRequest, editProposalRequest, submitProposalRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/participation';
import { editionDecider } from '../../editions/domain/edition.decider';
import { editionStream } from '../../editions/streams';
import { DomainError } from '../../shared/domain-error';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalsReadModel } from '../proposals.read-model';
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

export class EditProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly changes: z.infer<typeof editProposalRequest>,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class WithdrawProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

export class AssessProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly assessment: z.infer<typeof assessmentRequest>,
    readonly caller: Caller,
  ) {
    super();
  }
}

abstract class ProposalHandler {
  constructor(
    protected readonly es: EventSourcing,
    protected readonly proposals: ProposalsReadModel,
    @Inject(CONFIG) protected readonly config: Config,
  ) {}

  protected async edition(editionId: string) {
    const edition = await this.es.load(editionStream(editionId), editionDecider);
    if (edition.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: editionId });
    return edition;
  }

  /** The proposal's edition and its author's stream, found through the read model (which knows both). */
  protected async context(proposalId: string) {
    const doc = await this.proposals.require(proposalId);
    return { stream: authorProposalsStream(doc.editionId, doc.author), edition: await this.edition(doc.editionId) };
  }
}

@CommandHandler(SubmitProposal)
export class SubmitProposalHandler extends ProposalHandler implements ICommandHandler<SubmitProposal> {
  async execute({ editionId, body, caller, idempotencyKey }: SubmitProposal) {
    const edition = await this.edition(editionId);
    const { voter } = participant(caller, edition, this.config.voterKey);
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

@CommandHandler(EditProposal)
export class EditProposalHandler extends ProposalHandler implements ICommandHandler<EditProposal> {
  async execute({ proposalId, changes, caller }: EditProposal) {
    const { stream, edition } = await this.context(proposalId);
    const { voter } = participant(caller, edition, this.config.voterKey);
    await this.es.execute(stream, proposalDecider, {
      type: 'EditProposal',
      edition,
      proposalId,
      by: voter,
      changes,
    });
  }
}

@CommandHandler(WithdrawProposal)
export class WithdrawProposalHandler extends ProposalHandler implements ICommandHandler<WithdrawProposal> {
  async execute({ proposalId, caller }: WithdrawProposal) {
    const { stream, edition } = await this.context(proposalId);
    const { voter } = participant(caller, edition, this.config.voterKey);
    await this.es.execute(stream, proposalDecider, {
      type: 'WithdrawProposal',
      edition,
      proposalId,
      by: voter,
    });
  }
}

@CommandHandler(AssessProposal)
export class AssessProposalHandler extends ProposalHandler implements ICommandHandler<AssessProposal> {
  async execute({ proposalId, assessment, caller }: AssessProposal) {
    const { stream, edition } = await this.context(proposalId);
    await this.es.execute(stream, proposalDecider, {
      type: 'AssessProposal',
      edition,
      proposalId,
      reviewer: caller.staff,
      feasible: assessment.feasible,
      cost: assessment.cost,
      reason: assessment.reason,
      technical: assessment.technical ?? null,
      legal: assessment.legal ?? null,
      financial: assessment.financial ?? null,
    });
  }
}

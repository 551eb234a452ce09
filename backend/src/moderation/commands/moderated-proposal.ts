import { Injectable } from '@nestjs/common';
import { type Edition, EditionLoader } from '../../editions/public-api';
import { ProposalsReadModel } from '../../proposals/public-api';
import type { ModeratedProposal } from '../domain/moderation.decider';
import { moderationStream } from '../streams';

/** What a moderation decision needs: the proposal (404 if unknown), its edition and its stream. */
@Injectable()
export class ModerationLoader {
  constructor(
    private readonly proposals: ProposalsReadModel,
    private readonly editions: EditionLoader,
  ) {}

  async load(proposalId: string): Promise<{ edition: Edition; proposal: ModeratedProposal; stream: string }> {
    const doc = await this.proposals.require(proposalId);
    const edition = await this.editions.load(doc.editionId);
    const redactable = await this.proposals.redactableFields(doc);
    return {
      edition,
      proposal: { id: doc.id, redactable },
      stream: moderationStream(doc.editionId, doc.id),
    };
  }
}

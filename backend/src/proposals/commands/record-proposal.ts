import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventPayload } from '@decidimos/contracts';
import type { Edition } from '../../editions/public-api';
import { Profiles } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { proposalDecider } from '../domain/proposal.decider';
import { ProposalTexts } from '../proposal-texts';
import { authorProposalsStream } from '../streams';

/** A proposal's content as its author wrote it: the texts in full (they are kept outside the log). */
export interface ProposalContent {
  title: string;
  description: string;
  district: string;
  estimatedCost: number;
  category: string | null;
  location: string | null;
}

/**
 * Records a proposal by `author` (their `author` pseudonym in the edition), whichever channel
 * it came through: the texts are sealed outside the log first, then the decider appends the
 * submission with their commitments. `authorSubject` (an iD subject, never logged) links the
 * proposal to the author's display name; leave it out for an author who shows none.
 */
export class RecordProposal extends Command<{ id: string }> {
  constructor(
    readonly edition: Edition,
    readonly author: string,
    readonly content: ProposalContent,
    readonly options: { authorSubject?: string; idempotencyKey?: string } = {},
  ) {
    super();
  }
}

@CommandHandler(RecordProposal)
export class RecordProposalHandler implements ICommandHandler<RecordProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly profiles: Profiles,
    private readonly texts: ProposalTexts,
  ) {}

  async execute({ edition, author, content, options }: RecordProposal) {
    const proposalId = randomUUID();
    // Before the append, so every proposal in the log can find its author's display name
    // and its texts; both stay out of the log, which holds the pseudonym and the commitments.
    if (options.authorSubject) await this.profiles.linkAuthor(proposalId, options.authorSubject);
    const { title, description, location, district, estimatedCost, category } = content;
    const texts = (await this.texts.seal(edition.editionId, proposalId, {
      title,
      description,
      location,
    })) as EventPayload<'ProposalSubmitted'>['texts'];
    const { events } = await this.texts.appendWith(
      texts,
      () =>
        this.es.execute(
          authorProposalsStream(edition.editionId, author),
          proposalDecider,
          {
            type: 'SubmitProposal',
            proposalId,
            edition,
            author,
            content: { texts, district, estimatedCost, category },
          },
          options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {},
        ),
      ({ events: [recorded] }) => recorded?.type === 'ProposalSubmitted' && recorded.data.proposalId === proposalId,
    );
    // A retry with the same Idempotency-Key finds the first copy's event in the stream: answer with its id.
    const recorded = events[0];
    return { id: recorded?.type === 'ProposalSubmitted' ? recorded.data.proposalId : proposalId };
  }
}

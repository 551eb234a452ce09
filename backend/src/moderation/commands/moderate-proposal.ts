import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ProposalTextField } from '@decidimos/contracts';
import type { Caller } from '../../http/access';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { moderationDecider, type ModerationCommand } from '../domain/moderation.decider';
import { ModerationLoader } from './moderated-proposal';

export type ModerationAction =
  | { type: 'HideProposal' }
  | { type: 'RestoreProposal' }
  | { type: 'DismissReports' }
  | { type: 'RedactProposal'; fields: ProposalTextField[] };

/** A moderator hides, restores or redacts a proposal, or dismisses its reports, with a public reason. */
export class ModerateProposal extends Command<void> {
  constructor(
    readonly proposalId: string,
    readonly action: ModerationAction,
    readonly reason: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@CommandHandler(ModerateProposal)
export class ModerateProposalHandler implements ICommandHandler<ModerateProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly loader: ModerationLoader,
  ) {}

  async execute({ proposalId, action, reason, caller }: ModerateProposal) {
    const { edition, proposal, stream } = await this.loader.load(proposalId);
    const command: ModerationCommand = { ...action, edition, proposal, by: caller.staff, reason };
    await this.es.execute(stream, moderationDecider, command);
  }
}

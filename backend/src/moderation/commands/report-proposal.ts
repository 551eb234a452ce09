import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { reportRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { CONFIG, type Config } from '../../config/config';
import type { Caller } from '../../http/access';
import { participant } from '../../identity/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { DomainError } from '../../shared/domain-error';
import { moderationDecider } from '../domain/moderation.decider';
import { ReportDetails } from '../report-details';
import { ModerationLoader } from './moderated-proposal';

/** A resident reports a proposal to the moderators: a reason from the list, and details kept outside the log. */
export class ReportProposal extends Command<{ id: string }> {
  constructor(
    readonly proposalId: string,
    readonly body: z.infer<typeof reportRequest>,
    readonly caller: Caller,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

@CommandHandler(ReportProposal)
export class ReportProposalHandler implements ICommandHandler<ReportProposal> {
  constructor(
    private readonly es: EventSourcing,
    private readonly loader: ModerationLoader,
    private readonly details: ReportDetails,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ proposalId, body, caller, idempotencyKey }: ReportProposal) {
    const { edition, proposal, stream } = await this.loader.load(proposalId);
    const { voter: reporter } = participant(caller, edition, this.config.voterKey, 'report');
    const reportId = randomUUID();
    if (body.details) await this.details.keep(reportId, body.details);
    const append = () =>
      this.es.execute(
        stream,
        moderationDecider,
        { type: 'ReportProposal', edition, proposal, reportId, reporter, reason: body.reason },
        idempotencyKey ? { idempotencyKey } : {},
      );
    const { events } = await append().catch(async (error: unknown) => {
      // Refused, nothing appended: the details would be personal text kept for no report.
      if (error instanceof DomainError) await this.details.forget(reportId);
      throw error;
    });
    const recorded = events[0];
    // A retry with the same Idempotency-Key finds the first report: answer with it, and keep no second copy of the details.
    const recordedId = recorded?.type === 'ProposalReported' ? recorded.data.reportId : reportId;
    if (recordedId !== reportId) await this.details.forget(reportId);
    return { id: recordedId };
  }
}

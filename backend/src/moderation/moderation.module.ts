import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { IdentityModule } from '../identity/identity.module';
import type { Projection } from '../projections/projection';
import { ProposalsModule } from '../proposals/proposals.module';
import { ModerateProposalHandler } from './commands/moderate-proposal';
import { ModerationLoader } from './commands/moderated-proposal';
import { ReportProposalHandler } from './commands/report-proposal';
import { ModerationController } from './moderation.controller';
import { moderationProjection } from './moderation.projection';
import { ModerationReadModel } from './moderation.read-model';
import { ReportDetails } from './report-details';

@Module({
  imports: [EditionsModule, IdentityModule, ProposalsModule],
  controllers: [ModerationController],
  providers: [ModerationLoader, ReportDetails, ModerationReadModel, ReportProposalHandler, ModerateProposalHandler],
})
export class ModerationModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [moderationProjection];
}

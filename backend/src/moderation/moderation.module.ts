import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { IdentityModule } from '../identity/identity.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { ModerateProposalHandler } from './commands/moderate-proposal';
import { ModerationLoader } from './commands/moderated-proposal';
import { ReportProposalHandler } from './commands/report-proposal';
import { ModerationController } from './moderation.controller';
import { ModerationReadModel } from './moderation.read-model';
import { ReportDetails } from './report-details';

@Module({
  imports: [EditionsModule, IdentityModule, ProposalsModule],
  controllers: [ModerationController],
  providers: [ModerationLoader, ReportDetails, ModerationReadModel, ReportProposalHandler, ModerateProposalHandler],
})
export class ModerationModule {}

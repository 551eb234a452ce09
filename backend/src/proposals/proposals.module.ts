import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { IdentityModule } from '../identity/identity.module';
import { AssessProposalHandler } from './commands/assess-proposal';
import { EditProposalHandler } from './commands/edit-proposal';
import { RecordProposalHandler } from './commands/record-proposal';
import { SubmitProposalHandler } from './commands/submit-proposal';
import { WithdrawProposalHandler } from './commands/withdraw-proposal';
import { ProposalsController } from './proposals.controller';
import { ProposalTexts } from './proposal-texts';
import { ProposalsReadModel } from './proposals.read-model';
import { BallotCandidatesHandler } from './queries/ballot-candidates';
import { DistrictsWithProposalsHandler } from './queries/districts-with-proposals';

@Module({
  imports: [EditionsModule, IdentityModule],
  controllers: [ProposalsController],
  providers: [
    ProposalsReadModel,
    SubmitProposalHandler,
    RecordProposalHandler,
    ProposalTexts,
    EditProposalHandler,
    WithdrawProposalHandler,
    AssessProposalHandler,
    BallotCandidatesHandler,
    DistrictsWithProposalsHandler,
  ],
  exports: [ProposalsReadModel],
})
export class ProposalsModule {}

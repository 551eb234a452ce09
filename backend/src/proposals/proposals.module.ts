import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { IdentityModule } from '../identity/identity.module';
import type { Projection } from '../projections/projection';
import { AssessProposalHandler } from './commands/assess-proposal';
import { EditProposalHandler } from './commands/edit-proposal';
import { SubmitProposalHandler } from './commands/submit-proposal';
import { WithdrawProposalHandler } from './commands/withdraw-proposal';
import { ProposalsController } from './proposals.controller';
import { proposalsProjection } from './proposals.projection';
import { ProposalsReadModel } from './proposals.read-model';
import { BallotCandidatesHandler } from './queries/ballot-candidates';
import { DistrictsWithProposalsHandler } from './queries/districts-with-proposals';

@Module({
  imports: [EditionsModule, IdentityModule],
  controllers: [ProposalsController],
  providers: [
    ProposalsReadModel,
    SubmitProposalHandler,
    EditProposalHandler,
    WithdrawProposalHandler,
    AssessProposalHandler,
    BallotCandidatesHandler,
    DistrictsWithProposalsHandler,
  ],
  exports: [ProposalsReadModel],
})
export class ProposalsModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [proposalsProjection];
}

import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { AssistedController } from './assisted.controller';
import { BoothLoader } from './booth-loader';
import { BoothsController } from './booths.controller';
import { BoothsReadModel } from './booths.read-model';
import { AssignShiftHandler } from './commands/assign-shift';
import { DefineBoothHandler } from './commands/define-booth';
import { RecordAssistedProposalHandler } from './commands/record-assisted-proposal';
import { RecordAssistedSupportHandler } from './commands/record-assisted-support';
import { InPersonChecks } from './in-person-checks';

@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [BoothsController, AssistedController],
  providers: [
    BoothLoader,
    BoothsReadModel,
    InPersonChecks,
    DefineBoothHandler,
    AssignShiftHandler,
    RecordAssistedSupportHandler,
    RecordAssistedProposalHandler,
  ],
  exports: [BoothLoader, BoothsReadModel, InPersonChecks],
})
export class BoothsModule {}

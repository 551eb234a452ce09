import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { GiveSupportHandler } from './commands/give-support';
import { WithdrawSupportHandler } from './commands/withdraw-support';
import { SupportsController } from './supports.controller';

// Supports have no read model of their own: the proposals projection counts them.
@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [SupportsController],
  providers: [GiveSupportHandler, WithdrawSupportHandler],
})
export class SupportsModule {}

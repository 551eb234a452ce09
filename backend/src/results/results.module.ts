import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BallotsModule } from '../ballots/ballots.module';
import { BoothsModule } from '../booths/booths.module';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { CountVotesHandler } from './commands/count-votes';
import { ResultsPbController } from './results-pb.controller';
import { ResultsController } from './results.controller';

@Module({
  imports: [EditionsModule, ProposalsModule, AuditModule, BallotsModule, BoothsModule],
  controllers: [ResultsController, ResultsPbController],
  providers: [CountVotesHandler],
})
export class ResultsModule {}

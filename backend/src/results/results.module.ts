import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BallotsModule } from '../ballots/ballots.module';
import { BoothsModule } from '../booths/booths.module';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { ProposalsModule } from '../proposals/proposals.module';
import { CountVotesHandler } from './commands/count-votes';
import { ResultsPbController } from './results-pb.controller';
import { ResultsController } from './results.controller';
import { resultsProjection } from './results.projection';

@Module({
  imports: [EditionsModule, ProposalsModule, AuditModule, BallotsModule, BoothsModule],
  controllers: [ResultsController, ResultsPbController],
  providers: [CountVotesHandler],
})
export class ResultsModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [resultsProjection];
}

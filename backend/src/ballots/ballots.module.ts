import { Module } from '@nestjs/common';
import { BoothsModule } from '../booths/booths.module';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import type { Projection } from '../projections/projection';
import { BallotsController } from './ballots.controller';
import { ballotsProjection } from './ballots.projection';
import { BallotsReadModel } from './ballots.read-model';
import { CastBallotHandler } from './commands/cast-ballot';
import { BoothBallotCountsHandler } from './queries/booth-ballot-counts';

@Module({
  imports: [EditionsModule, ProposalsModule, BoothsModule],
  controllers: [BallotsController],
  providers: [BallotsReadModel, CastBallotHandler, BoothBallotCountsHandler],
  exports: [BallotsReadModel],
})
export class BallotsModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [ballotsProjection];
}

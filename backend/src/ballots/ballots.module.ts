import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { BallotsController } from './ballots.controller';
import { ballotsProjection } from './ballots.projection';
import { BallotsReadModel } from './ballots.read-model';
import { CastBallotHandler } from './commands/cast-ballot';

@Module({
  imports: [EditionsModule],
  controllers: [BallotsController],
  providers: [BallotsReadModel, CastBallotHandler],
  exports: [BallotsReadModel],
})
export class BallotsModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [ballotsProjection];
}

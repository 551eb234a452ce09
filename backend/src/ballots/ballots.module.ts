import { Module } from '@nestjs/common';
import { BoothsModule } from '../booths/booths.module';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { BallotsController } from './ballots.controller';
import { BallotsReadModel } from './ballots.read-model';
import { CastBallotHandler } from './commands/cast-ballot';
import { BoothBallotCountsHandler } from './queries/booth-ballot-counts';

@Module({
  imports: [EditionsModule, ProposalsModule, BoothsModule],
  controllers: [BallotsController],
  providers: [BallotsReadModel, CastBallotHandler, BoothBallotCountsHandler],
  exports: [BallotsReadModel],
})
export class BallotsModule {}

import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { BoothLoader } from './booth-loader';
import { BoothsController } from './booths.controller';
import { boothsProjection } from './booths.projection';
import { BoothsReadModel } from './booths.read-model';
import { AssignShiftHandler } from './commands/assign-shift';
import { DefineBoothHandler } from './commands/define-booth';

@Module({
  imports: [EditionsModule],
  controllers: [BoothsController],
  providers: [BoothLoader, BoothsReadModel, DefineBoothHandler, AssignShiftHandler],
  exports: [BoothLoader, BoothsReadModel],
})
export class BoothsModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [boothsProjection];
}

import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { ProposalsModule } from '../proposals/proposals.module';
import { UpdateWorkHandler } from './commands/update-work';
import { WorksController } from './works.controller';
import { worksProjection } from './works.projection';
import { WorksReadModel } from './works.read-model';

@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [WorksController],
  providers: [WorksReadModel, UpdateWorkHandler],
  exports: [WorksReadModel],
})
export class WorksModule {
  /** The read models this feature keeps: the app feeds them every event, and a rebuild rebuilds them. */
  static readonly projections: Projection[] = [worksProjection];
}

import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { UpdateWorkHandler } from './commands/update-work';
import { WorksController } from './works.controller';
import { WorksReadModel } from './works.read-model';

@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [WorksController],
  providers: [WorksReadModel, UpdateWorkHandler],
  exports: [WorksReadModel],
})
export class WorksModule {}

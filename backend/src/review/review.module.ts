import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { ReviewController } from './review.controller';

/** The committee's side of proposals: the queue and assessments (recorded in the proposals' streams). */
@Module({
  imports: [EditionsModule, ProposalsModule],
  controllers: [ReviewController],
})
export class ReviewModule {}

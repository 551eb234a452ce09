import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { EditionsModule } from '../editions/editions.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { IntervalTreeHeads } from './interval-tree-heads';

@Module({
  imports: [EditionsModule, BallotsModule],
  controllers: [AuditController],
  providers: [AuditService, IntervalTreeHeads],
  exports: [AuditService],
})
export class AuditModule {}

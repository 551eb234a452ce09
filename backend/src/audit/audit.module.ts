import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { EditionsModule } from '../editions/editions.module';
import type { Projection } from '../projections/projection';
import { auditLogProjection } from './audit-log.projection';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { IntervalTreeHeads } from './interval-tree-heads';

@Module({
  imports: [EditionsModule, BallotsModule],
  controllers: [AuditController],
  providers: [AuditService, IntervalTreeHeads],
  exports: [AuditService],
})
export class AuditModule {
  /**
   * The read models this feature keeps: the app feeds them every event, and a rebuild
   * rebuilds them. The tree-head signer is not one of them (a rebuild must never sign).
   */
  static readonly projections: Projection[] = [auditLogProjection];
}

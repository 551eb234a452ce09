import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { EditionsModule } from '../editions/editions.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { WorksModule } from '../works/works.module';
import { ActivityController } from './activity.controller';

@Module({
  imports: [EditionsModule, IdentityModule, ProposalsModule, BallotsModule, WorksModule, NotificationsModule],
  controllers: [ActivityController],
})
export class ActivityModule {}

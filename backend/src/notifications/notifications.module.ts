import { Module } from '@nestjs/common';
import { BallotsModule } from '../ballots/ballots.module';
import { EditionsModule } from '../editions/editions.module';
import { HealthModule } from '../health/health.module';
import { IdentityModule } from '../identity/identity.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { WorksModule } from '../works/works.module';
import { Contacts } from './contacts';
import { Deliveries } from './deliveries';
import { Mailer } from './mailer';
import { NotificationReactor } from './notification-reactor';
import { NotificationsController } from './notifications.controller';

/**
 * Notifications keep no projection: their collections are personal data outside the log
 * (no rebuild clears them), and the reactor follows the log with its own checkpoint.
 */
@Module({
  imports: [EditionsModule, IdentityModule, ProposalsModule, BallotsModule, WorksModule, HealthModule],
  controllers: [NotificationsController],
  providers: [Contacts, Deliveries, Mailer, NotificationReactor],
  exports: [Contacts],
})
export class NotificationsModule {}

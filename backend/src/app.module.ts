import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { allProjections } from './app.projections';
import { ActivityModule } from './activity/activity.module';
import { AuditModule } from './audit/audit.module';
import { treeHeadSigner } from './audit/tree-head-signer';
import { BallotsModule } from './ballots/ballots.module';
import { BoothsModule } from './booths/booths.module';
import type { Config } from './config/config';
import { EditionsModule } from './editions/editions.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './http/idempotency';
import { OpenApiController, OpenApiService } from './http/openapi';
import { IdentityModule } from './identity/identity.module';
import { loggingModule } from './logging/logging';
import { ModerationModule } from './moderation/moderation.module';
import { ProposalsModule } from './proposals/proposals.module';
import { ResultsModule } from './results/results.module';
import { ReviewModule } from './review/review.module';
import { NotificationsModule } from './notifications/notifications.module';
import { KernelModule } from './shared/kernel.module';
import { SupportsModule } from './supports/supports.module';
import { WorksModule } from './works/works.module';
import type { Stores } from './stores';

/** The application: the kernel, every feature, and what spans them all (the OpenAPI document, idempotency). */
@Module({})
export class AppModule {
  static forRoot(config: Config, stores: Stores): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KernelModule.forRoot(config, stores, [
          ...allProjections,
          // The signer runs last, once the audit log has taken the event in; rebuilds leave it out.
          treeHeadSigner(stores.events, config.auditSigningKey),
        ]),
        CqrsModule.forRoot(),
        DiscoveryModule,
        loggingModule(config),
        IdentityModule,
        EditionsModule,
        ProposalsModule,
        ModerationModule,
        ReviewModule,
        SupportsModule,
        BoothsModule,
        BallotsModule,
        ResultsModule,
        WorksModule,
        AuditModule,
        HealthModule,
        NotificationsModule,
        ActivityModule,
      ],
      controllers: [OpenApiController],
      providers: [OpenApiService, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
    };
  }
}

import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { treeHeadSigner } from './audit/tree-head-signer';
import { CONFIG, type Config } from './config/config';
import { EVENT_STORE } from './event-store/event-store.port';
import { HealthController } from './health/health.controller';
import { Metrics } from './health/metrics';
import { DownloadCache } from './http/download-cache';
import { IdempotencyInterceptor } from './http/idempotency';
import { OpenApiController, OpenApiService } from './http/openapi';
import { AccessGuard } from './identity/access.guard';
import { AuthController } from './identity/auth.controller';
import { OidcService } from './identity/oidc.service';
import { loggingModule } from './logging/logging';
import { RolesController } from './identity/roles.controller';
import { SessionRepository } from './identity/sessions';
import { AdvancePhaseHandler } from './editions/commands/advance-phase';
import { DraftEditionHandler } from './editions/commands/draft-edition';
import { EditionsReadModel } from './editions/editions.read-model';
import { EditionsController } from './editions/editions.controller';
import { allProjections } from './projections/all-projections';
import { ProjectionRunner } from './projections/projection-runner';
import {
  AssessProposalHandler,
  EditProposalHandler,
  SubmitProposalHandler,
  WithdrawProposalHandler,
} from './proposals/commands/proposal-commands';
import { ProposalsController } from './proposals/proposals.controller';
import { ProposalsReadModel } from './proposals/proposals.read-model';
import { READ_MODEL_STORE } from './read-models/read-model.port';
import { ReviewController } from './review/review.controller';
import { BallotsController } from './ballots/ballots.controller';
import { CastBallotHandler } from './ballots/commands/cast-ballot';
import { ResultsController } from './results/results.controller';
import { ResultsPbController } from './results/results-pb.controller';
import { TallyService } from './results/tally.service';
import { SupportsController } from './supports/supports.controller';
import { EventSourcing } from './shared/event-sourcing.service';
import type { Stores } from './stores';

/** Starts the projections once the app is wired, and closes the stores last. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly stores: Stores,
  ) {}

  async onApplicationBootstrap() {
    await this.projections.start();
  }

  async onApplicationShutdown() {
    await this.projections.stop();
    await this.stores.events.close();
    await this.stores.readModels.close();
  }
}

@Global()
@Module({})
export class AppModule {
  static forRoot(config: Config, stores: Stores): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), DiscoveryModule, loggingModule(config)],
      controllers: [
        AuthController,
        RolesController,
        EditionsController,
        ProposalsController,
        ReviewController,
        SupportsController,
        BallotsController,
        ResultsController,
        ResultsPbController,
        AuditController,
        HealthController,
        OpenApiController,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: stores.events },
        { provide: READ_MODEL_STORE, useValue: stores.readModels },
        {
          provide: ProjectionRunner,
          // The signer runs last, once the audit log has taken the event in; rebuilds leave it out.
          useValue: new ProjectionRunner(stores.events, stores.readModels, [
            ...allProjections,
            treeHeadSigner(stores.events, config.auditSigningKey),
          ]),
        },
        { provide: SessionRepository, useValue: new SessionRepository(stores.readModels, config.sessionTtlSeconds) },
        { provide: Metrics, useValue: new Metrics() },
        { provide: DownloadCache, useValue: new DownloadCache(config.downloadCacheBytes) },
        {
          provide: Lifecycle,
          useFactory: (projections: ProjectionRunner) => new Lifecycle(projections, stores),
          inject: [ProjectionRunner],
        },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        EventSourcing,
        OidcService,
        OpenApiService,
        EditionsReadModel,
        ProposalsReadModel,
        DraftEditionHandler,
        AdvancePhaseHandler,
        SubmitProposalHandler,
        EditProposalHandler,
        WithdrawProposalHandler,
        AssessProposalHandler,
        CastBallotHandler,
        TallyService,
        AuditService,
      ],
      exports: [CONFIG, EVENT_STORE, READ_MODEL_STORE, ProjectionRunner, EventSourcing],
    };
  }
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, type Config } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { DownloadCache } from '../http/download-cache';
import { SessionRepository } from '../http/sessions';
import type { Projection } from '../projections/projection';
import { ProjectionRunner, type ProjectorLease } from '../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { Clock } from './clock';
import { EventSourcing } from './event-sourcing.service';

interface KernelStores {
  events: EventStore;
  readModels: ReadModelStore;
}

/** Starts the projections once the app is wired, and closes the stores last. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly stores: KernelStores,
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

/** How long a projector's claim lasts without renewal: how long the others wait after it dies. */
const PROJECTOR_LEASE_MS = 3_000;

/**
 * One instance projects at a time. A replica restarted on the same host and port is the same
 * holder, so it takes its role back at once rather than when its old claim runs out.
 */
function projectorLease(config: Config): ProjectorLease {
  const holder = config.port === 0 ? `${hostname()}:${process.pid}:${randomUUID()}` : `${hostname()}:${config.port}`;
  return { holder, ttlMs: PROJECTOR_LEASE_MS };
}

/**
 * What every feature stands on: configuration, the two stores, the projection runner and
 * the one write path (EventSourcing). Global, as @nestjs/config is, because every feature
 * needs it and its values exist only at start-up; features import each other explicitly.
 */
@Module({})
export class KernelModule {
  static forRoot(config: Config, stores: KernelStores, projections: Projection[]): DynamicModule {
    const runner = new ProjectionRunner(stores.events, stores.readModels, projections, projectorLease(config), {
      waitLimitMs: config.projectionWaitSeconds * 1000,
      // Every event of the current version passed the catalog on append (toEventData).
      trustCurrentVersions: true,
    });
    return {
      module: KernelModule,
      global: true,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: stores.events },
        { provide: READ_MODEL_STORE, useValue: stores.readModels },
        { provide: ProjectionRunner, useValue: runner },
        { provide: Lifecycle, useValue: new Lifecycle(runner, stores) },
        { provide: SessionRepository, useValue: new SessionRepository(stores.readModels, config.sessionTtlSeconds) },
        { provide: DownloadCache, useValue: new DownloadCache(config.downloadCacheBytes) },
        EventSourcing,
        Clock,
      ],
      exports: [
        CONFIG,
        EVENT_STORE,
        READ_MODEL_STORE,
        ProjectionRunner,
        SessionRepository,
        DownloadCache,
        EventSourcing,
        Clock,
      ],
    };
  }
}

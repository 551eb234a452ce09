import { Controller, Get, Inject, Res } from '@nestjs/common';
import { healthResponse } from '@decidimos/contracts';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { Access } from '../http/access';
import { Endpoint } from '../http/endpoint';
import { ProjectionRunner } from '../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { Metrics } from './metrics';

/**
 * How far behind the log the projections may run while the instance still reports ready:
 * casts answer without waiting for them, so in a voting peak the projector runs a few
 * seconds behind, and taking replicas out of service then would only pile their load on
 * the rest. Every command still waits for its own events, and a resident for their ballot.
 */
export const READY_LAG_EVENTS = 5_000;

@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly projections: ProjectionRunner,
    private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  @Access('public')
  @Endpoint({ summary: 'The process is up', tags: ['operations'], response: healthResponse })
  live() {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @Access('public')
  @Endpoint({
    summary:
      'Stores reachable and projections caught up, at most 5,000 events behind the log (503 otherwise, naming any projection stopped on an event)',
    tags: ['operations'],
    response: healthResponse,
    alsoReturns: [503],
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: Record<string, unknown> = {};
    let ok: boolean;
    try {
      const head = await this.events.headPosition();
      await this.projections.refresh();
      const lag = head - this.projections.position;
      this.metrics.projectionLag.set(lag);
      checks['eventStore'] = { head };
      const failed = this.recordFailures();
      checks['projections'] = {
        position: this.projections.position,
        lag,
        stopped: this.projections.error !== null,
        failed,
      };
      ok = lag <= READY_LAG_EVENTS && this.projections.error === null && failed.length === 0;
    } catch (error) {
      checks['eventStore'] = { error: String(error) };
      ok = false;
    }
    try {
      await this.readModels.getCheckpoint('health');
      checks['readModels'] = 'ok';
    } catch (error) {
      checks['readModels'] = { error: String(error) };
      ok = false;
    }
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  @Get('metrics')
  @Access('public')
  @Endpoint({ summary: 'Prometheus metrics', tags: ['operations'], produces: 'text/plain' })
  async prometheus(@Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header('content-type', this.metrics.registry.contentType);
    this.recordFailures();
    return this.metrics.registry.metrics();
  }

  /** The projections stopped on an event, also set in the metrics, so each scrape sees the current set. */
  private recordFailures() {
    const failures = this.projections.failures;
    this.metrics.projectionsFailed.reset();
    for (const failure of failures) this.metrics.projectionsFailed.set({ projection: failure.projection }, 1);
    return failures;
  }
}

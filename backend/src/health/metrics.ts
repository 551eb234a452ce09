import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one backend instance. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'decidimos_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'decidimos_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'decidimos_projection_lag_events',
    help: 'Events in the log not yet applied to the read models',
    registers: [this.registry],
  });

  readonly projectionsFailed = new Gauge({
    name: 'decidimos_projection_failed',
    help: 'Projections stopped on an event (1 each, by name) until a restart or rebuild retries them',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

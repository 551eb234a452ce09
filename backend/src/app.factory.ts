import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Config } from './config/config';
import { Metrics } from './health/metrics';
import { useDepthLimitedJson } from './http/json-body';
import { ProblemFilter } from './http/problem.filter';
import { addSecurityHeaders } from './http/security-headers';
import { registerRateLimits } from './http/rate-limits';
import { REQUEST_ID_HEADER, requestId } from './logging/logging';
import { useNativeSha256 } from './shared/native-sha256';
import { openStores, type Stores } from './stores';

function frontendDir(config: Config): string | null {
  const dir = config.frontendDir ? resolve(config.frontendDir) : join(__dirname, '..', '..', 'frontend', 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** Builds the whole application on the given stores (the embedded SQLite files by default). */
export async function createApplication(config: Config, stores?: Stores): Promise<NestFastifyApplication> {
  useNativeSha256();
  // Receipts (ballot id, a dot, a 64-hex leaf hash) are 101 characters: above find-my-way's default of 100.
  const adapter = new FastifyAdapter({
    bodyLimit: 256 * 1024,
    // X-Forwarded-* (the protocol behind the Secure cookie flag, the client address) only from configured proxies.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    routerOptions: { maxParamLength: 200 },
    genReqId: requestId,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, stores ?? (await openStores(config))),
    adapter,
    // Nest's start-up lines wait for pino, which then takes every `new Logger(context)` call.
    { bufferLogs: true, rawBody: true },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  // The id of the request's log lines, for a resident or a proxy to quote.
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  await app.register(fastifyCookie);
  addSecurityHeaders(fastify);
  useDepthLimitedJson(app);
  await registerRateLimits(app, config);
  // The API speaks JSON only: anything else is a 415, not a string the validators must guess about.
  fastify.removeContentTypeParser('text/plain');

  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const spa = frontendDir(config);
  if (spa) {
    await app.register(fastifyStatic, { root: spa, wildcard: false, maxAge: '1h' });
  }
  // Paths the API does not know: the SPA's own routes get its index page, the rest a 404 problem.
  app.useGlobalFilters(new ProblemFilter(spa ? readFileSync(join(spa, 'index.html'), 'utf8') : null));

  app.enableShutdownHooks();
  return app;
}

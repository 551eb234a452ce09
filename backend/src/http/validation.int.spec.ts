import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, Post, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEditionRequest, editionRulesSchema, proposalListQuery } from '@decidimos/contracts';
import { editionBody } from '../testing/fixtures';
import { Endpoint } from './endpoint';
import { OpenApiService } from './openapi';
import { ProblemFilter } from './problem.filter';
import { ValidBody, ValidQuery, type Parsed } from './validation';

/** Routes that answer with exactly what their handler received, to see what the decorators hand over. */
@Controller('probe')
class ProbeController {
  @Post()
  @HttpCode(200)
  @Endpoint({ summary: 'echo the body', body: createEditionRequest })
  body(@ValidBody() body: Parsed<typeof createEditionRequest>) {
    return body;
  }

  @Get()
  @Endpoint({ summary: 'echo the query', query: proposalListQuery })
  query(@ValidQuery() query: Parsed<typeof proposalListQuery>) {
    return query;
  }
}

@Controller('unread')
class UnreadBodyController {
  @Post()
  @Endpoint({ summary: 'documents a body it never validates', body: createEditionRequest })
  create() {
    return {};
  }
}

@Controller('undocumented')
class UndocumentedQueryController {
  @Get()
  @Endpoint({ summary: 'validates a query it does not document' })
  list(@ValidQuery() query: unknown) {
    return query;
  }
}

async function appWith(controller: Type): Promise<NestFastifyApplication> {
  @Module({ imports: [DiscoveryModule], controllers: [controller], providers: [OpenApiService] })
  class ProbeModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new ProblemFilter(null));
  return app;
}

describe('@ValidBody() and @ValidQuery() read the schemas of the route’s @Endpoint', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await appWith(ProbeController);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const inject = (options: { method: 'GET' | 'POST'; url: string; payload?: object }) =>
    app.getHttpAdapter().getInstance().inject(options);

  it('refuses a bad body with a 400 problem naming each field under body.', async () => {
    const answer = await inject({ method: 'POST', url: '/probe', payload: { title: 'x', districts: [] } });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = answer.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['body.title', 'body.districts']);
  });

  it('refuses a missing body as a whole (path "body")', async () => {
    const answer = await inject({ method: 'POST', url: '/probe' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors.map((e: { path: string }) => e.path)).toEqual(['body']);
  });

  it('refuses a bad query with a 400 problem naming each parameter under query.', async () => {
    const answer = await inject({ method: 'GET', url: '/probe?page=0&pageSize=201&status=lost' });
    expect(answer.statusCode).toBe(400);
    const problem = answer.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      'query.status',
      'query.page',
      'query.pageSize',
    ]);
  });

  it('hands the handler the parsed body, defaults filled in', async () => {
    const { title, districts } = editionBody();
    const answer = await inject({ method: 'POST', url: '/probe', payload: { title, districts } });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      title,
      districts,
      description: '',
      citywidePool: null,
      rules: editionRulesSchema.parse({}),
      calendar: [],
    });
  });

  it('hands the handler the parsed query: numbers coerced, defaults filled in', async () => {
    const answer = await inject({ method: 'GET', url: '/probe?q=parque&page=2' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ q: 'parque', page: 2, pageSize: 50 });
  });
});

describe('a route whose documented body or query is not the one it validates', () => {
  it('stops the application at start-up when a documented body is never read with @ValidBody()', async () => {
    const app = await appWith(UnreadBodyController);
    await expect(app.init()).rejects.toThrow(
      'UnreadBodyController.create documents a body but never reads it with @ValidBody()',
    );
  });

  it('stops the application at start-up when @ValidQuery() has no query schema to read', async () => {
    const app = await appWith(UndocumentedQueryController);
    await expect(app.init()).rejects.toThrow(
      'UndocumentedQueryController.list reads @ValidQuery() but its @Endpoint has no query schema',
    );
  });
});

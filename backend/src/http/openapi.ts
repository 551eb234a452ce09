import { Controller, Get, Injectable, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { problemDetails } from '@decidimos/contracts';
import { z } from 'zod';
import { ACCESS, Access, type Access as AccessLevel } from './access';
import { ENDPOINT, Endpoint, type EndpointDoc } from './endpoint';
import { limitKindOf } from './rate-limits';
import { validatedParts } from './validation';

export interface Operation {
  method: string;
  path: string;
  access: AccessLevel;
  doc: EndpointDoc;
}

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' });
const outputSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any' });
const joinPath = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Walks the registered controllers and builds the OpenAPI document from their metadata,
 * at start-up, so a route that is undocumented, or whose documented body or query is not
 * the one its handler validates, stops the application instead of reaching production.
 */
@Injectable()
export class OpenApiService implements OnApplicationBootstrap {
  private document: object | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    this.build();
  }

  operations(): Operation[] {
    const operations: Operation[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const doc = this.reflector.get<EndpointDoc | undefined>(ENDPOINT, handler);
        if (!doc) throw new Error(`${type.name}.${name} has no @Endpoint: every route is documented`);
        const validated = validatedParts(handler);
        for (const part of ['body', 'query'] as const) {
          const decorator = part === 'body' ? '@ValidBody()' : '@ValidQuery()';
          if (doc[part] && !validated.includes(part))
            throw new Error(`${type.name}.${name} documents a ${part} but never reads it with ${decorator}`);
          if (!doc[part] && validated.includes(part))
            throw new Error(`${type.name}.${name} reads ${decorator} but its @Endpoint has no ${part} schema`);
        }
        operations.push({
          method: RequestMethod[method].toLowerCase(),
          path: joinPath(base, path).replace(/:(\w+)/g, '{$1}'),
          access: this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS, [handler, type]) ?? 'session',
          doc,
        });
      }
    }
    return operations;
  }

  build(): object {
    if (this.document) return this.document;
    const paths: Record<string, Record<string, unknown>> = {};
    for (const { method, path, access, doc } of this.operations()) {
      const parameters = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      if (doc.query) {
        const query = jsonSchema(doc.query) as { properties?: Record<string, object>; required?: string[] };
        for (const [name, schema] of Object.entries(query.properties ?? {})) {
          parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema } as never);
        }
      }
      const success = doc.status ?? 200;
      const responses: Record<string, object> = {};
      const content = doc.response ? { 'application/json': { schema: outputSchema(doc.response) } } : undefined;
      for (const status of [success, ...(doc.alsoReturns ?? [])]) {
        responses[String(status)] = {
          description: status === 302 ? 'Redirect' : status === 304 ? 'Not modified (If-None-Match)' : 'Success',
          ...(content && status < 300 ? { content } : {}),
        };
      }
      const problems = new Set([400, ...(access === 'public' ? [] : [401, 403]), ...(doc.problems ?? [])]);
      if (limitKindOf(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'))) problems.add(429);
      for (const status of problems) {
        responses[String(status)] = {
          description: 'Problem',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
      paths[path] ??= {};
      paths[path][method] = {
        summary: doc.summary,
        tags: doc.tags ?? [],
        ...(access === 'public' ? { security: [] } : {}),
        'x-access': access,
        parameters,
        ...(doc.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.body) } } } }
          : {}),
        responses,
      };
    }
    this.document = {
      openapi: '3.0.3',
      info: {
        title: 'Decidimos Monterrey API',
        version: '1.0.0',
        description:
          'Participatory budgeting with a verifiable public event log. Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        schemas: { Problem: outputSchema(problemDetails) },
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'decidimos_session' } },
      },
      security: [{ session: [] }],
      paths,
    };
    return this.document;
  }
}

@Controller('api/docs')
export class OpenApiController {
  constructor(private readonly openApi: OpenApiService) {}

  @Get()
  @Access('public')
  @Endpoint({ summary: 'This OpenAPI document, generated from the controllers', tags: ['operations'] })
  document() {
    return this.openApi.build();
  }
}

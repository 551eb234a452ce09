import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

/**
 * What a route accepts and returns, read by the OpenAPI generator (openapi.ts) from the
 * controllers themselves, so the published document cannot drift from the code.
 */
export interface EndpointDoc {
  summary: string;
  tags?: string[];
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  /** Other success statuses, e.g. 200 for a revote beside 201. */
  alsoReturns?: number[];
  /** Problem statuses worth documenting besides 400/401/403. */
  problems?: number[];
  /** Non-JSON responses (redirects, JSON Lines, pabulib text). */
  produces?: string;
}

export const ENDPOINT = 'decidimos:endpoint';
export const Endpoint = (doc: EndpointDoc) => SetMetadata(ENDPOINT, doc);

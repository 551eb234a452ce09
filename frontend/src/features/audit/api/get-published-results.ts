import { api } from '../../../lib/api-client';

/**
 * The results document exactly as published, unparsed: the verifier compares it with its own
 * re-count, so the SPA must not reshape it first.
 */
export function getPublishedResults(editionId: string): Promise<unknown> {
  return api.get<unknown>(`/api/processes/${encodeURIComponent(editionId)}/results`);
}

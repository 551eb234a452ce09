import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The resident's current ballot in an edition (API.md: GET /api/processes/:id/ballot). */
export interface MyBallot {
  selections: string[];
  receipt: string;
  castAt: string;
  channel: 'online' | 'assisted';
  /** The booth of an assisted ballot, and its name. */
  booth: string | null;
  boothName: string | null;
  /** What this ballot replaced, if it replaced one: the resident is told. */
  replaced: { channel: 'online' | 'assisted'; booth: string | null } | null;
}

/** The ballot, or null when the resident has not voted yet (404). */
export async function getMyBallot(editionId: string): Promise<MyBallot | null> {
  try {
    return await api.get<MyBallot>(`/api/processes/${encodeURIComponent(editionId)}/ballot`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const myBallotQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.ballot(editionId), queryFn: () => getMyBallot(editionId) });

export function useMyBallot(editionId: string, enabled = true) {
  return useQuery({ ...myBallotQueryOptions(editionId), enabled });
}

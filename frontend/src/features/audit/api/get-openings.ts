import { ApiError, api } from '../../../lib/api-client';

export const openingsPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/openings`;

/**
 * The openings of the counted ballots as JSON Lines, once voting has closed; null while the
 * ballots are still sealed (the route answers 409 BALLOTS_SEALED until then).
 */
export async function getOpenings(editionId: string): Promise<string | null> {
  try {
    return await api.get<string>(openingsPath(editionId), { accept: 'text' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return null;
    throw error;
  }
}

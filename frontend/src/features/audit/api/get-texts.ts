import { api } from '../../../lib/api-client';

export const textsPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/texts`;

/** The proposals' texts (or their redaction markers) as JSON Lines, checked against the commitments in the log. */
export function getTexts(editionId: string): Promise<string> {
  return api.get<string>(textsPath(editionId), { accept: 'text' });
}

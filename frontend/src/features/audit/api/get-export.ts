import { api } from '../../../lib/api-client';

export const exportPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/audit/export`;

/** The edition's public log as JSON Lines, one event per line, in log order. */
export function getExport(editionId: string): Promise<string> {
  return api.get<string>(exportPath(editionId), { accept: 'text' });
}

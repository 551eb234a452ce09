import { queryOptions, useQuery } from '@tanstack/react-query';
import { resultsView, type ResultsView } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const resultsPath = (editionId: string) => `/api/processes/${encodeURIComponent(editionId)}/results`;

export async function getResults(editionId: string): Promise<ResultsView> {
  return resultsView.parse(await api.get(resultsPath(editionId)));
}

export const resultsQueryOptions = (editionId: string) =>
  queryOptions({ queryKey: queryKeys.results(editionId), queryFn: () => getResults(editionId) });

/** Asks only once the edition is in a phase that publishes results; before that the answer is a known 409. */
export function useResults(editionId: string, enabled: boolean) {
  return useQuery({ ...resultsQueryOptions(editionId), enabled });
}

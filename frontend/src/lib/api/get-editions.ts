import { UNDER_WAY_PHASES } from '@decidimos/contracts/editions/phases';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EditionView } from '@decidimos/contracts/api/schemas';
import { api } from '../api-client';
import { queryKeys } from '../query-keys';

export async function getEditions(): Promise<EditionView[]> {
  return (await api.get<{ items: EditionView[] }>('/api/processes')).items;
}

export const editionsQueryOptions = () => queryOptions({ queryKey: queryKeys.editions, queryFn: getEditions });

export function useEditions() {
  return useQuery(editionsQueryOptions());
}

/** The edition residents care about now: the newest one under way, else the newest of all (as /api/me does). */
export function currentEdition(editions: EditionView[]): EditionView | undefined {
  const newestFirst = [...editions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newestFirst.find((e) => UNDER_WAY_PHASES.includes(e.phase)) ?? newestFirst[0];
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@decidimos/contracts/api/schemas';
import { ApiError, api, setCsrfToken } from '../api-client';
import { queryKeys } from '../query-keys';

/** The logged-in person, or null when nobody is logged in (401). */
export async function getMe(): Promise<MeResponse | null> {
  try {
    const me = await api.get<MeResponse>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}

export function hasRole(me: MeResponse | null | undefined, role: string): boolean {
  return Boolean(me?.roles.includes(role));
}

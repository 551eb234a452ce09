import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DisplayNameRequest, MeResponse } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function setPublicName(body: DisplayNameRequest): Promise<{ publicDisplayName: string | null }> {
  return api.put('/api/me/display-name', body);
}

/** Deletes the name on the server; proposals show an anonymous author from then on. */
export function erasePublicName(): Promise<void> {
  return api.delete('/api/me/display-name');
}

/** After either change, me and every proposal shown carry the name as it is now. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (publicDisplayName: string | null) => {
    queryClient.setQueryData<MeResponse | null>(queryKeys.me, (me) => (me ? { ...me, publicDisplayName } : me));
    return queryClient.invalidateQueries({ queryKey: queryKeys.proposals });
  };
}

export function useSetPublicName() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: setPublicName,
    onSuccess: ({ publicDisplayName }) => afterChange(publicDisplayName),
  });
}

export function useErasePublicName() {
  const afterChange = useAfterChange();
  return useMutation({ mutationFn: erasePublicName, onSuccess: () => afterChange(null) });
}

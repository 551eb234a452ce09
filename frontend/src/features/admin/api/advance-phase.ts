import { useMutation, useQueryClient } from '@tanstack/react-query';
import { editionView, type EditionView } from '@decidimos/contracts/api/schemas';
import type { Phase } from '@decidimos/contracts/editions/edition';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function advancePhase({ editionId, to }: { editionId: string; to: Phase }): Promise<EditionView> {
  return editionView.parse(await api.post(`/api/processes/${encodeURIComponent(editionId)}/phase`, { to }));
}

/** A phase change changes what every journey shows: the edition, its proposals' statuses, the results. */
export function useAdvancePhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: advancePhase,
    onSuccess: async (edition) => {
      queryClient.setQueryData(queryKeys.edition(edition.id), edition);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.editions }),
        queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
        queryClient.invalidateQueries({ queryKey: queryKeys.results(edition.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.me }),
      ]);
    },
  });
}

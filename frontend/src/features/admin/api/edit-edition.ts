import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EditEditionRequest } from '@decidimos/contracts/api/edition-editing';
import { editionView, type EditionView } from '@decidimos/contracts/api/schemas';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export async function editEdition({
  editionId,
  changes,
  idempotencyKey,
}: {
  editionId: string;
  changes: EditEditionRequest;
  idempotencyKey: string;
}): Promise<EditionView> {
  return editionView.parse(
    await api.patch(`/api/processes/${encodeURIComponent(editionId)}`, changes, { idempotencyKey }),
  );
}

/** An edit changes the edition everywhere it shows: its page, the lists, the calendar. */
export function useEditEdition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editEdition,
    onSuccess: async (edition) => {
      queryClient.setQueryData(queryKeys.edition(edition.id), edition);
      await queryClient.invalidateQueries({ queryKey: queryKeys.editions });
    },
  });
}

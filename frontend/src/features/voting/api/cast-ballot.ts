import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface CastBallotResponse {
  receipt: string;
  ballotId: string;
  leafHash: string;
}

export interface CastBallotInput {
  editionId: string;
  selections: string[];
  /** Kept with the draft, so a retry after a dropped connection cannot record a second ballot. */
  idempotencyKey: string;
}

export function castBallot({ editionId, selections, idempotencyKey }: CastBallotInput): Promise<CastBallotResponse> {
  return api.post<CastBallotResponse>(
    `/api/processes/${encodeURIComponent(editionId)}/ballot`,
    { selections },
    { idempotencyKey },
  );
}

export function useCastBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: castBallot,
    onSuccess: (_answer, { editionId }) => queryClient.invalidateQueries({ queryKey: queryKeys.ballot(editionId) }),
  });
}

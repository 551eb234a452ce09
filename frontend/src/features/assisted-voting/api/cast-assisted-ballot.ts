import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ballotReceipt } from '@decidimos/contracts/api/schemas';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AssistedReceipt = z.infer<typeof ballotReceipt>;

export interface AssistedBallotInput {
  editionId: string;
  credential: { curp: string; birthdate: string; district: string };
  selections: string[];
  /** One per resident served, so a retry after a dropped connection records one ballot. */
  idempotencyKey: string;
}

export async function castAssistedBallot({ editionId, credential, selections, idempotencyKey }: AssistedBallotInput) {
  const path = `/api/processes/${encodeURIComponent(editionId)}/assisted-ballots`;
  return ballotReceipt.parse(await api.post(path, { credential, selections }, { idempotencyKey }));
}

export function useCastAssistedBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: castAssistedBallot,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
  });
}

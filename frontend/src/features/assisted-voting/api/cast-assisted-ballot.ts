import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ballotReceipt } from '@decidimos/contracts/api/schemas';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AssistedReceipt = z.infer<typeof ballotReceipt>;

export interface AssistedBallotInput {
  editionId: string;
  booth: string;
  credential: {
    curp: string;
    birthdate: string;
    sex?: 'H' | 'M' | 'X';
    residenceProof?: 'ine-address' | 'utility-bill';
  };
  selections: string[];
  /** The officer confirmed, with the person present, that this ballot replaces the one recorded. */
  confirmReplace: boolean;
  /** One per resident served, so a retry after a dropped connection records one ballot. */
  idempotencyKey: string;
}

export async function castAssistedBallot(input: AssistedBallotInput) {
  const { editionId, booth, credential, selections, confirmReplace, idempotencyKey } = input;
  const path = `/api/processes/${encodeURIComponent(editionId)}/assisted-ballots`;
  const body = { booth, credential, selections, ...(confirmReplace ? { confirmReplace } : {}) };
  // The confirmed repeat is a different request: it must not be answered with the refusal stored under the first key.
  return ballotReceipt.parse(
    await api.post(path, body, { idempotencyKey: confirmReplace ? `${idempotencyKey}-confirmed` : idempotencyKey }),
  );
}

export function useCastAssistedBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: castAssistedBallot,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.proposals }),
  });
}

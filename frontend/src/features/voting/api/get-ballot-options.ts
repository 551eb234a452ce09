import { useProposals } from '../../../lib/api/get-proposals';
import type { BallotOption } from '../../../lib/ballot';

/** The most proposals one district's ballot lists (the API's largest page). */
const BALLOT_PAGE_SIZE = 200;

/** The proposals on the ballot of `district`, with their final costs. */
export function useBallotOptions(editionId: string, district: string | null) {
  const query = useProposals(
    editionId,
    { district: district ?? undefined, status: 'on-ballot', pageSize: BALLOT_PAGE_SIZE },
    district !== null,
  );
  const options: BallotOption[] = (query.data?.items ?? []).map((p) => ({ id: p.id, title: p.title, cost: p.cost }));
  return { ...query, options };
}

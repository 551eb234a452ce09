import type { CountedBallot } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import { ballotStreamPrefix } from './streams';
import { decodeEvent } from '../shared/event-envelope';

const PAGE = 5_000;

/**
 * The ballots that count: for each voter, the last ballot recorded before the event that
 * closed voting. Read from the log itself, as an auditor would, not from a projection.
 */
export async function finalBallots(
  store: EventStore,
  editionId: string,
  votingClosedAt: number,
): Promise<CountedBallot[]> {
  const latest = new Map<string, CountedBallot>();
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE, streamPrefixes: [ballotStreamPrefix(editionId)] });
    for (const recorded of page) {
      if (recorded.position > votingClosedAt) return [...latest.values()];
      const event = decodeEvent(recorded);
      if (event.type === 'BallotCast')
        latest.set(event.streamId, { district: event.data.district, selections: event.data.selections });
    }
    if (page.length < PAGE) return [...latest.values()];
    after = page[page.length - 1]!.position;
  }
}

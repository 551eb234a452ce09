import type { CountedBallot, Opening } from '@decidimos/contracts';
import type { EventStore } from '../event-store/event-store.port';
import { ballotStreamPrefix } from './streams';
import { decodeEvent, type StoredEvent } from '../shared/event-envelope';

const PAGE = 5_000;

type StoredBallot = Extract<StoredEvent, { type: 'BallotCast' }>;

/**
 * The ballots that count: for each voter, the last ballot recorded before the event that
 * closed voting. Read from the log itself, as an auditor would, not from a projection.
 */
export function finalBallots(store: EventStore, editionId: string, votingClosedAt: number): Promise<CountedBallot[]> {
  return lastBallots(store, editionId, votingClosedAt, (ballot) => ({
    district: ballot.data.district,
    selections: ballot.data.sealed.selections,
  }));
}

/**
 * The openings of the ballots that count, in the order their voters first voted: what
 * each one's public commitment hides. Superseded ballots are never opened.
 */
export function finalOpenings(store: EventStore, editionId: string, votingClosedAt: number): Promise<Opening[]> {
  return lastBallots(store, editionId, votingClosedAt, (ballot) => ({
    ballotId: ballot.id,
    selections: ballot.data.sealed.selections,
    salt: ballot.data.sealed.salt,
  }));
}

async function lastBallots<T>(
  store: EventStore,
  editionId: string,
  votingClosedAt: number,
  keep: (ballot: StoredBallot) => T,
): Promise<T[]> {
  const latest = new Map<string, T>();
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE, streamPrefixes: [ballotStreamPrefix(editionId)] });
    for (const recorded of page) {
      if (recorded.position > votingClosedAt) return [...latest.values()];
      const event = decodeEvent(recorded);
      // The prefix of edition `pp` also matches the streams of an edition `pp-2`.
      if (event.type === 'BallotCast' && event.data.editionId === editionId) latest.set(event.streamId, keep(event));
    }
    if (page.length < PAGE) return [...latest.values()];
    after = page[page.length - 1]!.position;
  }
}

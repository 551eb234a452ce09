/**
 * Assisted ballots and supports per booth and hour, from the public export alone, so anyone
 * can spot a booth that recorded more of them in an hour than people could have come there
 * (an officer typing CURPs from a list). Every assisted ballot is counted, replaced ones too,
 * and every assisted support, withdrawn ones too: stuffing shows up in what was recorded,
 * not only in what counted.
 */

/** Assisted ballots (or supports) in one hour at one booth above which a row is flagged, unless the reader sets another. */
export const DEFAULT_BOOTH_HOURLY_LIMIT = 60;

export interface BoothHour {
  booth: string;
  /** The hour, as `YYYY-MM-DDTHH:00:00.000Z`. */
  hour: string;
  ballots: number;
  supports: number;
  /** Ballots or supports above the limit. */
  flagged: boolean;
}

interface PublicBallotEvent {
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
}

/** Rows by booth, then hour; only booth-hours with at least one assisted ballot. */
export function boothActivity(
  events: Iterable<PublicBallotEvent>,
  limit: number = DEFAULT_BOOTH_HOURLY_LIMIT,
): BoothHour[] {
  const counts = new Map<string, Map<string, { ballots: number; supports: number }>>();
  for (const event of events) {
    const kind = event.type === 'BallotCast' ? 'ballots' : event.type === 'SupportGiven' ? 'supports' : null;
    if (kind === null || event.data['channel'] !== 'assisted') continue;
    const booth = event.data['booth'];
    if (typeof booth !== 'string') continue;
    const hour = `${event.recordedAt.slice(0, 13)}:00:00.000Z`;
    const hours = counts.get(booth) ?? new Map<string, { ballots: number; supports: number }>();
    const count = hours.get(hour) ?? { ballots: 0, supports: 0 };
    count[kind]++;
    counts.set(booth, hours.set(hour, count));
  }
  const rows: BoothHour[] = [];
  for (const booth of [...counts.keys()].sort()) {
    const hours = counts.get(booth)!;
    for (const hour of [...hours.keys()].sort()) {
      const { ballots, supports } = hours.get(hour)!;
      rows.push({ booth, hour, ballots, supports, flagged: ballots > limit || supports > limit });
    }
  }
  return rows;
}

/**
 * Assisted ballots per booth and hour, from the public export alone, so anyone can spot a
 * booth that recorded more ballots in an hour than people could have voted there (an
 * officer typing CURPs from a list). Every assisted ballot is counted, replaced ones too:
 * stuffing shows up in what was recorded, not only in what counted.
 */

/** Assisted ballots in one hour at one booth above which a row is flagged, unless the reader sets another. */
export const DEFAULT_BOOTH_HOURLY_LIMIT = 60;

export interface BoothHour {
  booth: string;
  /** The hour, as `YYYY-MM-DDTHH:00:00.000Z`. */
  hour: string;
  ballots: number;
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
  const counts = new Map<string, Map<string, number>>();
  for (const event of events) {
    if (event.type !== 'BallotCast' || event.data['channel'] !== 'assisted') continue;
    const booth = event.data['booth'];
    if (typeof booth !== 'string') continue;
    const hour = `${event.recordedAt.slice(0, 13)}:00:00.000Z`;
    const hours = counts.get(booth) ?? new Map<string, number>();
    counts.set(booth, hours.set(hour, (hours.get(hour) ?? 0) + 1));
  }
  const rows: BoothHour[] = [];
  for (const booth of [...counts.keys()].sort()) {
    const hours = counts.get(booth)!;
    for (const hour of [...hours.keys()].sort()) {
      const ballots = hours.get(hour)!;
      rows.push({ booth, hour, ballots, flagged: ballots > limit });
    }
  }
  return rows;
}

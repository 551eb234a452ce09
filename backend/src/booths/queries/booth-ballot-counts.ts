import { Query } from '@nestjs/cqrs';

/**
 * Per booth of an edition, the assisted ballots that counted. Declared here, answered by
 * the ballots feature (which comes after booths), so booths never imports ballots.
 */
export class BoothBallotCounts extends Query<Record<string, number>> {
  constructor(readonly editionId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { BallotEntry } from '@decidimos/contracts';
import type { Edition } from '../domain/edition.decider';

/**
 * What opening voting asks of the proposals feature: per district, the proposals that
 * reach the ballot. Declared here and answered there, so editions never imports proposals.
 */
export class BallotCandidates extends Query<Record<string, BallotEntry[]>> {
  constructor(readonly edition: Edition) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/**
 * Count an edition once voting has closed, and record the tally (RecordTally). Declared
 * here because closing voting and publishing results need it; the results feature
 * handles it, so editions never imports results. Does nothing when already counted.
 */
export class CountVotes extends Command<void> {
  constructor(readonly editionId: string) {
    super();
  }
}

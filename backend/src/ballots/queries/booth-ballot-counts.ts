import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BoothBallotCounts } from '../../booths/public-api';
import { BallotsReadModel } from '../ballots.read-model';

@QueryHandler(BoothBallotCounts)
export class BoothBallotCountsHandler implements IQueryHandler<BoothBallotCounts> {
  constructor(private readonly ballots: BallotsReadModel) {}

  async execute({ editionId }: BoothBallotCounts): Promise<Record<string, number>> {
    return (await this.ballots.channels(editionId)).booths;
  }
}

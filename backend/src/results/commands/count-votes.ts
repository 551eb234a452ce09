import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { tallyEdition } from '@decidimos/contracts';
import { AuditService } from '../../audit/public-api';
import { finalBallots } from '../../ballots/public-api';
import { CountVotes, EditionLoader, RecordTally } from '../../editions/public-api';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';

/** Counts an edition once voting has closed and has the tally recorded, naming the tree head it counted. */
@CommandHandler(CountVotes)
export class CountVotesHandler implements ICommandHandler<CountVotes> {
  constructor(
    private readonly commands: CommandBus,
    private readonly editions: EditionLoader,
    private readonly audit: AuditService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ editionId }: CountVotes): Promise<void> {
    const edition = await this.editions.load(editionId);
    if (edition.tallied || edition.votingClosedAt === null) return;
    const ballots = await finalBallots(this.events, editionId, edition.votingClosedAt);
    const districts = tallyEdition(
      {
        districts: edition.districts,
        citywidePool: edition.citywidePool,
        rules: edition.rules,
        ballot: edition.ballot ?? {},
      },
      ballots,
    );
    const treeHead = await this.audit.headAtVotingClose(editionId);
    await this.commands.execute(new RecordTally(editionId, ballots.length, districts, treeHead));
  }
}

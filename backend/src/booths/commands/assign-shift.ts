import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CONFIG, type Config } from '../../config/config';
import { EditionLoader } from '../../editions/public-api';
import { grantedRoles, staffPseudonym } from '../../identity/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../../read-models/read-model.port';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { BoothLoader } from '../booth-loader';
import { boothDecider } from '../domain/booth.decider';
import { boothStream } from '../streams';

/** An admin lets a poll officer (by iD subject) record at a booth in a window within its hours. */
export class AssignShift extends Command<void> {
  constructor(
    readonly boothId: string,
    readonly subject: string,
    readonly from: string,
    readonly to: string,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(AssignShift)
export class AssignShiftHandler implements ICommandHandler<AssignShift> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
    private readonly booths: BoothLoader,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async execute({ boothId, subject, from, to, by }: AssignShift): Promise<void> {
    const booth = await this.booths.load(boothId);
    const edition = await this.editions.load(booth.editionId);
    // The log records the officer's staff pseudonym, never the iD subject.
    const officer = staffPseudonym(this.config.voterKey, subject);
    const isPollOfficer = (await grantedRoles(this.readModels, officer)).includes('poll-officer');
    await this.es.execute(boothStream(boothId), boothDecider, {
      type: 'AssignShift',
      edition,
      officer,
      isPollOfficer,
      from,
      to,
      by,
    });
  }
}

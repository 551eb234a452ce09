import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { defineBoothRequest } from '@decidimos/contracts';
import type { Parsed } from '../../http/validation';
import { EditionLoader } from '../../editions/public-api';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { boothDecider } from '../domain/booth.decider';
import { boothStream } from '../streams';

/** An admin defines a voting booth of an edition; answers its id. */
export class DefineBooth extends Command<{ id: string }> {
  constructor(
    readonly editionId: string,
    readonly booth: Parsed<typeof defineBoothRequest>,
    readonly by: string,
  ) {
    super();
  }
}

@CommandHandler(DefineBooth)
export class DefineBoothHandler implements ICommandHandler<DefineBooth> {
  constructor(
    private readonly es: EventSourcing,
    private readonly editions: EditionLoader,
  ) {}

  async execute({ editionId, booth, by }: DefineBooth): Promise<{ id: string }> {
    const edition = await this.editions.load(editionId);
    const boothId = randomUUID();
    await this.es.execute(boothStream(boothId), boothDecider, { type: 'DefineBooth', edition, boothId, ...booth, by });
    return { id: boothId };
  }
}

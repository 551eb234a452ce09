import { Injectable } from '@nestjs/common';
import { DomainError } from '../shared/domain-error';
import { EventSourcing } from '../shared/event-sourcing.service';
import { editionDecider, type Edition } from './domain/edition.decider';
import { editionStream } from './streams';

/** An edition's state as its stream holds it, for commands to decide against; the one place that answers 404 for it. */
@Injectable()
export class EditionLoader {
  constructor(private readonly es: EventSourcing) {}

  async load(editionId: string): Promise<Edition> {
    const edition = await this.es.load(editionStream(editionId), editionDecider);
    if (edition.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: editionId });
    return edition;
  }
}

import { Injectable } from '@nestjs/common';
import { DomainError } from '../shared/domain-error';
import { EventSourcing } from '../shared/event-sourcing.service';
import { boothDecider, type Booth } from './domain/booth.decider';
import { boothStream } from './streams';

/** A booth as its stream holds it, for commands to decide against; 404 for a missing one or one of another edition. */
@Injectable()
export class BoothLoader {
  constructor(private readonly es: EventSourcing) {}

  async load(boothId: string, editionId?: string): Promise<Booth> {
    const booth = await this.es.load(boothStream(boothId), boothDecider);
    if (booth.status === 'absent' || (editionId !== undefined && booth.editionId !== editionId)) {
      throw new DomainError('NOT_FOUND', { what: 'booth', id: boothId });
    }
    return booth;
  }
}

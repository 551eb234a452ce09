import { Injectable } from '@nestjs/common';
import type { FoldedStream } from '../shared/command-handling';
import { DomainError } from '../shared/domain-error';
import { EventSourcing } from '../shared/event-sourcing.service';
import { editionDecider, type Edition, type EditionState } from './domain/edition.decider';
import { editionStream } from './streams';

/** An edition's state as its stream holds it, for commands to decide against; the one place that answers 404 for it. */
@Injectable()
export class EditionLoader {
  /**
   * Each edition's state as last folded, with the revision it was folded to. Every cast
   * loads its edition twice (to decide, and to learn whether voting closed meanwhile), so
   * a load reads only the events recorded since (almost always none) instead of the whole
   * stream. One entry per existing edition, and a stream only grows, so it cannot go stale.
   */
  private readonly folded = new Map<string, FoldedStream<EditionState>>();

  constructor(private readonly es: EventSourcing) {}

  async load(editionId: string): Promise<Edition> {
    const known = this.folded.get(editionId);
    const now = await this.es.catchUp(editionStream(editionId), editionDecider, known);
    if (now.state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: editionId });
    // Loads run concurrently: keep whichever has folded the furthest.
    if (now.revision > (this.folded.get(editionId)?.revision ?? -1)) this.folded.set(editionId, now);
    return now.state;
  }
}

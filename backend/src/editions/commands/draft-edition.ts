import { randomBytes } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { createEditionRequest } from '@decidimos/contracts';
import type { z } from 'zod';
import { EventSourcing } from '../../shared/event-sourcing.service';
import { editionDecider } from '../domain/edition.decider';
import { editionStream } from '../streams';

/** A readable id from the title ("presupuesto-participativo-2027-3f9a"), unique by its random tail. */
export function editionIdFrom(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
    .replace(/-$/, '');
  return `${slug || 'edicion'}-${randomBytes(2).toString('hex')}`;
}

export class DraftEdition extends Command<{ id: string }> {
  constructor(
    readonly edition: z.infer<typeof createEditionRequest>,
    readonly by: string,
    readonly idempotencyKey?: string,
    readonly editionId: string = editionIdFrom(edition.title),
  ) {
    super();
  }
}

@CommandHandler(DraftEdition)
export class DraftEditionHandler implements ICommandHandler<DraftEdition> {
  constructor(private readonly es: EventSourcing) {}

  async execute({ edition, by, editionId, idempotencyKey }: DraftEdition) {
    await this.es.execute(
      editionStream(editionId),
      editionDecider,
      { type: 'DraftEdition', editionId, ...edition, by },
      idempotencyKey ? { idempotencyKey } : {},
    );
    return { id: editionId };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { ModerationQueue } from '@decidimos/contracts';
import { ProposalsReadModel } from '../proposals/public-api';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { MODERATION_QUEUE, type ModerationQueueDoc } from './moderation.projection';
import { ReportDetails } from './report-details';

@Injectable()
export class ModerationReadModel {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly proposals: ProposalsReadModel,
    private readonly details: ReportDetails,
  ) {}

  /** Proposals with open reports, and hidden ones, longest waiting first, each with its open reports. */
  async queue(editionId: string): Promise<ModerationQueue> {
    const page = await this.store.collection<ModerationQueueDoc>(MODERATION_QUEUE).find({
      filter: { editionId, open: true },
      sort: [{ field: 'since', direction: 'asc' }],
      limit: 1000,
    });
    const docs = await Promise.all(page.items.map((item) => this.proposals.require(item.id)));
    const views = await this.proposals.views(docs);
    const details = await this.details.of(page.items.flatMap((item) => item.reports.map((r) => r.id)));
    return {
      items: page.items.map((item, i) => ({
        proposal: views[i]!,
        reports: item.reports.map((r) => ({ ...r, details: details.get(r.id) ?? null })),
      })),
      total: page.total,
    };
  }
}

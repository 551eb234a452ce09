import { Inject, Injectable } from '@nestjs/common';
import type { ProposalView, ProposalStatus } from '@decidimos/contracts';
import { READ_MODEL_STORE, type Filter, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { PROPOSALS, type ProposalDoc } from './proposals.projection';

export function toProposalView(doc: ProposalDoc): ProposalView {
  const { author: _author, assessed: _assessed, ...view } = doc;
  return view;
}

@Injectable()
export class ProposalsReadModel {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  private get proposals() {
    return this.store.collection<ProposalDoc>(PROPOSALS);
  }

  async require(id: string): Promise<ProposalDoc> {
    const doc = await this.proposals.get(id);
    if (!doc) throw new DomainError('NOT_FOUND', { what: 'proposal', id });
    return doc;
  }

  async list(
    editionId: string,
    query: {
      district?: string | undefined;
      status?: ProposalStatus | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const filter: Filter = { editionId };
    if (query.district) filter['district'] = query.district;
    if (query.status) filter['status'] = query.status;
    const page = await this.proposals.find({
      filter,
      ...(query.q ? { search: { fields: ['title', 'description', 'category', 'location'], text: query.q } } : {}),
      sort: [{ field: 'submittedAt', direction: 'asc' }],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: page.items.map(toProposalView), total: page.total, page: query.page, pageSize: query.pageSize };
  }

  /** Proposals an author has in an edition and has not withdrawn (for the per-resident limit). */
  async countByAuthor(editionId: string, author: string): Promise<number> {
    const all = await this.proposals.count({ editionId, author });
    const withdrawn = await this.proposals.count({ editionId, author, status: 'withdrawn' });
    return all - withdrawn;
  }

  async reviewQueue(editionId: string, district?: string) {
    const filter: Filter = { editionId, status: 'submitted' };
    if (district) filter['district'] = district;
    const page = await this.proposals.find({ filter, sort: [{ field: 'submittedAt', direction: 'asc' }], limit: 1000 });
    return { items: page.items.map(toProposalView), total: page.total };
  }
}

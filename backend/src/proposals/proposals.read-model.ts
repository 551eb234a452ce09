import { Inject, Injectable } from '@nestjs/common';
import type { ProposalView, ProposalStatus, ProposalTextField, TextLine } from '@decidimos/contracts';
import { CONFIG, type Config } from '../config/config';
import type { Caller } from '../http/access';
import { Profiles, pseudonym } from '../identity/public-api';
import { READ_MODEL_STORE, type Filter, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { textLine, textsByCommitment } from './proposal-texts';
import { authorProposalsStream } from './streams';
import { PROPOSAL_CATEGORIES, PROPOSALS, type ProposalCategoriesDoc, type ProposalDoc } from './proposals.projection';

@Injectable()
export class ProposalsReadModel {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly profiles: Profiles,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * The public views of these proposals for this caller: each author's display name as
   * the profile holds it now (erased means anonymous at once), and whether the caller
   * wrote it, told by their author pseudonym, never by a name.
   */
  async views(docs: ProposalDoc[], caller?: Caller): Promise<ProposalView[]> {
    const names = await this.profiles.authorNames(docs.map((doc) => doc.id));
    const curp = caller?.session.curp;
    return docs.map(({ author, assessed: _assessed, hidden: _hidden, textVersions: _versions, ...view }) => ({
      ...view,
      authorDisplayName: names.get(view.id) ?? null,
      mine: Boolean(curp) && author === pseudonym(this.config.voterKey, 'author', view.editionId, curp!),
    }));
  }

  async view(id: string, caller?: Caller): Promise<ProposalView> {
    const [view] = await this.views([await this.require(id)], caller);
    return view!;
  }

  private get proposals() {
    return this.store.collection<ProposalDoc>(PROPOSALS);
  }

  async require(id: string): Promise<ProposalDoc> {
    const doc = await this.proposals.get(id);
    if (!doc) throw new DomainError('NOT_FOUND', { what: 'proposal', id });
    return doc;
  }

  async list(
    caller: Caller | undefined,
    editionId: string,
    query: {
      district?: string | undefined;
      status?: ProposalStatus | undefined;
      category?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    // A hidden proposal leaves every list; its own page still says why.
    const filter: Filter = { editionId, hidden: false };
    if (query.district) filter['district'] = query.district;
    if (query.status) filter['status'] = query.status;
    if (query.category) filter['category'] = query.category;
    const page = await this.proposals.find({
      filter,
      ...(query.q ? { search: { fields: ['title', 'description', 'category', 'location'], text: query.q } } : {}),
      sort: [{ field: 'submittedAt', direction: 'asc' }],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return {
      items: await this.views(page.items, caller),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      categories: await this.categories(editionId),
    };
  }

  /** Every category the edition's proposals carry, in Spanish alphabetical order. */
  async categories(editionId: string): Promise<string[]> {
    const doc = await this.store.collection<ProposalCategoriesDoc>(PROPOSAL_CATEGORIES).get(editionId);
    return (doc?.counts ?? []).map((c) => c.category).sort((a, b) => a.localeCompare(b, 'es'));
  }

  /** Every proposal of the edition assessed feasible, by id. */
  async feasible(editionId: string): Promise<ProposalDoc[]> {
    const page = await this.proposals.find({
      // A proposal hidden when voting opens stays off the ballot (verify expects exactly that).
      filter: { editionId, status: 'feasible', hidden: false },
      sort: [{ field: 'id', direction: 'asc' }],
      limit: 100_000,
    });
    return page.items;
  }

  /** The proposal's edition and its author's stream, which only the read model joins to the proposal id. */
  async authorStream(proposalId: string): Promise<{ editionId: string; stream: string }> {
    const { editionId, author } = await this.require(proposalId);
    return { editionId, stream: authorProposalsStream(editionId, author) };
  }

  /** Every text commitment of the edition's proposals with its text (or redaction), in log order: texts.jsonl. */
  async textLines(editionId: string): Promise<TextLine[]> {
    const page = await this.proposals.find({ filter: { editionId }, limit: 100_000 });
    const versions = page.items.flatMap((doc) => doc.textVersions).sort((a, b) => a.position - b.position);
    const texts = await textsByCommitment(
      this.store,
      versions.map((v) => v.commitment),
    );
    return versions.flatMap((version) => {
      const doc = texts.get(version.commitment);
      return doc ? [textLine(doc, version.event)] : [];
    });
  }

  /**
   * The texts of the proposal that hold something a moderator could erase now: some version
   * not erased yet (an earlier version, edited away, is still published in texts.jsonl).
   */
  async redactableFields(doc: ProposalDoc): Promise<ProposalTextField[]> {
    const texts = await textsByCommitment(
      this.store,
      doc.textVersions.map((v) => v.commitment),
    );
    const fields = doc.textVersions.filter((v) => texts.get(v.commitment)?.text != null).map((v) => v.field);
    return [...new Set(fields)];
  }

  async reviewQueue(editionId: string, district?: string) {
    const filter: Filter = { editionId, status: 'submitted' };
    if (district) filter['district'] = district;
    const page = await this.proposals.find({ filter, sort: [{ field: 'submittedAt', direction: 'asc' }], limit: 1000 });
    return { items: await this.views(page.items), total: page.total };
  }
}

import type { ProposalStatus, ProposalView } from '@decidimos/contracts';
import type { Projection } from '../projections/projection';
import type { StoredEvent } from '../shared/event-envelope';

/**
 * The public view plus what only the backend needs (the author's pseudonym), less what
 * each answer adds: the author's display name, read from their profile, and `mine`.
 */
export interface ProposalDoc extends Omit<ProposalView, 'authorDisplayName' | 'mine'> {
  author: string;
  /** Whether an assessment was recorded; the status says which verdict. Not in the public view. */
  assessed: boolean;
}

export const PROPOSALS = 'proposals';

/**
 * How many of an edition's proposals carry each category (one document per edition, id =
 * editionId), so the list can offer every category without scanning the proposals.
 * Withdrawn proposals still count: they stay listed, so their category stays browsable;
 * a category leaves only when no proposal carries it any more (edited away).
 */
export const PROPOSAL_CATEGORIES = 'proposal-categories';

export interface ProposalCategoriesDoc {
  id: string;
  /** Kept as a list: categories are free text and cannot be document field names. */
  counts: { category: string; proposals: number }[];
}

function recount(
  counts: ProposalCategoriesDoc['counts'],
  from: string | null,
  to: string | null,
): ProposalCategoriesDoc['counts'] {
  const byCategory = new Map(counts.map((c) => [c.category, c.proposals]));
  if (from !== null) byCategory.set(from, (byCategory.get(from) ?? 0) - 1);
  if (to !== null) byCategory.set(to, (byCategory.get(to) ?? 0) + 1);
  return [...byCategory]
    .filter(([, proposals]) => proposals > 0)
    .map(([category, proposals]) => ({ category, proposals }));
}

function statusAfterAssessment(feasible: boolean): ProposalStatus {
  return feasible ? 'feasible' : 'unfeasible';
}

function withHistory(doc: ProposalDoc, event: StoredEvent, status: ProposalStatus): ProposalDoc {
  return {
    ...doc,
    status,
    updatedAt: event.recordedAt,
    history: [...doc.history, { at: event.recordedAt, event: event.type, status }],
  };
}

export const proposalsProjection: Projection = {
  name: 'proposals',
  collections: [PROPOSALS, PROPOSAL_CATEGORIES],
  async apply(event, store) {
    const proposals = store.collection<ProposalDoc>(PROPOSALS);
    const write = (doc: ProposalDoc) => proposals.upsert(doc.id, doc, { position: event.position });
    // Runs before the proposal's own write: if a crash falls between the two, the replay
    // finds this write already at the event's position (ignored) and the proposal still unchanged.
    const moveCategory = async (editionId: string, from: string | null, to: string | null) => {
      if (from === to) return;
      const categories = store.collection<ProposalCategoriesDoc>(PROPOSAL_CATEGORIES);
      const doc = (await categories.get(editionId)) ?? { id: editionId, counts: [] };
      await categories.upsert(
        editionId,
        { ...doc, counts: recount(doc.counts, from, to) },
        { position: event.position },
      );
    };
    switch (event.type) {
      case 'ProposalSubmitted': {
        const d = event.data;
        await moveCategory(d.editionId, null, d.category);
        await write({
          id: d.proposalId,
          editionId: d.editionId,
          title: d.title,
          description: d.description,
          district: d.district,
          estimatedCost: d.estimatedCost,
          cost: d.estimatedCost,
          category: d.category,
          location: d.location,
          author: d.author,
          status: 'submitted',
          supports: 0,
          votes: null,
          assessment: null,
          assessed: false,
          history: [{ at: event.recordedAt, event: event.type, status: 'submitted' }],
          submittedAt: event.recordedAt,
          updatedAt: event.recordedAt,
        });
        return;
      }
      case 'ProposalEdited': {
        const doc = await proposals.get(event.data.proposalId);
        if (!doc) return;
        const { editionId: _e, proposalId: _p, ...changes } = event.data;
        const edited = { ...doc, ...changes };
        await moveCategory(doc.editionId, doc.category, edited.category);
        await write(withHistory({ ...edited, cost: edited.estimatedCost }, event, doc.status));
        return;
      }
      case 'ProposalWithdrawn': {
        const doc = await proposals.get(event.data.proposalId);
        if (doc) await write(withHistory(doc, event, 'withdrawn'));
        return;
      }
      case 'ProposalAssessed': {
        const doc = await proposals.get(event.data.proposalId);
        if (!doc) return;
        const { feasible, cost, reason, technical, legal, financial } = event.data;
        const assessment = { feasible, cost, reason, technical, legal, financial, assessedAt: event.recordedAt };
        await write(withHistory({ ...doc, cost, assessment, assessed: true }, event, statusAfterAssessment(feasible)));
        return;
      }
      case 'EditionPhaseAdvanced': {
        if (event.data.to !== 'voting' || !event.data.ballot) return;
        const onBallot = new Set(
          Object.values(event.data.ballot).flatMap((entries) => entries.map((e) => e.proposalId)),
        );
        const feasible = await proposals.find({
          filter: { editionId: event.data.editionId, status: 'feasible' },
          limit: 100_000,
        });
        for (const doc of feasible.items)
          await write(withHistory(doc, event, onBallot.has(doc.id) ? 'on-ballot' : 'off-ballot'));
        return;
      }
      case 'SupportGiven':
      case 'SupportWithdrawn': {
        const doc = await proposals.get(event.data.proposalId);
        if (!doc) return;
        await write({
          ...doc,
          supports: doc.supports + (event.type === 'SupportGiven' ? 1 : -1),
          updatedAt: event.recordedAt,
        });
        return;
      }
      case 'TallyComputed': {
        for (const district of event.data.districts) {
          const selected = new Set(district.selected);
          for (const [proposalId, votes] of Object.entries(district.votes)) {
            const doc = await proposals.get(proposalId);
            if (doc)
              await write(
                withHistory({ ...doc, votes }, event, selected.has(proposalId) ? 'selected' : 'not-selected'),
              );
          }
        }
        return;
      }
      default:
        return;
    }
  },
};

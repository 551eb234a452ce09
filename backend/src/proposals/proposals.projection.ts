import {
  type ProposalStatus,
  type ProposalTextField,
  type ProposalView,
  PROPOSAL_TEXT_FIELDS,
  REDACTED_TEXT,
} from '@decidimos/contracts';
import { projectionOf } from '../projections/projection';
import type { ReadModelStore } from '../read-models/read-model.port';
import type { StoredEvent } from '../shared/event-envelope';
import { type TextCommitments, eraseTexts, textsByCommitment } from './proposal-texts';

/**
 * The public view plus what only the backend needs (the author's pseudonym), less what
 * each answer adds: the author's display name, read from their profile, and `mine`.
 */
export interface ProposalDoc extends Omit<ProposalView, 'authorDisplayName' | 'mine'> {
  author: string;
  /** Whether an assessment was recorded; the status says which verdict. Not in the public view. */
  assessed: boolean;
  /** Hidden by a moderator: left out of lists and supports (moderation.hidden says why). */
  hidden: boolean;
  /** Every text commitment the log recorded for it, in log order: what texts.jsonl publishes. */
  textVersions: TextVersion[];
}

export interface TextVersion {
  field: ProposalTextField;
  commitment: string;
  /** The event that recorded it, and its log position. */
  event: string;
  position: number;
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

/**
 * The texts behind these commitments, as the store outside the log holds them now: a text
 * erased by a redaction (or whose event was recorded after one) reads as REDACTED_TEXT.
 */
async function openTexts(
  store: ReadModelStore,
  commitments: TextCommitments,
): Promise<Partial<Record<ProposalTextField, string | null>>> {
  const found = await textsByCommitment(
    store,
    Object.values(commitments).filter((c): c is string => typeof c === 'string'),
  );
  const texts: Partial<Record<ProposalTextField, string | null>> = {};
  for (const field of PROPOSAL_TEXT_FIELDS) {
    const commitment = commitments[field];
    if (commitment === undefined) continue;
    texts[field] = commitment === null ? null : (found.get(commitment)?.text ?? REDACTED_TEXT);
  }
  return texts;
}

/** The doc with these texts in place; title and description are never null (a missing one was erased). */
function withTexts<T extends Pick<ProposalDoc, 'title' | 'description' | 'location'>>(
  doc: T,
  texts: Partial<Record<ProposalTextField, string | null>>,
): T {
  return {
    ...doc,
    ...(texts.title !== undefined ? { title: texts.title ?? REDACTED_TEXT } : {}),
    ...(texts.description !== undefined ? { description: texts.description ?? REDACTED_TEXT } : {}),
    ...(texts.location !== undefined ? { location: texts.location } : {}),
  };
}

function versionsOf(event: StoredEvent, commitments: TextCommitments): TextVersion[] {
  return PROPOSAL_TEXT_FIELDS.flatMap((field) => {
    const commitment = commitments[field];
    return typeof commitment === 'string' ? [{ field, commitment, event: event.id, position: event.position }] : [];
  });
}

export const proposalsProjection = projectionOf({
  name: 'proposals',
  collections: [PROPOSALS, PROPOSAL_CATEGORIES],
  eventTypes: [
    'ProposalSubmitted',
    'ProposalEdited',
    'ProposalWithdrawn',
    'ProposalAssessed',
    'ProposalHidden',
    'ProposalRestored',
    'ProposalRedacted',
    'EditionPhaseAdvanced',
    'SupportGiven',
    'SupportWithdrawn',
    'TallyComputed',
  ],
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
        const texts = await openTexts(store, d.texts);
        await moveCategory(d.editionId, null, d.category);
        await write({
          id: d.proposalId,
          editionId: d.editionId,
          title: texts.title ?? REDACTED_TEXT,
          description: texts.description ?? REDACTED_TEXT,
          district: d.district,
          estimatedCost: d.estimatedCost,
          cost: d.estimatedCost,
          category: d.category,
          location: texts.location ?? null,
          author: d.author,
          hidden: false,
          moderation: { hidden: null, redactions: [] },
          textVersions: versionsOf(event, d.texts),
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
        const { editionId: _e, proposalId: _p, texts: commitments, ...changes } = event.data;
        const texts = await openTexts(store, commitments);
        const edited = withTexts(
          { ...doc, ...changes, textVersions: [...doc.textVersions, ...versionsOf(event, commitments)] },
          texts,
        );
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
      case 'ProposalHidden':
      case 'ProposalRestored': {
        const doc = await proposals.get(event.data.proposalId);
        if (!doc) return;
        const hidden = event.type === 'ProposalHidden' ? { reason: event.data.reason, at: event.recordedAt } : null;
        // Not a status change: the proposal's `moderation` says what moderators did, and why.
        await write({
          ...doc,
          hidden: hidden !== null,
          moderation: { ...doc.moderation, hidden },
          updatedAt: event.recordedAt,
        });
        return;
      }
      case 'ProposalRedacted': {
        const doc = await proposals.get(event.data.proposalId);
        if (!doc) return;
        const { fields, reason } = event.data;
        // Every version of these texts recorded so far is erased outside the log; a replay erases nothing more.
        const erased = doc.textVersions.filter((v) => fields.includes(v.field)).map((v) => v.commitment);
        await eraseTexts(store, erased, reason);
        const redacted: Partial<Record<ProposalTextField, string | null>> = {};
        for (const field of fields)
          redacted[field] = field === 'location' && doc.location === null ? null : REDACTED_TEXT;
        const redaction = { fields, reason, at: event.recordedAt };
        const moderation = { ...doc.moderation, redactions: [...doc.moderation.redactions, redaction] };
        await write(withTexts({ ...doc, moderation, updatedAt: event.recordedAt }, redacted));
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
});

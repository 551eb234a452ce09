import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ProposalTextField, type TextLine, PROPOSAL_TEXT_FIELDS, textCommitment } from '@decidimos/contracts';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';

/**
 * The texts residents write in proposals (title, description, location), outside the
 * immutable log: the log holds only each text's salted commitment. No projection owns this
 * collection, so no rebuild clears it (as with profiles); a redaction replaces a text and
 * its salt with the public reason, and nothing of the text is kept.
 */
export const PROPOSAL_TEXTS = 'proposal-texts';

export interface ProposalTextDoc {
  /** The commitment: each text version has its own salt, so its own id. */
  id: string;
  editionId: string;
  proposalId: string;
  field: ProposalTextField;
  text: string | null;
  salt: string | null;
  redacted: { reason: string } | null;
}

export type TextValues = Partial<Record<ProposalTextField, string | null>>;
export type TextCommitments = Partial<Record<ProposalTextField, string | null>>;

/** The texts of these commitments, by commitment (erased ones with text null). */
export async function textsByCommitment(
  store: ReadModelStore,
  commitments: string[],
): Promise<Map<string, ProposalTextDoc>> {
  if (commitments.length === 0) return new Map();
  const { items } = await store
    .collection<ProposalTextDoc>(PROPOSAL_TEXTS)
    .find({ filter: { id: { in: commitments } }, limit: commitments.length });
  return new Map(items.map((doc) => [doc.id, doc]));
}

/** Erases these texts for good, keeping only the public reason in their place. Repeating it changes nothing. */
export async function eraseTexts(store: ReadModelStore, commitments: string[], reason: string): Promise<void> {
  const texts = store.collection<ProposalTextDoc>(PROPOSAL_TEXTS);
  for (const doc of (await textsByCommitment(store, commitments)).values()) {
    if (doc.redacted) continue;
    await texts.upsert(doc.id, { ...doc, text: null, salt: null, redacted: { reason } });
  }
}

/** The line of texts.jsonl for one commitment the log recorded in `event`. */
export function textLine(doc: ProposalTextDoc, event: string): TextLine {
  const head = { proposalId: doc.proposalId, field: doc.field, event, commitment: doc.id };
  if (doc.redacted || doc.text === null || doc.salt === null) {
    return { ...head, redacted: { reason: doc.redacted?.reason ?? '' } };
  }
  return { ...head, text: doc.text, salt: doc.salt };
}

@Injectable()
export class ProposalTexts {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  /**
   * Keeps each text given with a fresh salt and answers its commitment (null for a text
   * left out, such as no location). Written before the event is appended, so every
   * commitment in the log finds its text; a text whose event never got appended is unused.
   */
  async seal(editionId: string, proposalId: string, values: TextValues): Promise<TextCommitments> {
    const commitments: TextCommitments = {};
    const texts = this.store.collection<ProposalTextDoc>(PROPOSAL_TEXTS);
    for (const field of PROPOSAL_TEXT_FIELDS) {
      const text = values[field];
      if (text === undefined) continue;
      if (text === null) {
        commitments[field] = null;
        continue;
      }
      const salt = randomBytes(32).toString('hex');
      const id = textCommitment({ proposalId, field, salt, text });
      await texts.upsert(id, { id, editionId, proposalId, field, text, salt, redacted: null });
      commitments[field] = id;
    }
    return commitments;
  }

  /**
   * Deletes texts sealed for an event that was not appended (a refused command, or a repeat
   * the log already holds): personal text is kept only behind a commitment in the log.
   */
  async discard(commitments: TextCommitments): Promise<void> {
    const texts = this.store.collection<ProposalTextDoc>(PROPOSAL_TEXTS);
    for (const id of Object.values(commitments)) if (id) await texts.delete(id);
  }

  /** Runs `append` with these sealed texts, discarding them when it records nothing of theirs. */
  async appendWith<T>(
    commitments: TextCommitments,
    append: () => Promise<T>,
    kept: (result: T) => boolean,
  ): Promise<T> {
    let result: T;
    try {
      result = await append();
    } catch (error) {
      if (error instanceof DomainError) await this.discard(commitments);
      throw error;
    }
    if (!kept(result)) await this.discard(commitments);
    return result;
  }
}

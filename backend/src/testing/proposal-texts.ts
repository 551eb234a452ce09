import { randomBytes } from 'node:crypto';
import { type ProposalTextField, PROPOSAL_TEXT_FIELDS, textCommitment } from '@decidimos/contracts';
import { PROPOSAL_TEXTS, type ProposalTextDoc } from '../proposals/proposal-texts';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import type { TestSystem } from './test-system';

/**
 * Texts of seeded proposals, kept outside the log as the API keeps them: a history seals
 * them when it writes the event, and `seed` writes them to the store before the events,
 * as the API does before it appends.
 */
const pending = new WeakMap<TestSystem, ProposalTextDoc[]>();

export function sealTexts(
  system: TestSystem,
  editionId: string,
  proposalId: string,
  values: Partial<Record<ProposalTextField, string | null>>,
): Partial<Record<ProposalTextField, string | null>> {
  const commitments: Partial<Record<ProposalTextField, string | null>> = {};
  const docs = pending.get(system) ?? [];
  for (const field of PROPOSAL_TEXT_FIELDS) {
    const text = values[field];
    if (text === undefined) continue;
    if (text === null) {
      commitments[field] = null;
      continue;
    }
    const salt = randomBytes(32).toString('hex');
    const id = textCommitment({ proposalId, field, salt, text });
    docs.push({ id, editionId, proposalId, field, text, salt, redacted: null });
    commitments[field] = id;
  }
  pending.set(system, docs);
  return commitments;
}

/** Writes the texts sealed so far for this system. */
export async function flushTexts(system: TestSystem): Promise<void> {
  const docs = pending.get(system) ?? [];
  pending.delete(system);
  const texts = system.app.get<ReadModelStore>(READ_MODEL_STORE).collection<ProposalTextDoc>(PROPOSAL_TEXTS);
  for (const doc of docs) await texts.upsert(doc.id, doc);
}

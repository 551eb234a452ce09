import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';

/**
 * What a resident chooses to show about themself, keyed by iD subject. Personal data,
 * so it lives outside the immutable log: changing or erasing it rewrites nothing a tree
 * head signed. No projection owns these collections, so no rebuild clears them (as with
 * sessions).
 */
export const PROFILES = 'profiles';

/**
 * Which iD subject wrote each proposal, by proposal id: how an answer finds the author's
 * current display name. Written before the proposal is appended, so a proposal in the log
 * always has its row; a row for a proposal never appended is unused and harmless.
 */
export const PROPOSAL_AUTHORS = 'proposal-authors';

interface ProfileDoc {
  id: string;
  displayName: string;
}

interface ProposalAuthorDoc {
  id: string;
  subject: string;
}

@Injectable()
export class Profiles {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  private get profiles() {
    return this.store.collection<ProfileDoc>(PROFILES);
  }

  private get authors() {
    return this.store.collection<ProposalAuthorDoc>(PROPOSAL_AUTHORS);
  }

  async displayName(subject: string): Promise<string | null> {
    return (await this.profiles.get(subject))?.displayName ?? null;
  }

  async setDisplayName(subject: string, displayName: string): Promise<void> {
    await this.profiles.upsert(subject, { id: subject, displayName });
  }

  /** Deletes the row (ARCO cancelación): nothing of the name is kept, not even a blank. */
  async eraseDisplayName(subject: string): Promise<void> {
    await this.profiles.delete(subject);
  }

  async linkAuthor(proposalId: string, subject: string): Promise<void> {
    await this.authors.upsert(proposalId, { id: proposalId, subject });
  }

  /** The iD subject who wrote the proposal, for telling them what happened to it; null when unknown. */
  async authorOf(proposalId: string): Promise<string | null> {
    return (await this.authors.get(proposalId))?.subject ?? null;
  }

  /** The ids of every proposal this iD subject wrote (in any edition): "my proposals". */
  async proposalsOf(subject: string): Promise<string[]> {
    return (await this.authors.find({ filter: { subject }, limit: 1000 })).items.map((link) => link.id);
  }

  /** Each proposal's author display name as of now; null for an author who shows none. */
  async authorNames(proposalIds: string[]): Promise<Map<string, string | null>> {
    const names = new Map<string, string | null>(proposalIds.map((id) => [id, null]));
    if (proposalIds.length === 0) return names;
    const limit = proposalIds.length;
    const links = await this.authors.find({ filter: { id: { in: proposalIds } }, limit });
    const subjects = [...new Set(links.items.map((link) => link.subject))];
    if (subjects.length === 0) return names;
    const profiles = await this.profiles.find({ filter: { id: { in: subjects } }, limit: subjects.length });
    const nameOf = new Map(profiles.items.map((profile) => [profile.id, profile.displayName]));
    for (const link of links.items) names.set(link.id, nameOf.get(link.subject) ?? null);
    return names;
  }
}

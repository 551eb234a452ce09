import { randomUUID } from 'node:crypto';
import {
  createEditionRequest,
  nextPhase,
  type BallotEntry,
  type EditionRules,
  type CreateEditionRequest,
  type Phase,
  type SubmitProposalRequest,
  submitProposalRequest,
} from '@decidimos/contracts';
import { accountClaims } from '@decidimos/infra';
import { editionStream } from '../editions/streams';
import { pseudonym, staffPseudonym, type PseudonymPurpose } from '../identity/pseudonyms';
import { authorProposalsStream } from '../proposals/streams';
import { supportsStream } from '../supports/streams';
import { editionBody, proposalBody } from './fixtures';
import { existingStream, seed, type ExistingStream } from './given-when-then';
import { sealTexts } from './proposal-texts';
import type { TestSystem } from './test-system';

/**
 * An edition's history written as the events the API would have recorded, to seed with
 * `seed` or `given` instead of driving every step through HTTP. Pseudonyms are the ones
 * the API derives for the same accounts, so those accounts then act on it over HTTP.
 * Opening voting fixes the ballot: a test that is about how the ballot is composed asks
 * the API to open voting; one that only needs voting open names the ballot (`openVoting`).
 */
export class EditionHistory {
  readonly streams: ExistingStream[] = [];
  readonly #authorOf = new Map<string, string>();
  #phase: Phase = 'draft';
  readonly #rules: EditionRules;

  constructor(
    private readonly system: TestSystem,
    body: CreateEditionRequest = editionBody(),
    readonly id = `edicion-${randomUUID().slice(0, 8)}`,
  ) {
    // The defaults the API fills in when an admin leaves them out.
    const { calendar, ...edition } = createEditionRequest.parse(body);
    this.#rules = edition.rules;
    this.streams.push(
      existingStream(editionStream(id), {
        type: 'EditionDrafted',
        data: { editionId: id, ...edition, calendar: {}, createdBy: this.staff('admin') },
      }),
    );
    if (calendar.length > 0) {
      this.streams.push(
        existingStream(editionStream(id), {
          type: 'EditionCalendarSet',
          data: { editionId: id, phases: calendar, reason: null, by: this.staff('admin') },
        }),
      );
    }
  }

  /** Appends the events written so far to the store (once) and waits for the read models. */
  async seed(): Promise<void> {
    await seed(this.system, ...this.streams.splice(0));
  }

  /** The pseudonym the API gives `account` in this edition for `purpose`. */
  pseudonym(account: string, purpose: PseudonymPurpose): string {
    return pseudonym(this.system.config.voterKey, purpose, this.id, accountClaims(account)!.curp);
  }

  /** `account`'s ballot pseudonym: the `voter` of its ballots and the name of its ballot stream. */
  voter(account: string): string {
    return this.pseudonym(account, 'ballot');
  }

  staff(subject: string): string {
    return staffPseudonym(this.system.config.voterKey, subject);
  }

  advance(...phases: Exclude<Phase, 'voting'>[]): this {
    for (const to of phases) this.#advance(to);
    return this;
  }

  /** Opens voting with this ballot per district (proposal ids and their final costs). */
  openVoting(ballot: Record<string, BallotEntry[]>): this {
    this.#advance('voting', ballot);
    return this;
  }

  #advance(to: Phase, ballot?: Record<string, BallotEntry[]>): void {
    // A history the API could not have recorded would test nothing.
    const next = nextPhase(this.#phase, this.#rules);
    if (to !== next) throw new Error(`edition ${this.id}: ${this.#phase} is followed by ${next}, not ${to}`);
    this.streams.push(
      existingStream(editionStream(this.id), {
        type: 'EditionPhaseAdvanced',
        data: { editionId: this.id, from: this.#phase, to, by: this.staff('admin'), ...(ballot ? { ballot } : {}) },
      }),
    );
    this.#phase = to;
  }

  /** Records `account`'s proposal and answers its id. */
  submit(account: string, overrides: Partial<SubmitProposalRequest> = {}): string {
    const { title, description, location, category, district, estimatedCost } = submitProposalRequest.parse(
      proposalBody(overrides),
    );
    const proposalId = randomUUID();
    const author = this.pseudonym(account, 'author');
    this.#authorOf.set(proposalId, author);
    const texts = sealTexts(this.system, this.id, proposalId, { title, description, location: location ?? null });
    const data = {
      editionId: this.id,
      proposalId,
      author,
      texts: texts as { title: string; description: string; location: string | null },
      district,
      estimatedCost,
      category: category ?? null,
    };
    this.streams.push(existingStream(authorProposalsStream(this.id, author), { type: 'ProposalSubmitted', data }));
    return proposalId;
  }

  /** The reviewer's verdict on a proposal, with no technical, legal or financial notes. */
  assess(proposalId: string, verdict: { feasible: boolean; cost: number; reason: string }): this {
    this.streams.push(
      existingStream(authorProposalsStream(this.id, this.#authorOf.get(proposalId)!), {
        type: 'ProposalAssessed',
        data: {
          editionId: this.id,
          proposalId,
          reviewer: this.staff('reviewer'),
          ...verdict,
          technical: null,
          legal: null,
          financial: null,
        },
      }),
    );
    return this;
  }

  support(account: string, proposalId: string): this {
    const voter = this.pseudonym(account, 'support');
    this.streams.push(
      existingStream(supportsStream(this.id, voter), {
        type: 'SupportGiven',
        data: { editionId: this.id, voter, proposalId, channel: 'online', booth: null, residenceProof: null },
      }),
    );
    return this;
  }
}

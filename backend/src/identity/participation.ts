import type { District } from '@decidimos/contracts';
import type { Caller } from '../http/access';
import { DomainError } from '../shared/domain-error';
import { eligibility } from './eligibility';
import { pseudonym, type PseudonymPurpose } from './pseudonyms';

export interface Participant {
  /** The person's HMAC pseudonym for the purpose in this edition; what the log records. */
  voter: string;
  district: string;
}

/** A resident taking part in an edition in one role (`purpose`), or 403 NOT_ELIGIBLE saying why. */
export function participant(
  caller: Caller,
  edition: { editionId: string; rules: { minAge: number }; districts: Pick<District, 'id'>[] },
  voterKey: Buffer,
  purpose: PseudonymPurpose,
  today = new Date(),
): Participant {
  const verdict = eligibility(caller.session, edition, today);
  if (!verdict.eligible) {
    throw new DomainError('NOT_ELIGIBLE', {
      reasonKey: verdict.reason,
      minAge: verdict.minAge,
      district: verdict.district,
    });
  }
  return { voter: pseudonym(voterKey, purpose, edition.editionId, caller.session.curp!), district: verdict.district };
}

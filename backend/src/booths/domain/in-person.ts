import { curpState, NUEVO_LEON, type ResidenceProof } from '@decidimos/contracts';
import { DomainError, type ProblemParams } from '../../shared/domain-error';
import { onShift, type Booth } from './booth.decider';

/**
 * What a poll officer brings to anything recorded for a person present at a booth (a
 * ballot, a support, a proposal): where and when, and what they checked in person.
 */
export interface InPerson {
  booth: Booth;
  /** The officer's staff pseudonym. */
  officer: string;
  /** ISO instant the officer recorded it. */
  now: string;
  curp: string;
  /** The district the officer typed, if any: it must be the booth's. */
  typedDistrict: string | null;
  /** Districts where the person already took part in this edition (their supports' proposals). */
  knownDistricts: string[];
  residenceProof: ResidenceProof | null;
  /** Why the credential is not eligible (age), or null. */
  ineligible: ProblemParams | null;
}

/**
 * The rules of the in-person channel, the same for ballots, supports and proposals: the
 * officer is on shift at that booth now; the person is eligible; the district is the
 * booth's and agrees with everything already known of the person (`recordedDistrict`: the
 * district of what the stream being written already holds, e.g. an earlier ballot); and
 * a CURP of someone born outside Nuevo León comes with a proof-of-residence category.
 */
export function checkInPerson(inPerson: InPerson, recordedDistrict: string | null = null): void {
  const { booth } = inPerson;
  if (!onShift(booth, inPerson.officer, inPerson.now)) throw new DomainError('NOT_ON_SHIFT', { booth: booth.name });
  if (inPerson.ineligible) throw new DomainError('NOT_ELIGIBLE', inPerson.ineligible);
  const known = [inPerson.typedDistrict, recordedDistrict, ...inPerson.knownDistricts].find(
    (district) => district !== null && district !== booth.district,
  );
  if (known) throw new DomainError('DISTRICT_MISMATCH', { district: booth.district, known });
  const birthState = curpState(inPerson.curp);
  if (birthState !== NUEVO_LEON && inPerson.residenceProof === null) {
    throw new DomainError('RESIDENCE_PROOF_REQUIRED', { state: birthState });
  }
}

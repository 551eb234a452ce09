import type { District } from '@decidimos/contracts';
import type { ResidentClaims } from '../http/sessions';

export type Eligibility =
  | { eligible: true; district: string }
  | {
      eligible: false;
      reason: 'noIdentity' | 'notResident' | 'underAge' | 'districtNotInEdition';
      minAge: number;
      district: string;
    };

/** Full years between a YYYY-MM-DD birthdate and `today` (UTC). */
export function ageOn(birthdate: string, today: Date): number {
  const [y, m, d] = birthdate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const beforeBirthday = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** Whether a person may take part in an edition: residency, age and a district of the edition. Staff roles play no part. */
export function eligibility(
  claims: ResidentClaims,
  edition: { rules: { minAge: number }; districts: Pick<District, 'id'>[] } | null,
  today: Date,
): Eligibility {
  const minAge = edition?.rules.minAge ?? 16;
  const district = claims.district ?? '';
  if (!claims.curp || !claims.birthdate) return { eligible: false, reason: 'noIdentity', minAge, district };
  if (!claims.resident || !claims.district) return { eligible: false, reason: 'notResident', minAge, district };
  if (ageOn(claims.birthdate, today) < minAge) return { eligible: false, reason: 'underAge', minAge, district };
  if (edition && !edition.districts.some((d) => d.id === claims.district)) {
    return { eligible: false, reason: 'districtNotInEdition', minAge, district };
  }
  return { eligible: true, district: claims.district };
}

import type { ResidentClaims } from '../http/sessions';
import { ageOn, eligibility } from './eligibility';

const today = new Date('2026-11-25T12:00:00Z');
const edition = { rules: { minAge: 16 }, districts: [{ id: 'centro' }, { id: 'norte' }] };
const adult: ResidentClaims = {
  curp: 'GOMA900101MNLRRR09',
  birthdate: '1990-01-01',
  district: 'centro',
  resident: true,
};

describe('eligibility', () => {
  it('counts full years, turning a year older on the birthday itself', () => {
    expect(ageOn('2010-11-25', today)).toBe(16);
    expect(ageOn('2010-11-26', today)).toBe(15);
    expect(ageOn('2008-02-29', new Date('2026-02-28T00:00:00Z'))).toBe(17);
  });

  it('admits an adult resident of a district in the edition', () => {
    expect(eligibility(adult, edition, today)).toEqual({ eligible: true, district: 'centro' });
  });

  it('refuses someone under the edition minimum age', () => {
    expect(eligibility({ ...adult, birthdate: '2010-11-26' }, edition, today)).toMatchObject({
      eligible: false,
      reason: 'underAge',
      minAge: 16,
    });
    expect(eligibility({ ...adult, birthdate: '2010-11-25' }, edition, today).eligible).toBe(true);
  });

  it('refuses a non-resident and a district outside the edition', () => {
    expect(eligibility({ ...adult, resident: false }, edition, today)).toMatchObject({ reason: 'notResident' });
    expect(eligibility({ ...adult, district: null }, edition, today)).toMatchObject({ reason: 'notResident' });
    expect(eligibility({ ...adult, district: 'huajuco' }, edition, today)).toMatchObject({
      reason: 'districtNotInEdition',
    });
  });

  it('refuses an account without a CURP or birthdate', () => {
    expect(eligibility({ ...adult, curp: null }, edition, today)).toMatchObject({ reason: 'noIdentity' });
  });
});

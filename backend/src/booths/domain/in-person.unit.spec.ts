import { DomainError } from '../../shared/domain-error';
import type { Booth } from './booth.decider';
import { checkInPerson, type InPerson } from './in-person';

const officer = 'c'.repeat(64);
const booth: Booth = {
  editionId: 'pp',
  boothId: 'mesa-1',
  name: 'Mesa Macroplaza',
  address: 'Zuazua y Padre Mier',
  district: 'centro',
  opensAt: '2027-04-10T14:00:00.000Z',
  closesAt: '2027-04-11T02:00:00.000Z',
  shifts: [{ officer, from: '2027-04-10T14:00:00.000Z', to: '2027-04-10T20:00:00.000Z' }],
};
// Born in Nuevo León (NL at characters 12–13) and in Chihuahua (CH).
const atBooth = (overrides: Partial<InPerson> = {}): InPerson => ({
  booth,
  officer,
  now: '2027-04-10T15:00:00.000Z',
  curp: 'GOMA900101MNLRRR09',
  typedDistrict: null,
  knownDistricts: [],
  residenceProof: null,
  ineligible: null,
  ...overrides,
});
const refusal = (inPerson: InPerson, recordedDistrict: string | null = null) => {
  try {
    checkInPerson(inPerson, recordedDistrict);
    return null;
  } catch (error) {
    return { code: (error as DomainError).code, params: (error as DomainError).params };
  }
};

describe('the in-person rules (assisted ballots, supports and proposals)', () => {
  it('accept an officer on shift at the booth, for an eligible person of its district born in Nuevo León', () => {
    expect(refusal(atBooth({ typedDistrict: 'centro', knownDistricts: ['centro'] }), 'centro')).toBeNull();
  });

  it('refuse an officer outside their shift or at another booth (NOT_ON_SHIFT)', () => {
    expect(refusal(atBooth({ now: '2027-04-10T20:00:00.000Z' }))).toMatchObject({ code: 'NOT_ON_SHIFT' });
    expect(refusal(atBooth({ officer: 'd'.repeat(64) }))).toMatchObject({
      code: 'NOT_ON_SHIFT',
      params: { booth: 'Mesa Macroplaza' },
    });
  });

  it('refuse a person the credential shows ineligible (NOT_ELIGIBLE)', () => {
    expect(refusal(atBooth({ ineligible: { reasonKey: 'age', minAge: 16 } }))).toMatchObject({
      code: 'NOT_ELIGIBLE',
      params: { reasonKey: 'age', minAge: 16 },
    });
  });

  it('refuse a district other than the booth’s: typed, known from the log, or of the stream written (DISTRICT_MISMATCH)', () => {
    const mismatch = { code: 'DISTRICT_MISMATCH', params: { district: 'centro', known: 'sur' } };
    expect(refusal(atBooth({ typedDistrict: 'sur' }))).toMatchObject(mismatch);
    expect(refusal(atBooth({ knownDistricts: ['centro', 'sur'] }))).toMatchObject(mismatch);
    expect(refusal(atBooth(), 'sur')).toMatchObject(mismatch);
  });

  it('need a proof-of-residence category for a CURP born outside Nuevo León (RESIDENCE_PROOF_REQUIRED)', () => {
    const chihuahua = 'GOMA900101MCHRRR09';
    expect(refusal(atBooth({ curp: chihuahua }))).toMatchObject({
      code: 'RESIDENCE_PROOF_REQUIRED',
      params: { state: 'CH' },
    });
    expect(refusal(atBooth({ curp: chihuahua, residenceProof: 'ine-address' }))).toBeNull();
  });
});

import { ballotCommitment } from '@decidimos/contracts';
import type { Booth } from '../../booths/public-api';
import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { ballotDecider, type BallotEvent, type CastBallot, type InPerson } from './ballot.decider';

const voter = 'b'.repeat(64);
const salt = 'f'.repeat(64);
const officer = 'c'.repeat(64);
const otherOfficer = 'd'.repeat(64);
// Born in Nuevo León (NL at characters 12–13) and in Chihuahua (CH).
const nlCurp = 'GOMA900101MNLRRR09';
const chCurp = 'GOMA900101MCHRRR09';
const edition = (options: { phase?: 'voting' | 'counting'; revoting?: boolean } = {}) =>
  anEdition(
    options.phase ?? 'voting',
    { ballot: { revoting: options.revoting ?? true } },
    {
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000 },
        { id: 'sur', name: 'Sur', budget: 1_000 },
      ],
      ballot: {
        centro: [
          { proposalId: 'p1', cost: 600 },
          { proposalId: 'p2', cost: 500 },
        ],
        sur: [{ proposalId: 's1', cost: 100 }],
      },
    },
  );
const booth: Booth = {
  editionId: 'pp',
  boothId: 'mesa-1',
  name: 'Mesa Macroplaza',
  address: 'Zuazua y Padre Mier',
  district: 'centro',
  opensAt: '2027-05-10T14:00:00.000Z',
  closesAt: '2027-05-11T02:00:00.000Z',
  shifts: [{ officer, from: '2027-05-10T14:00:00.000Z', to: '2027-05-10T20:00:00.000Z' }],
};
const inPerson = (overrides: Partial<InPerson> = {}): InPerson => ({
  booth,
  officer,
  now: '2027-05-10T15:30:00.000Z',
  curp: nlCurp,
  typedDistrict: null,
  knownDistricts: [],
  residenceProof: null,
  ineligible: null,
  confirmReplace: false,
  ...overrides,
});
const cast = (selections: string[], overrides: Partial<CastBallot> = {}): CastBallot => ({
  type: 'CastBallot',
  edition: edition(),
  voter,
  district: 'centro',
  selections,
  salt,
  inPerson: null,
  ...overrides,
});
const sealed = (selections: string[], ballotSalt = salt) => ({
  commitment: ballotCommitment(ballotSalt, selections),
  sealed: { selections, salt: ballotSalt },
});
const assisted = (selections: string[], overrides: Partial<InPerson> = {}, more: Partial<CastBallot> = {}) =>
  cast(selections, { inPerson: inPerson(overrides), ...more });
const online1: BallotEvent = {
  type: 'BallotCast',
  data: {
    editionId: 'pp',
    voter,
    district: 'centro',
    channel: 'online',
    booth: null,
    residenceProof: null,
    ...sealed(['p1']),
  },
};
const assisted1: BallotEvent = {
  type: 'BallotCast',
  data: { ...online1.data, ...sealed(['p2']), channel: 'assisted', booth: 'mesa-1' },
};
const spec = deciderSpec(ballotDecider);

describe('ballot decider', () => {
  it('records a valid first ballot', () => {
    spec([])
      .when(cast(['p1']))
      .then([online1]);
  });

  it('seals the selections under a commitment with the salt it is given', () => {
    const other = 'e'.repeat(64);
    spec([])
      .when(cast(['p1'], { salt: other }))
      .then([{ type: 'BallotCast', data: { ...online1.data, ...sealed(['p1'], other) } }]);
  });

  it('lets a resident change the ballot while revoting is on', () => {
    spec([online1])
      .when(cast(['p2']))
      .then([{ type: 'BallotCast', data: { ...online1.data, ...sealed(['p2']) } }]);
  });

  it('refuses a second ballot when revoting is off, whichever the channel', () => {
    spec([online1])
      .when(cast(['p2'], { edition: edition({ revoting: false }) }))
      .thenFails('ALREADY_VOTED');
    spec([online1])
      .when(assisted(['p2'], { confirmReplace: true }, { edition: edition({ revoting: false }) }))
      .thenFails('ALREADY_VOTED');
  });

  it('checks the ballot rules', () => {
    spec([])
      .when(cast(['p1', 'p2']))
      .thenFails('OVER_BUDGET', { total: 1_100, budget: 1_000 });
    spec([])
      .when(cast(['p9']))
      .thenFails('NOT_ON_BALLOT', { proposalId: 'p9' });
  });

  it('only while voting is open', () => {
    spec([])
      .when(cast(['p1'], { edition: edition({ phase: 'counting' }) }))
      .thenFails('PHASE_CLOSED', { required: 'voting' });
  });
});

describe('a ballot with the citywide pool', () => {
  const pooled = (rules: Parameters<typeof anEdition>[1] = {}) => {
    const base = edition();
    return anEdition('voting', rules, {
      districts: base.districts,
      citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000 },
      ballot: {
        ...base.ballot,
        ciudad: [
          { proposalId: 'c1', cost: 1_500 },
          { proposalId: 'c2', cost: 800 },
        ],
      },
    });
  };

  it('holds the picks of both pools in one ballot, each pool within its own budget', () => {
    spec([])
      .when(cast(['p1', 'c1'], { edition: pooled() }))
      .then([{ type: 'BallotCast', data: { ...online1.data, ...sealed(['p1', 'c1']) } }]);
  });

  it('refuses a ballot over budget in one pool only, naming that pool', () => {
    spec([])
      .when(cast(['p1', 'c1', 'c2'], { edition: pooled() }))
      .thenFails('OVER_BUDGET', { pool: 'Toda la ciudad', total: 2_300, budget: 2_000 });
    spec([])
      .when(cast(['p1', 'p2', 'c2'], { edition: pooled() }))
      .thenFails('OVER_BUDGET', { pool: 'Centro', total: 1_100, budget: 1_000 });
  });

  it('applies the maximum and minimum of picks to each pool on its own', () => {
    const approval = pooled({ ballot: { method: 'approval', maxSelections: 1, minSelections: 1 } });
    spec([])
      .when(cast(['p1', 'c1'], { edition: approval }))
      .then([{ type: 'BallotCast', data: { ...online1.data, ...sealed(['p1', 'c1']) } }]);
    spec([])
      .when(cast(['p1', 'c1', 'c2'], { edition: approval }))
      .thenFails('TOO_MANY', { pool: 'Toda la ciudad', max: 1, count: 2 });
    spec([])
      .when(cast(['p1'], { edition: approval }))
      .thenFails('TOO_FEW', { pool: 'Toda la ciudad', min: 1, count: 0 });
  });

  it('applies the minimum spend to each pool on its own', () => {
    spec([])
      .when(cast(['p1'], { edition: pooled({ ballot: { minSpendShare: 0.5 } }) }))
      .thenFails('UNDER_MINIMUM_SPEND', { pool: 'Toda la ciudad', minimum: 1_000, total: 0 });
  });

  it('refuses a pick from another district even with a pool', () => {
    spec([])
      .when(cast(['s1', 'c1'], { edition: pooled() }))
      .thenFails('NOT_ON_BALLOT', { proposalId: 's1' });
  });
});

describe('assisted ballots', () => {
  it('records the booth, never the officer, and takes the district from the booth', () => {
    spec([])
      .when(assisted(['p2']))
      .then([assisted1]);
  });

  it('refuses an officer outside their shift, or at a booth where they have none (403 NOT_ON_SHIFT)', () => {
    spec([])
      .when(assisted(['p2'], { now: '2027-05-10T20:00:00.000Z' }))
      .thenFails('NOT_ON_SHIFT', { booth: 'Mesa Macroplaza' });
    spec([])
      .when(assisted(['p2'], { now: '2027-05-10T13:59:59.999Z' }))
      .thenFails('NOT_ON_SHIFT', { booth: 'Mesa Macroplaza' });
    spec([])
      .when(assisted(['p2'], { officer: otherOfficer }))
      .thenFails('NOT_ON_SHIFT', { booth: 'Mesa Macroplaza' });
  });

  it('refuses a district that disagrees with the booth, a typed one or what is known of the person (409 DISTRICT_MISMATCH)', () => {
    spec([])
      .when(assisted(['p2'], { typedDistrict: 'sur' }))
      .thenFails('DISTRICT_MISMATCH', { district: 'centro', known: 'sur' });
    spec([{ type: 'BallotCast', data: { ...online1.data, district: 'sur', ...sealed(['s1']) } }])
      .when(assisted(['p2'], { confirmReplace: true }))
      .thenFails('DISTRICT_MISMATCH', { district: 'centro', known: 'sur' });
    spec([])
      .when(assisted(['p2'], { knownDistricts: ['sur'] }))
      .thenFails('DISTRICT_MISMATCH', { district: 'centro', known: 'sur' });
    spec([])
      .when(assisted(['p2'], { typedDistrict: 'centro', knownDistricts: ['centro'] }))
      .then([assisted1]);
  });

  it('needs a proof-of-residence category for a CURP born outside Nuevo León (422 RESIDENCE_PROOF_REQUIRED)', () => {
    spec([])
      .when(assisted(['p2'], { curp: chCurp }))
      .thenFails('RESIDENCE_PROOF_REQUIRED', { state: 'CH' });
    spec([])
      .when(assisted(['p2'], { curp: chCurp, residenceProof: 'utility-bill' }))
      .then([{ type: 'BallotCast', data: { ...assisted1.data, residenceProof: 'utility-bill' } }]);
  });

  it('refuses to replace a recorded ballot without the confirmation (409 WOULD_REPLACE), and replaces it with one', () => {
    spec([online1])
      .when(assisted(['p2']))
      .thenFails('WOULD_REPLACE', { channel: 'online' });
    spec([assisted1])
      .when(assisted(['p1']))
      .thenFails('WOULD_REPLACE', { channel: 'assisted' });
    spec([online1])
      .when(assisted(['p2'], { confirmReplace: true }))
      .then([assisted1]);
  });

  it('refuses an ineligible person after the shift check', () => {
    const ineligible = { reasonKey: 'underAge', minAge: 16, district: 'centro' };
    spec([])
      .when(assisted(['p2'], { ineligible }))
      .thenFails('NOT_ELIGIBLE', ineligible);
    spec([])
      .when(assisted(['p2'], { ineligible, now: '2027-05-10T21:00:00.000Z' }))
      .thenFails('NOT_ON_SHIFT', { booth: 'Mesa Macroplaza' });
  });
});

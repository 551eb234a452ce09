import { anEdition } from '../../testing/an-edition';
import { deciderSpec } from '../../testing/decider-spec';
import { boothDecider, onShift, type BoothCommand, type BoothEvent } from './booth.decider';

const admin = 'a'.repeat(64);
const officer = 'c'.repeat(64);
const voting = anEdition('voting');
const define = (overrides: Partial<Extract<BoothCommand, { type: 'DefineBooth' }>> = {}): BoothCommand => ({
  type: 'DefineBooth',
  edition: anEdition('supports'),
  boothId: 'mesa-1',
  name: 'Mesa Macroplaza',
  address: 'Zuazua y Padre Mier',
  district: 'centro',
  opensAt: '2027-05-10T14:00:00.000Z',
  closesAt: '2027-05-11T02:00:00.000Z',
  by: admin,
  ...overrides,
});
const assign = (overrides: Partial<Extract<BoothCommand, { type: 'AssignShift' }>> = {}): BoothCommand => ({
  type: 'AssignShift',
  edition: voting,
  officer,
  isPollOfficer: true,
  from: '2027-05-10T14:00:00.000Z',
  to: '2027-05-10T20:00:00.000Z',
  by: admin,
  ...overrides,
});
const defined: BoothEvent = {
  type: 'BoothDefined',
  data: {
    editionId: 'pp',
    boothId: 'mesa-1',
    name: 'Mesa Macroplaza',
    address: 'Zuazua y Padre Mier',
    district: 'centro',
    opensAt: '2027-05-10T14:00:00.000Z',
    closesAt: '2027-05-11T02:00:00.000Z',
    by: admin,
  },
};
const shift: BoothEvent = {
  type: 'ShiftAssigned',
  data: {
    editionId: 'pp',
    boothId: 'mesa-1',
    officer,
    from: '2027-05-10T14:00:00.000Z',
    to: '2027-05-10T20:00:00.000Z',
    by: admin,
  },
};
const spec = deciderSpec(boothDecider);

describe('booth decider', () => {
  it('defines a booth in a district of the edition, until voting closes', () => {
    spec([]).when(define()).then([defined]);
    spec([])
      .when(define({ edition: voting }))
      .then([defined]);
    spec([])
      .when(define({ district: 'marte' }))
      .thenFails('UNKNOWN_DISTRICT', { district: 'marte' });
    spec([])
      .when(define({ edition: anEdition('counting') }))
      .thenFails('PHASE_CLOSED', { required: 'voting', phase: 'counting' });
  });

  it('assigns a shift within the booth hours to a poll officer; the same shift twice records nothing', () => {
    spec([defined]).when(assign()).then([shift]);
    spec([defined, shift]).when(assign()).thenNothingHappened();
    spec([defined])
      .when(assign({ isPollOfficer: false }))
      .thenFails('NOT_POLL_OFFICER');
    spec([defined])
      .when(assign({ from: '2027-05-10T13:00:00.000Z' }))
      .thenFails('SHIFT_OUTSIDE_HOURS', { opensAt: defined.data.opensAt, closesAt: defined.data.closesAt });
    spec([defined])
      .when(assign({ to: '2027-05-11T02:00:00.001Z' }))
      .thenFails('SHIFT_OUTSIDE_HOURS');
    spec([defined])
      .when(assign({ edition: anEdition('results') }))
      .thenFails('PHASE_CLOSED');
  });

  it('knows who is on shift: from the start of a shift, up to (not at) its end', () => {
    const booth = {
      ...defined.data,
      shifts: [{ officer, from: '2027-05-10T14:00:00.000Z', to: '2027-05-10T20:00:00.000Z' }],
    };
    expect(onShift(booth, officer, '2027-05-10T14:00:00.000Z')).toBe(true);
    expect(onShift(booth, officer, '2027-05-10T19:59:59.999Z')).toBe(true);
    expect(onShift(booth, officer, '2027-05-10T20:00:00.000Z')).toBe(false);
    expect(onShift(booth, 'd'.repeat(64), '2027-05-10T15:00:00.000Z')).toBe(false);
  });
});

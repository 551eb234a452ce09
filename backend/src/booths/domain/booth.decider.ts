import { PHASES, type EventPayload } from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';
import type { Edition } from '../../editions/public-api';

/**
 * A voting booth (stream `booth-<id>`): where it is, its district, its opening hours, and
 * which poll officers may record assisted ballots there and when. Assisted ballots name
 * their booth, so the public log ties each one to a place, an hour and the officers on shift.
 */
export type BoothEvent =
  | { type: 'BoothDefined'; data: EventPayload<'BoothDefined'> }
  | { type: 'ShiftAssigned'; data: EventPayload<'ShiftAssigned'> };

export interface Shift {
  officer: string;
  from: string;
  to: string;
}

export interface Booth {
  editionId: string;
  boothId: string;
  name: string;
  address: string;
  district: string;
  opensAt: string;
  closesAt: string;
  shifts: Shift[];
}

export type BoothState = { status: 'absent' } | ({ status: 'present' } & Booth);

export type BoothCommand =
  | {
      type: 'DefineBooth';
      edition: Edition;
      boothId: string;
      name: string;
      address: string;
      district: string;
      opensAt: string;
      closesAt: string;
      by: string;
    }
  | {
      type: 'AssignShift';
      edition: Edition;
      /** The officer's staff pseudonym, and whether they hold the poll-officer role now. */
      officer: string;
      isPollOfficer: boolean;
      from: string;
      to: string;
      by: string;
    };

// Booths and shifts are set up until voting closes: after that no assisted ballot can be recorded.
const LAST_PHASE = PHASES.indexOf('voting');

function requireBeforeClose(edition: Edition): void {
  if (PHASES.indexOf(edition.phase) > LAST_PHASE) {
    throw new DomainError('PHASE_CLOSED', { required: 'voting', phase: edition.phase });
  }
}

export const boothDecider: Decider<BoothCommand, BoothEvent, BoothState> = {
  initialState: () => ({ status: 'absent' }),

  decide(command, state) {
    const { edition } = command;
    requireBeforeClose(edition);
    if (command.type === 'DefineBooth') {
      if (state.status === 'present') return [];
      if (!edition.districts.some((d) => d.id === command.district)) {
        throw new DomainError('UNKNOWN_DISTRICT', { district: command.district });
      }
      const { boothId, name, address, district, opensAt, closesAt, by } = command;
      return [
        {
          type: 'BoothDefined',
          data: { editionId: edition.editionId, boothId, name, address, district, opensAt, closesAt, by },
        },
      ];
    }
    if (state.status === 'absent' || state.editionId !== edition.editionId) {
      throw new DomainError('NOT_FOUND', { what: 'booth', id: '' });
    }
    if (!command.isPollOfficer) throw new DomainError('NOT_POLL_OFFICER');
    if (command.from < state.opensAt || command.to > state.closesAt) {
      throw new DomainError('SHIFT_OUTSIDE_HOURS', { opensAt: state.opensAt, closesAt: state.closesAt });
    }
    const { officer, from, to, by } = command;
    if (state.shifts.some((s) => s.officer === officer && s.from === from && s.to === to)) return [];
    return [
      { type: 'ShiftAssigned', data: { editionId: edition.editionId, boothId: state.boothId, officer, from, to, by } },
    ];
  },

  evolve(state, event) {
    if (event.type === 'BoothDefined') {
      const { editionId, boothId, name, address, district, opensAt, closesAt } = event.data;
      return { status: 'present', editionId, boothId, name, address, district, opensAt, closesAt, shifts: [] };
    }
    if (state.status === 'absent') return state;
    const { officer, from, to } = event.data;
    return { ...state, shifts: [...state.shifts, { officer, from, to }] };
  },
};

/** Whether `officer` is on a shift at this booth at `now` (ISO instant; a shift includes its start, not its end). */
export function onShift(booth: Booth, officer: string, now: string): boolean {
  return booth.shifts.some((s) => s.officer === officer && s.from <= now && now < s.to);
}

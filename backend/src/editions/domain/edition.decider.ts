import {
  nextPhase,
  type BallotEntry,
  type Calendar,
  type CitywidePool,
  type District,
  type DistrictTally,
  type EditionRules,
  type EventPayload,
  type Phase,
  type TreeHeadRef,
} from '@decidimos/contracts';
import type { Decider } from '../../shared/decider';
import { DomainError } from '../../shared/domain-error';

export type EditionEvent =
  | { type: 'EditionDrafted'; data: EventPayload<'EditionDrafted'> }
  | { type: 'EditionPhaseAdvanced'; data: EventPayload<'EditionPhaseAdvanced'> }
  | { type: 'TallyComputed'; data: EventPayload<'TallyComputed'> };

export type EditionState =
  | { status: 'absent' }
  | {
      status: 'present';
      editionId: string;
      phase: Phase;
      districts: District[];
      citywidePool: CitywidePool | null;
      rules: EditionRules;
      calendar: Calendar;
      /** Per district, the proposals on the ballot and their final costs; set when voting opens. */
      ballot: Record<string, BallotEntry[]> | null;
      /** Global position of the event that closed voting; ballots recorded after it do not count. */
      votingClosedAt: number | null;
      tallied: boolean;
    };

/** An edition that exists: what other features' deciders are handed. */
export type Edition = Extract<EditionState, { status: 'present' }>;

export type EditionCommand =
  | {
      type: 'DraftEdition';
      editionId: string;
      title: string;
      description: string;
      districts: District[];
      citywidePool: CitywidePool | null;
      rules: EditionRules;
      calendar: Calendar;
      by: string;
    }
  | {
      type: 'AdvancePhase';
      to: Phase;
      by: string;
      /** Required when `to` is voting: the proposals that reached each district's ballot. */
      ballot?: Record<string, BallotEntry[]>;
    }
  | { type: 'RecordTally'; ballots: number; districts: DistrictTally[]; treeHead: TreeHeadRef };

export const editionDecider: Decider<EditionCommand, EditionEvent, EditionState> = {
  initialState: () => ({ status: 'absent' }),

  decide(command, state) {
    switch (command.type) {
      case 'DraftEdition': {
        if (state.status === 'present') throw new DomainError('CONCURRENT_UPDATE');
        const { type: _type, by, ...edition } = command;
        return [{ type: 'EditionDrafted', data: { ...edition, createdBy: by } }];
      }
      case 'AdvancePhase': {
        if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: '' });
        const next = nextPhase(state.phase, state.rules);
        if (next === null || command.to !== next) {
          throw new DomainError('INVALID_PHASE_TRANSITION', {
            from: state.phase,
            to: command.to,
            next: next ?? '—',
          });
        }
        const data: EventPayload<'EditionPhaseAdvanced'> = {
          editionId: state.editionId,
          from: state.phase,
          to: next,
          by: command.by,
        };
        if (next === 'voting') data.ballot = command.ballot ?? {};
        if (next === 'results' && !state.tallied) throw new DomainError('CONCURRENT_UPDATE');
        return [{ type: 'EditionPhaseAdvanced', data }];
      }
      case 'RecordTally': {
        requirePhase(state, 'counting');
        if (state.tallied) return [];
        const { ballots, districts, treeHead } = command;
        return [
          {
            type: 'TallyComputed',
            data: { editionId: state.editionId, counting: state.rules.counting, ballots, districts, treeHead },
          },
        ];
      }
    }
  },

  evolve(state, event, meta) {
    switch (event.type) {
      case 'EditionDrafted':
        return {
          status: 'present',
          editionId: event.data.editionId,
          phase: 'draft',
          districts: event.data.districts,
          citywidePool: event.data.citywidePool ?? null,
          rules: event.data.rules,
          calendar: event.data.calendar,
          ballot: null,
          votingClosedAt: null,
          tallied: false,
        };
      case 'TallyComputed':
        if (state.status === 'absent') return state;
        return { ...state, tallied: true };
      case 'EditionPhaseAdvanced':
        if (state.status === 'absent') return state;
        return {
          ...state,
          phase: event.data.to,
          ballot: event.data.ballot ?? state.ballot,
          votingClosedAt: event.data.from === 'voting' ? (meta?.position ?? null) : state.votingClosedAt,
        };
    }
  },
};

export function requirePhase(state: EditionState, required: Phase): asserts state is Edition {
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: '' });
  if (state.phase !== required) throw new DomainError('PHASE_CLOSED', { required, phase: state.phase });
}

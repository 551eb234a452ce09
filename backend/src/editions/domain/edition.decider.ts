import {
  calendarReasonRequired,
  detailsEditable,
  nextPhase,
  PHASES,
  phaseIsDue,
  rulesFrozen,
  scheduledEnd,
  windowsOfPlannedStarts,
  type BallotEntry,
  type CalendarPhase,
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
  | { type: 'EditionEdited'; data: EventPayload<'EditionEdited'> }
  | { type: 'EditionCalendarSet'; data: EventPayload<'EditionCalendarSet'> }
  | { type: 'TallyComputed'; data: EventPayload<'TallyComputed'> };

export type EditionState =
  | { status: 'absent' }
  | {
      status: 'present';
      editionId: string;
      title: string;
      description: string;
      phase: Phase;
      districts: District[];
      citywidePool: CitywidePool | null;
      rules: EditionRules;
      calendar: CalendarPhase[];
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
      calendar: CalendarPhase[];
      by: string;
    }
  | {
      type: 'AdvancePhase';
      to: Phase;
      by: string;
      /** Required when `to` is voting: the proposals that reached each district's ballot. */
      ballot?: Record<string, BallotEntry[]>;
      /**
       * Set when the calendar asks (by THE_CALENDAR): the time it asks at. Then the change
       * happens only if the stream's own calendar says the phase is over by then, so a
       * replica that lost the race, or a calendar moved meanwhile, records nothing.
       */
      dueAt?: Date;
    }
  | {
      type: 'EditEdition';
      title?: string;
      description?: string;
      districts?: District[];
      citywidePool?: CitywidePool | null;
      rules?: EditionRules;
      calendar?: { phases: CalendarPhase[]; reason: string | null };
      /** The districts (and citywide pool) that have proposals, withdrawn ones too: those cannot be removed. */
      districtsWithProposals: string[];
      at: Date;
      by: string;
    }
  | { type: 'SetCalendar'; phases: CalendarPhase[]; reason: string | null; at: Date; by: string }
  | { type: 'RecordTally'; ballots: number; districts: DistrictTally[]; treeHead: TreeHeadRef };

export const editionDecider: Decider<EditionCommand, EditionEvent, EditionState> = {
  initialState: () => ({ status: 'absent' }),

  decide(command, state) {
    switch (command.type) {
      case 'DraftEdition': {
        if (state.status === 'present') throw new DomainError('CONCURRENT_UPDATE');
        const { type: _type, by, calendar, ...edition } = command;
        const drafted: EditionEvent[] = [{ type: 'EditionDrafted', data: { ...edition, calendar: {}, createdBy: by } }];
        if (calendar.length === 0) return drafted;
        const data = { editionId: edition.editionId, phases: calendar, reason: null, by };
        return [...drafted, { type: 'EditionCalendarSet', data }];
      }
      case 'AdvancePhase': {
        if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: '' });
        const next = nextPhase(state.phase, state.rules);
        if (
          command.dueAt &&
          (next !== command.to || !phaseIsDue(state.phase, state.calendar, state.rules, command.dueAt))
        ) {
          return [];
        }
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
      case 'EditEdition':
        return editEdition(command, requirePresent(state));
      case 'SetCalendar': {
        const edition = requirePresent(state);
        const { phases, reason, at, by } = command;
        checkCalendar(edition, phases, reason, at);
        if (JSON.stringify(phases) === JSON.stringify(edition.calendar) && reason === null) return [];
        return [{ type: 'EditionCalendarSet', data: { editionId: edition.editionId, phases, reason, by } }];
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
          title: event.data.title,
          description: event.data.description,
          phase: 'draft',
          districts: event.data.districts,
          citywidePool: event.data.citywidePool ?? null,
          rules: event.data.rules,
          calendar: windowsOfPlannedStarts(event.data.calendar),
          ballot: null,
          votingClosedAt: null,
          tallied: false,
        };
      case 'TallyComputed':
        if (state.status === 'absent') return state;
        return { ...state, tallied: true };
      case 'EditionEdited': {
        if (state.status === 'absent') return state;
        const { editionId: _id, by: _by, ...changed } = event.data;
        return { ...state, ...changed };
      }
      case 'EditionCalendarSet':
        if (state.status === 'absent') return state;
        return { ...state, calendar: event.data.phases };
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

function requirePresent(state: EditionState): Edition {
  if (state.status === 'absent') throw new DomainError('NOT_FOUND', { what: 'edition', id: '' });
  return state;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changes is recorded; each part only while its phase allows (contracts' editions/editing.ts). */
function editEdition(command: Extract<EditionCommand, { type: 'EditEdition' }>, edition: Edition): EditionEvent[] {
  const changed: Omit<EventPayload<'EditionEdited'>, 'editionId' | 'by'> = {};
  if (command.title !== undefined && command.title !== edition.title) changed.title = command.title;
  if (command.description !== undefined && command.description !== edition.description) {
    changed.description = command.description;
  }
  if (command.districts !== undefined && !same(command.districts, edition.districts)) {
    changed.districts = command.districts;
  }
  if (command.citywidePool !== undefined && !same(command.citywidePool, edition.citywidePool)) {
    changed.citywidePool = command.citywidePool;
  }
  if (command.rules !== undefined && !same(command.rules, edition.rules)) changed.rules = command.rules;

  const { phase } = edition;
  const details = [changed.title, changed.description, changed.districts, changed.citywidePool];
  if (details.some((value) => value !== undefined) && !detailsEditable(phase)) {
    throw new DomainError('DETAILS_FROZEN', { phase });
  }
  if (changed.rules && rulesFrozen(phase)) throw new DomainError('RULES_FROZEN', { phase });
  if (changed.districts || changed.citywidePool !== undefined) {
    // Proposals name their district, or the citywide pool, by id: neither may go while one does.
    const districts = changed.districts ?? edition.districts;
    const pool = changed.citywidePool === undefined ? edition.citywidePool : changed.citywidePool;
    const kept = new Set([...districts.map((d) => d.id), ...(pool ? [pool.id] : [])]);
    const removed = command.districtsWithProposals.find((id) => !kept.has(id));
    if (removed !== undefined) throw new DomainError('DISTRICT_HAS_PROPOSALS', { district: removed });
    if (pool && districts.some((d) => d.id === pool.id)) {
      throw new DomainError('VALIDATION_FAILED', {
        summary: 'citywidePool.id: the citywide pool needs an id no district has',
      });
    }
  }

  const events: EditionEvent[] = [];
  if (Object.keys(changed).length > 0) {
    events.push({ type: 'EditionEdited', data: { editionId: edition.editionId, ...changed, by: command.by } });
  }
  if (command.calendar) {
    const { phases, reason } = command.calendar;
    checkCalendar(edition, phases, reason, command.at);
    if (!same(phases, edition.calendar) || reason !== null) {
      events.push({
        type: 'EditionCalendarSet',
        data: { editionId: edition.editionId, phases, reason, by: command.by },
      });
    }
  }
  return events;
}

/**
 * A calendar may always move; once voting has opened, only with a public reason. It may
 * not put the end of the current phase, or any date of the phases still to come, in the
 * past: moving on now is what advancing a phase is for.
 */
function checkCalendar(edition: Edition, phases: CalendarPhase[], reason: string | null, at: Date): void {
  const { phase } = edition;
  if (calendarReasonRequired(phase) && reason === null) throw new DomainError('REASON_REQUIRED');
  const current = PHASES.indexOf(phase);
  for (const window of phases) {
    const index = PHASES.indexOf(window.phase);
    if (index < current) continue;
    const dates = index === current ? [window.endsAt] : [window.startsAt, window.endsAt];
    const past = dates.find((date) => Date.parse(date) <= at.getTime());
    if (past !== undefined) throw new DomainError('CALENDAR_IN_PAST', { phase: window.phase, at: past });
  }
  const end = scheduledEnd(phase, phases, edition.rules);
  if (end !== null && Date.parse(end) <= at.getTime()) throw new DomainError('CALENDAR_IN_PAST', { phase, at: end });
}

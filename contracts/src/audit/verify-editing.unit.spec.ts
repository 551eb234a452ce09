import { THE_CALENDAR, type CalendarPhase } from '../editions/calendar';
import { editionRulesSchema, type Phase } from '../editions/edition';
import type { PublicDomainEvent } from '../events/catalog';
import { type Finding, finding } from './findings';
import { checkRules } from './verify-rules';
import type { LoggedDomainEvent } from './verify-log';

const EDITION = 'pp-2027';
const ADMIN = 'a'.repeat(64);
const rules = editionRulesSchema.parse({});
const centro = { id: 'centro', name: 'Centro', budget: 1_000_000 };
const norte = { id: 'norte', name: 'Norte', budget: 1_000_000 };

/** An edition's log as checkRules reads it: events in order, recorded a minute apart from 2027-01-01 unless `at` says. */
class Log {
  readonly events: LoggedDomainEvent[] = [];
  phase: Phase = 'draft';

  constructor() {
    this.add({
      type: 'EditionDrafted',
      data: {
        editionId: EDITION,
        title: 'PP 2027',
        description: '',
        districts: [centro, norte],
        rules,
        calendar: {},
        createdBy: ADMIN,
      },
    });
  }

  add(event: PublicDomainEvent, at?: string): this {
    const index = this.events.length;
    this.events.push({
      ...event,
      id: `event-${index}`,
      stream: 'edition-pp-2027',
      revision: index,
      recordedAt: at ?? new Date(Date.UTC(2027, 0, 1, 0, index)).toISOString(),
      index,
    } as LoggedDomainEvent);
    return this;
  }

  to(to: Phase, by = ADMIN, at?: string): this {
    const data = { editionId: EDITION, from: this.phase, to, by, ...(to === 'voting' ? { ballot: {} } : {}) };
    this.phase = to;
    return this.add({ type: 'EditionPhaseAdvanced', data }, at);
  }

  edit(changes: Omit<Extract<PublicDomainEvent, { type: 'EditionEdited' }>['data'], 'editionId' | 'by'>): this {
    return this.add({ type: 'EditionEdited', data: { editionId: EDITION, ...changes, by: ADMIN } });
  }

  calendar(phases: CalendarPhase[], reason: string | null = null): this {
    return this.add({ type: 'EditionCalendarSet', data: { editionId: EDITION, phases, reason, by: ADMIN } });
  }

  findings(): Finding[] {
    const findings: Finding[] = [];
    checkRules(this.events, [], findings);
    return findings;
  }
}

describe('verify: edits and the calendar', () => {
  it('accepts edits while their phase allows them, and a calendar that moves phases on time', () => {
    const log = new Log()
      .edit({ title: 'Presupuesto Participativo 2027', districts: [centro] })
      .calendar([{ phase: 'proposals', startsAt: '2027-01-02T00:00:00Z', endsAt: '2027-02-01T00:00:00Z' }])
      .to('proposals', THE_CALENDAR, '2027-01-02T00:00:10Z')
      .edit({ rules: { ...rules, minAge: 18 } })
      .to('review', THE_CALENDAR, '2027-02-01T00:00:05Z')
      .edit({ rules: { ...rules, minAge: 18, ballot: { ...rules.ballot, minSelections: 1 } } });
    expect(log.findings()).toEqual([]);
  });

  it('reports rules edited after voting opened', () => {
    const log = new Log().to('proposals').to('review').to('supports').to('voting');
    log.edit({ rules: { ...rules, minAge: 18 } });
    expect(log.findings()).toContainEqual(finding('RULES_EDITED_AFTER_FREEZE', { event: 'event-5', phase: 'voting' }));
  });

  it('reports a title or districts edited after proposals closed', () => {
    const log = new Log().to('proposals').to('review').edit({ title: 'Otro' });
    expect(log.findings()).toEqual([finding('DETAILS_EDITED_WHEN_FROZEN', { event: 'event-3', phase: 'review' })]);
  });

  it('reports a district removed while it has proposals', () => {
    const log = new Log().to('proposals');
    log.add({
      type: 'ProposalSubmitted',
      data: {
        editionId: EDITION,
        proposalId: 'p1',
        author: 'b'.repeat(64),
        title: 'Luminarias',
        description: 'Luminarias LED en la Alameda.',
        district: 'norte',
        estimatedCost: 100_000,
        category: null,
        location: null,
      },
    });
    log.edit({ districts: [centro] });
    expect(log.findings()).toEqual([
      finding('DISTRICT_REMOVED_WITH_PROPOSALS', { event: 'event-3', district: 'norte' }),
    ]);
  });

  it('reports a citywide pool taken away while it has proposals', () => {
    const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 1_000_000 };
    const log = new Log().edit({ citywidePool: ciudad }).to('proposals');
    log.add({
      type: 'ProposalSubmitted',
      data: {
        editionId: EDITION,
        proposalId: 'p1',
        author: 'b'.repeat(64),
        title: 'Ciclovía',
        description: 'Una ciclovía que cruza la ciudad.',
        district: 'ciudad',
        estimatedCost: 100_000,
        category: null,
        location: null,
      },
    });
    log.edit({ citywidePool: { ...ciudad, budget: 2_000_000 } }).edit({ citywidePool: null });
    expect(log.findings()).toEqual([
      finding('DISTRICT_REMOVED_WITH_PROPOSALS', { event: 'event-5', district: 'ciudad' }),
    ]);
  });

  it('reports a calendar moved without a reason after voting opened', () => {
    const log = new Log().to('proposals').to('review').to('supports').to('voting').calendar([]);
    expect(log.findings()).toEqual([finding('CALENDAR_MOVED_WITHOUT_REASON', { event: 'event-5', phase: 'voting' })]);
    const explained = new Log().to('proposals').to('review').to('supports').to('voting').calendar([], 'Lluvias');
    expect(explained.findings()).toEqual([]);
  });

  it('reports a phase the calendar ended before its time', () => {
    const log = new Log()
      .calendar([{ phase: 'proposals', startsAt: '2027-01-02T00:00:00Z', endsAt: '2027-02-01T00:00:00Z' }])
      .to('proposals', THE_CALENDAR, '2027-01-02T00:00:00Z')
      .to('review', THE_CALENDAR, '2027-01-20T00:00:00Z');
    expect(log.findings()).toEqual([
      finding('CALENDAR_ADVANCE_EARLY', {
        event: 'event-3',
        phase: 'proposals',
        at: '2027-01-20T00:00:00Z',
        end: '2027-02-01T00:00:00Z',
      }),
    ]);
  });

  it('checks the ballot against the rules as edited before voting opened', () => {
    // Supports switched off in review: a proposal with none belongs on the ballot.
    const log = new Log().to('proposals');
    log.add({
      type: 'ProposalSubmitted',
      data: {
        editionId: EDITION,
        proposalId: 'p1',
        author: 'b'.repeat(64),
        title: 'Luminarias',
        description: 'Luminarias LED en la Alameda.',
        district: 'centro',
        estimatedCost: 100_000,
        category: null,
        location: null,
      },
    });
    log.to('review').add({
      type: 'ProposalAssessed',
      data: {
        editionId: EDITION,
        proposalId: 'p1',
        reviewer: 'c'.repeat(64),
        feasible: true,
        cost: 100_000,
        reason: 'Viable.',
        technical: null,
        legal: null,
        financial: null,
      },
    });
    log.edit({ rules: { ...rules, supports: { ...rules.supports, enabled: false } } });
    log.phase = 'review';
    log.add({
      type: 'EditionPhaseAdvanced',
      data: {
        editionId: EDITION,
        from: 'review',
        to: 'voting',
        by: ADMIN,
        ballot: { centro: [{ proposalId: 'p1', cost: 100_000 }], norte: [] },
      },
    });
    expect(log.findings()).toEqual([]);
  });
});

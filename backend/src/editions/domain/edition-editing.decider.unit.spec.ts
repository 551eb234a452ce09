import { editionRulesSchema, THE_CALENDAR, type CalendarPhase, type Phase } from '@decidimos/contracts';
import { deciderSpec } from '../../testing/decider-spec';
import { editionDecider, type EditionEvent } from './edition.decider';

const admin = 'a'.repeat(64);
const rules = editionRulesSchema.parse({});
const centro = { id: 'centro', name: 'Centro', budget: 5_000_000 };
const norte = { id: 'norte', name: 'Norte', budget: 3_000_000 };
const drafted: EditionEvent = {
  type: 'EditionDrafted',
  data: {
    editionId: 'pp-2027',
    title: 'Presupuesto Participativo 2027',
    description: '',
    districts: [centro, norte],
    rules,
    calendar: {},
    createdBy: admin,
  },
};
const LIFECYCLE: Phase[] = ['draft', 'proposals', 'review', 'supports', 'voting', 'counting', 'results', 'closed'];
/** The edition drafted and advanced by hand up to `phase`. */
function inPhase(phase: Phase): EditionEvent[] {
  const events = [drafted];
  for (let i = 1; i <= LIFECYCLE.indexOf(phase); i++) {
    events.push({
      type: 'EditionPhaseAdvanced',
      data: { editionId: 'pp-2027', from: LIFECYCLE[i - 1]!, to: LIFECYCLE[i]!, by: admin },
    });
  }
  return events;
}
const calendarSet = (phases: CalendarPhase[], reason: string | null = null): EditionEvent => ({
  type: 'EditionCalendarSet',
  data: { editionId: 'pp-2027', phases, reason, by: admin },
});
const now = new Date('2027-01-10T12:00:00Z');
const proposalsWindow: CalendarPhase = {
  phase: 'proposals',
  startsAt: '2027-01-01T00:00:00-06:00',
  endsAt: '2027-02-01T00:00:00-06:00',
};
const reviewWindow: CalendarPhase = {
  phase: 'review',
  startsAt: '2027-02-01T00:00:00-06:00',
  endsAt: '2027-02-15T00:00:00-06:00',
};
const edit = { type: 'EditEdition' as const, districtsWithProposals: [], at: now, by: admin };
const spec = deciderSpec(editionDecider);

describe('editing an edition', () => {
  it('records only what changed, in draft', () => {
    spec(inPhase('draft'))
      .when({ ...edit, title: 'Presupuesto Participativo 2027', description: 'Obras para tu colonia' })
      .then([
        { type: 'EditionEdited', data: { editionId: 'pp-2027', description: 'Obras para tu colonia', by: admin } },
      ]);
  });

  it('changes nothing when nothing differs', () => {
    spec(inPhase('proposals'))
      .when({ ...edit, title: drafted.data.title, districts: [centro, norte], rules })
      .thenNothingHappened();
  });

  it('changes districts and budgets while proposals are open', () => {
    const districts = [{ ...centro, budget: 6_000_000 }, norte, { id: 'sur', name: 'Sur', budget: 1_000_000 }];
    spec(inPhase('proposals'))
      .when({ ...edit, districts })
      .then([{ type: 'EditionEdited', data: { editionId: 'pp-2027', districts, by: admin } }]);
  });

  it('refuses to change title, description or districts once proposals have closed', () => {
    spec(inPhase('review'))
      .when({ ...edit, title: 'Otro título' })
      .thenFails('DETAILS_FROZEN', { phase: 'review' });
    spec(inPhase('review'))
      .when({ ...edit, districts: [{ ...centro, budget: 1 }, norte] })
      .thenFails('DETAILS_FROZEN');
  });

  it('refuses to remove a district that has proposals', () => {
    spec(inPhase('proposals'))
      .when({ ...edit, districts: [centro], districtsWithProposals: ['centro', 'norte'] })
      .thenFails('DISTRICT_HAS_PROPOSALS', { district: 'norte' });
  });

  it('removes a district without proposals', () => {
    spec(inPhase('proposals'))
      .when({ ...edit, districts: [centro], districtsWithProposals: ['centro'] })
      .then([{ type: 'EditionEdited', data: { editionId: 'pp-2027', districts: [centro], by: admin } }]);
  });

  it("changes the citywide pool's budget while proposals are open, and refuses it after", () => {
    const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 };
    const withPool: EditionEvent = {
      type: 'EditionEdited',
      data: { editionId: 'pp-2027', citywidePool: ciudad, by: admin },
    };
    spec(inPhase('proposals'))
      .when({ ...edit, citywidePool: ciudad })
      .then([withPool]);
    spec([...inPhase('proposals'), withPool])
      .when({ ...edit, citywidePool: { ...ciudad, budget: 3_000_000 } })
      .then([
        {
          type: 'EditionEdited',
          data: { editionId: 'pp-2027', citywidePool: { ...ciudad, budget: 3_000_000 }, by: admin },
        },
      ]);
    spec([...inPhase('review'), withPool])
      .when({ ...edit, citywidePool: { ...ciudad, budget: 3_000_000 } })
      .thenFails('DETAILS_FROZEN');
  });

  it('refuses to take away a citywide pool that has proposals, or to give it a district id', () => {
    const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 };
    const withPool: EditionEvent = {
      type: 'EditionEdited',
      data: { editionId: 'pp-2027', citywidePool: ciudad, by: admin },
    };
    spec([...inPhase('proposals'), withPool])
      .when({ ...edit, citywidePool: null, districtsWithProposals: ['ciudad'] })
      .thenFails('DISTRICT_HAS_PROPOSALS', { district: 'ciudad' });
    spec(inPhase('proposals'))
      .when({ ...edit, citywidePool: { ...ciudad, id: 'centro' } })
      .thenFails('VALIDATION_FAILED');
  });

  it('changes the rules until voting opens', () => {
    const stricter = { ...rules, minAge: 18, ballot: { ...rules.ballot, minSelections: 1, minSpendShare: 0.5 } };
    spec(inPhase('supports'))
      .when({ ...edit, rules: stricter })
      .then([{ type: 'EditionEdited', data: { editionId: 'pp-2027', rules: stricter, by: admin } }]);
  });

  it('refuses to change the rules once voting has opened: they are frozen', () => {
    for (const phase of ['voting', 'counting', 'results', 'closed'] as const) {
      spec(inPhase(phase))
        .when({ ...edit, rules: { ...rules, minAge: 18 } })
        .thenFails('RULES_FROZEN', { phase });
    }
  });

  it('evolves later decisions from the edited rules', () => {
    const noSupports = { ...rules, supports: { ...rules.supports, enabled: false } };
    const edited: EditionEvent = {
      type: 'EditionEdited',
      data: { editionId: 'pp-2027', rules: noSupports, by: admin },
    };
    spec([...inPhase('review'), edited])
      .when({ type: 'AdvancePhase', to: 'voting', by: admin, ballot: {} })
      .then([
        {
          type: 'EditionPhaseAdvanced',
          data: { editionId: 'pp-2027', from: 'review', to: 'voting', by: admin, ballot: {} },
        },
      ]);
  });

  it('edits the calendar in the same request, as its own event', () => {
    spec(inPhase('draft'))
      .when({ ...edit, title: 'PP 2027', calendar: { phases: [reviewWindow], reason: null } })
      .then([
        { type: 'EditionEdited', data: { editionId: 'pp-2027', title: 'PP 2027', by: admin } },
        calendarSet([reviewWindow]),
      ]);
  });
});

describe('the calendar', () => {
  const set = { type: 'SetCalendar' as const, reason: null, at: now, by: admin };

  it('is set as a whole', () => {
    spec(inPhase('proposals'))
      .when({ ...set, phases: [proposalsWindow, reviewWindow] })
      .then([calendarSet([proposalsWindow, reviewWindow])]);
  });

  it('changes nothing when set to what it is', () => {
    spec([...inPhase('proposals'), calendarSet([proposalsWindow])])
      .when({ ...set, phases: [proposalsWindow] })
      .thenNothingHappened();
  });

  it('extends the current phase before it ends', () => {
    const extended = { ...proposalsWindow, endsAt: '2027-02-08T00:00:00-06:00' };
    spec([...inPhase('proposals'), calendarSet([proposalsWindow])])
      .when({ ...set, phases: [extended] })
      .then([calendarSet([extended])]);
  });

  it('refuses to end the current phase, or date a later one, in the past', () => {
    const ended = { ...proposalsWindow, endsAt: '2027-01-05T00:00:00-06:00' };
    spec(inPhase('proposals'))
      .when({ ...set, phases: [ended] })
      .thenFails('CALENDAR_IN_PAST', { phase: 'proposals', at: ended.endsAt });
    const pastReview = { ...reviewWindow, startsAt: '2027-01-02T00:00:00-06:00' };
    spec(inPhase('draft'))
      .when({ ...set, phases: [pastReview] })
      .thenFails('CALENDAR_IN_PAST', { phase: 'review' });
  });

  it('leaves the windows of past phases alone', () => {
    spec(inPhase('review'))
      .when({ ...set, phases: [proposalsWindow, reviewWindow] })
      .then([calendarSet([proposalsWindow, reviewWindow])]);
  });

  it('moves after voting opens only with a public reason', () => {
    const voting: CalendarPhase = {
      phase: 'voting',
      startsAt: '2027-01-01T00:00:00-06:00',
      endsAt: '2027-01-20T00:00:00-06:00',
    };
    spec(inPhase('voting'))
      .when({ ...set, phases: [voting] })
      .thenFails('REASON_REQUIRED');
    spec(inPhase('voting'))
      .when({ ...set, phases: [voting], reason: 'Lluvias: se extiende la votación una semana.' })
      .then([calendarSet([voting], 'Lluvias: se extiende la votación una semana.')]);
  });

  it('is drafted with the edition when given', () => {
    const { type: _type, ...data } = drafted;
    spec([])
      .when({ type: 'DraftEdition', ...data.data, calendar: [proposalsWindow], by: admin })
      .then([drafted, calendarSet([proposalsWindow])]);
  });
});

describe('phase changes by the calendar', () => {
  const scheduled = [...inPhase('proposals'), calendarSet([proposalsWindow, reviewWindow])];
  const due = new Date('2027-02-01T06:00:00Z');
  const byCalendar = { type: 'AdvancePhase' as const, to: 'review' as const, by: THE_CALENDAR };

  it('moves the edition on once its phase has ended', () => {
    spec(scheduled)
      .when({ ...byCalendar, dueAt: due })
      .then([
        {
          type: 'EditionPhaseAdvanced',
          data: { editionId: 'pp-2027', from: 'proposals', to: 'review', by: THE_CALENDAR },
        },
      ]);
  });

  it('does nothing before the phase ends', () => {
    spec(scheduled)
      .when({ ...byCalendar, dueAt: new Date(due.getTime() - 60_000) })
      .thenNothingHappened();
  });

  it('does nothing when another replica (or an admin) already moved it', () => {
    const moved: EditionEvent = {
      type: 'EditionPhaseAdvanced',
      data: { editionId: 'pp-2027', from: 'proposals', to: 'review', by: THE_CALENDAR },
    };
    spec([...scheduled, moved])
      .when({ ...byCalendar, dueAt: due })
      .thenNothingHappened();
  });

  it('does nothing when the phase was extended meanwhile', () => {
    const extended = { ...proposalsWindow, endsAt: '2027-02-08T00:00:00-06:00' };
    spec([
      ...scheduled,
      calendarSet([extended, { ...reviewWindow, startsAt: extended.endsAt, endsAt: '2027-02-20T00:00:00-06:00' }]),
    ])
      .when({ ...byCalendar, dueAt: due })
      .thenNothingHappened();
  });

  it('opens a draft when the first phase it names starts', () => {
    spec([...inPhase('draft'), calendarSet([proposalsWindow])])
      .when({ type: 'AdvancePhase', to: 'proposals', by: THE_CALENDAR, dueAt: new Date('2027-01-01T06:00:00Z') })
      .then([
        {
          type: 'EditionPhaseAdvanced',
          data: { editionId: 'pp-2027', from: 'draft', to: 'proposals', by: THE_CALENDAR },
        },
      ]);
  });

  it('still lets an admin advance early', () => {
    spec(scheduled)
      .when({ type: 'AdvancePhase', to: 'review', by: admin })
      .then([
        { type: 'EditionPhaseAdvanced', data: { editionId: 'pp-2027', from: 'proposals', to: 'review', by: admin } },
      ]);
  });
});

import { THE_CALENDAR, verifyEdition, type CalendarPhase, type Opening, type PublicEvent } from '@decidimos/contracts';
import { parseJsonLines } from '@decidimos/contracts/audit/json-lines';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { staffPseudonym } from '../identity/pseudonyms';
import { Clock } from '../shared/clock';
import { EditionHistory } from '../testing/edition-history';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { existingStream, expectNewEvents, expectProblem, given } from '../testing/given-when-then';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { PhaseClock } from './phase-clock';
import { editionStream } from './streams';

let system: TestSystem;
let admin: Client;
let reviewer: Client;
let adminPseudonym: string;

beforeAll(async () => {
  system = await startTestSystem();
  ({ admin, reviewer } = await system.loginStaff());
  adminPseudonym = staffPseudonym(system.config.voterKey, 'admin');
}, 60_000);
afterEach(() => jest.restoreAllMocks());
afterAll(() => system.close());

const DAY = 86_400_000;
/** An instant `days` from the real now, to the minute, as an admin would write it. */
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000).toISOString();
const window = (phase: CalendarPhase['phase'], from: number, to: number): CalendarPhase => ({
  phase,
  startsAt: inDays(from),
  endsAt: inDays(to),
});

/** Time as the app sees it from now on: the tests drive it forward instead of sleeping. */
function setTime(at: string) {
  jest.spyOn(system.app.get(Clock), 'now').mockReturnValue(new Date(at));
}
const minuteAfter = (at: string) => new Date(Date.parse(at) + 60_000).toISOString();

/** The phase changes of the edition that `act` recorded. */
async function phaseChangesOf(editionId: string, act: () => Promise<unknown>) {
  const store = system.app.get<EventStore>(EVENT_STORE);
  const before = await store.headPosition();
  await act();
  const appended = await store.readAll({ after: before });
  return appended
    .filter((event) => event.streamId === editionStream(editionId) && event.type === 'EditionPhaseAdvanced')
    .map((event) => event.data);
}

function history(phase: 'draft' | 'proposals' | 'review' | 'voting') {
  const edition = new EditionHistory(system);
  if (phase === 'draft') return edition;
  edition.advance('proposals');
  if (phase === 'proposals') return edition;
  edition.advance('review');
  if (phase === 'review') return edition;
  return edition.advance('supports').openVoting({ centro: [], norte: [] });
}

describe('editing an edition over HTTP', () => {
  it('changes title, description, districts, budgets and rules in draft, recording only what changed', async () => {
    const edition = history('draft');
    const rules = { ballot: { method: 'approval' as const, maxSelections: 3, minSelections: 1, minSpendShare: 0.25 } };
    const districts = [
      { id: 'centro', name: 'Centro', budget: 6_000_000 },
      { id: 'norte', name: 'Norte', budget: 3_000_000 },
      { id: 'sur', name: 'Sur', budget: 2_000_000 },
    ];
    const answer = await given(system, ...edition.streams)
      .when(() =>
        admin.patch(`/api/processes/${edition.id}`, { title: 'Presupuesto Participativo 2027', districts, rules }),
      )
      .then(
        expectNewEvents(
          existingStream(editionStream(edition.id), {
            type: 'EditionEdited',
            data: {
              editionId: edition.id,
              districts,
              rules: expect.objectContaining({
                ballot: { method: 'approval', maxSelections: 3, minSelections: 1, minSpendShare: 0.25, revoting: true },
              }),
              by: adminPseudonym,
            },
          }),
        ),
      );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ districts, rules: { ballot: { minSelections: 1, minSpendShare: 0.25 } } });
  });

  it("edits the citywide pool's budget while proposals are open", async () => {
    const edition = history('proposals');
    const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 2_000_000 };
    const answer = await given(system, ...edition.streams)
      .when(() => admin.patch(`/api/processes/${edition.id}`, { citywidePool: ciudad }))
      .then(
        expectNewEvents(
          existingStream(editionStream(edition.id), {
            type: 'EditionEdited',
            data: { editionId: edition.id, citywidePool: ciudad, by: adminPseudonym },
          }),
        ),
      );
    expect(answer.body.citywidePool).toEqual(ciudad);
    const clash = await admin.patch(`/api/processes/${edition.id}`, {
      districts: [{ id: 'ciudad', name: 'Ciudad', budget: 1 }],
      citywidePool: ciudad,
    });
    expect(clash.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('refuses rules after voting opened with 409 RULES_FROZEN, in Spanish and English', async () => {
    const edition = history('voting');
    const answer = await given(system, ...edition.streams)
      .when(() => admin.patch(`/api/processes/${edition.id}`, { rules: { minAge: 18 } }))
      .then(expectProblem(409, 'RULES_FROZEN'));
    expect(answer.body.detail).toContain('votación');
    const english = await admin.patch(
      `/api/processes/${edition.id}`,
      { rules: { minAge: 18 } },
      {
        'accept-language': 'en',
      },
    );
    expect(english.body).toMatchObject({ status: 409, code: 'RULES_FROZEN', title: 'Rules fixed' });
  });

  it('refuses the title or districts once proposals have closed with 409 DETAILS_FROZEN, but takes the rules', async () => {
    const edition = history('review');
    await given(system, ...edition.streams)
      .when(() => admin.patch(`/api/processes/${edition.id}`, { title: 'Otro título' }))
      .then(expectProblem(409, 'DETAILS_FROZEN'));
    await given(system)
      .when(() => admin.patch(`/api/processes/${edition.id}`, { rules: { supports: { enabled: false } } }))
      .then(
        expectNewEvents(
          existingStream(editionStream(edition.id), {
            type: 'EditionEdited',
            data: {
              editionId: edition.id,
              rules: expect.objectContaining({ supports: { enabled: false, perResident: 5, threshold: 2 } }),
              by: adminPseudonym,
            },
          }),
        ),
      );
    // The edited rules decide what comes next: without supports, review goes straight to voting.
    const voting = await admin.post(`/api/processes/${edition.id}/phase`, { to: 'voting' });
    expect(voting).toMatchObject({ status: 200, body: { phase: 'voting' } });
  });

  it('refuses to remove a district that has proposals with 409 DISTRICT_HAS_PROPOSALS', async () => {
    const edition = history('proposals');
    edition.submit('resident-norte-1', proposalBody({ district: 'norte' }));
    const answer = await given(system, ...edition.streams)
      .when(() =>
        admin.patch(`/api/processes/${edition.id}`, {
          districts: [{ id: 'centro', name: 'Centro', budget: 5_000_000 }],
        }),
      )
      .then(expectProblem(409, 'DISTRICT_HAS_PROPOSALS'));
    expect(answer.body.detail).toContain('norte');
  });

  it('answers 400 for an empty or malformed edit, 403 for a resident, 404 for an unknown edition', async () => {
    const id = await createEdition(admin);
    expect((await admin.patch(`/api/processes/${id}`, {})).body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const duplicate = await admin.patch(`/api/processes/${id}`, {
      districts: [
        { id: 'a', name: 'A', budget: 1 },
        { id: 'a', name: 'B', budget: 1 },
      ],
    });
    expect(duplicate.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const resident = await system.login('resident-centro-1');
    expect((await resident.patch(`/api/processes/${id}`, { title: 'Mía' })).body.code).toBe('FORBIDDEN');
    expect((await admin.patch('/api/processes/no-such-edition', { title: 'Nada' })).status).toBe(404);
  });
});

describe('the calendar over HTTP', () => {
  it('is set as a whole, and the edition shows when its phase ends', async () => {
    const edition = history('proposals');
    const phases = [window('proposals', -1, 10), window('review', 10, 20), window('voting', 30, 40)];
    const answer = await given(system, ...edition.streams)
      .when(() => admin.put(`/api/processes/${edition.id}/calendar`, { phases }))
      .then(
        expectNewEvents(
          existingStream(editionStream(edition.id), {
            type: 'EditionCalendarSet',
            data: { editionId: edition.id, phases, reason: null, by: adminPseudonym },
          }),
        ),
      );
    expect(answer.body).toMatchObject({
      calendarPhases: phases,
      phaseEndsAt: phases[0]!.endsAt,
      calendar: { proposals: phases[0]!.startsAt, review: phases[1]!.startsAt, voting: phases[2]!.startsAt },
    });
  });

  it('is given when the edition is created', async () => {
    const phases = [window('proposals', 1, 10)];
    const id = await createEdition(admin, [], editionBody({ calendar: phases }));
    const edition = await system.anonymous.get(`/api/processes/${id}`);
    expect(edition.body).toMatchObject({ phase: 'draft', calendarPhases: phases, phaseEndsAt: phases[0]!.startsAt });
  });

  it('refuses overlapping windows (400) and a current phase ending in the past (422 CALENDAR_IN_PAST)', async () => {
    const id = await createEdition(admin, ['proposals']);
    const overlapping = await admin.put(`/api/processes/${id}/calendar`, {
      phases: [window('proposals', -1, 10), window('review', 5, 20)],
    });
    expect(overlapping.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const ended = await admin.put(`/api/processes/${id}/calendar`, { phases: [window('proposals', -10, -1)] });
    expect(ended.body).toMatchObject({ status: 422, code: 'CALENDAR_IN_PAST' });
  });

  it('moves after voting opens only with a public reason', async () => {
    const edition = history('voting');
    const phases = [window('voting', -1, 7)];
    await given(system, ...edition.streams)
      .when(() => admin.put(`/api/processes/${edition.id}/calendar`, { phases }))
      .then(expectProblem(422, 'REASON_REQUIRED'));
    const reason = 'Se extiende la votación una semana por las lluvias.';
    const moved = await admin.put(`/api/processes/${edition.id}/calendar`, { phases, reason });
    expect(moved.body).toMatchObject({ calendarReason: reason, phaseEndsAt: phases[0]!.endsAt });
  });
});

describe('phase changes by the calendar', () => {
  it('advances the edition at the end of its phase, once, by the calendar', async () => {
    const edition = history('proposals');
    await edition.seed();
    const proposals = window('proposals', -1, 3);
    await admin.put(`/api/processes/${edition.id}/calendar`, { phases: [proposals, window('review', 3, 9)] });

    setTime(new Date(Date.parse(proposals.endsAt) - 60_000).toISOString());
    expect(await phaseChangesOf(edition.id, () => system.app.get(PhaseClock).advanceDue())).toEqual([]);
    setTime(proposals.endsAt);
    expect(await phaseChangesOf(edition.id, () => system.app.get(PhaseClock).advanceDue())).toEqual([
      { editionId: edition.id, from: 'proposals', to: 'review', by: THE_CALENDAR },
    ]);
    setTime(minuteAfter(proposals.endsAt));
    expect(await phaseChangesOf(edition.id, () => system.app.get(PhaseClock).advanceDue())).toEqual([]);
    const view = await system.anonymous.get(`/api/processes/${edition.id}`);
    expect(view.body).toMatchObject({ phase: 'review', phaseEndsAt: window('review', 3, 9).endsAt });
  });

  it('lets an admin advance early, and then does not advance again at the old end', async () => {
    const proposals = window('proposals', -1, 3);
    const id = await createEdition(admin, ['proposals']);
    await admin.put(`/api/processes/${id}/calendar`, { phases: [proposals] });
    expect((await admin.post(`/api/processes/${id}/phase`, { to: 'review' })).body.phase).toBe('review');
    setTime(proposals.endsAt);
    await system.app.get(PhaseClock).advanceDue();
    expect((await system.anonymous.get(`/api/processes/${id}`)).body).toMatchObject({
      phase: 'review',
      phaseEndsAt: null,
    });
  });

  it('lets an admin extend a phase before it ends', async () => {
    const proposals = window('proposals', -1, 3);
    const id = await createEdition(admin, ['proposals']);
    await admin.put(`/api/processes/${id}/calendar`, { phases: [proposals] });
    const extended = { ...proposals, endsAt: inDays(5) };
    expect((await admin.put(`/api/processes/${id}/calendar`, { phases: [extended] })).status).toBe(200);
    const clock = system.app.get(PhaseClock);
    setTime(proposals.endsAt);
    await clock.advanceDue();
    expect((await system.anonymous.get(`/api/processes/${id}`)).body.phase).toBe('proposals');
    setTime(extended.endsAt);
    await clock.advanceDue();
    expect((await system.anonymous.get(`/api/processes/${id}`)).body.phase).toBe('review');
  });

  it('closes voting on time, counts, and the export still verifies with its edits and calendar', async () => {
    const id = await createEdition(
      admin,
      ['proposals'],
      editionBody({ districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }] }),
    );
    const author = await system.login('resident-centro-1');
    const submit = async (title: string) =>
      (await author.post(`/api/processes/${id}/proposals`, proposalBody({ title }))).body.id as string;
    const [p1, p2] = [await submit('Primera propuesta'), await submit('Segunda propuesta')];
    await admin.post(`/api/processes/${id}/phase`, { to: 'review' });
    for (const proposal of [p1, p2]) {
      await reviewer.post(`/api/proposals/${proposal}/assessment`, {
        feasible: true,
        cost: 400_000,
        reason: 'Viable.',
      });
    }
    // Edited in review, before the freeze: no supports, and every ballot picks at least one proposal.
    const edited = await admin.patch(`/api/processes/${id}`, {
      rules: { supports: { enabled: false }, ballot: { minSelections: 1 } },
    });
    expect(edited.status).toBe(200);
    // The calendar is set two days back, so that voting's end has really passed when the
    // calendar closes it: the log's own times must show it closed on time.
    setTime(inDays(-2));
    const voting = window('voting', -1, -1 / 24);
    await admin.put(`/api/processes/${id}/calendar`, { phases: [voting] });
    await admin.post(`/api/processes/${id}/phase`, { to: 'voting' });
    const resident = await system.login('resident-centro-2');
    expect((await resident.post(`/api/processes/${id}/ballot`, { selections: [] })).body.code).toBe('TOO_FEW');
    expect((await resident.post(`/api/processes/${id}/ballot`, { selections: [p1] })).status).toBe(201);
    const reason = 'Se extiende la votación por las lluvias.';
    const extended = { ...voting, endsAt: inDays(-1 / 1440) };
    expect((await admin.put(`/api/processes/${id}/calendar`, { phases: [extended], reason })).status).toBe(200);

    jest.restoreAllMocks();
    await system.app.get(PhaseClock).advanceDue();
    expect((await system.anonymous.get(`/api/processes/${id}`)).body.phase).toBe('counting');
    expect((await admin.post(`/api/processes/${id}/phase`, { to: 'results' })).status).toBe(200);

    const events = parseJsonLines(
      (await system.anonymous.get(`/api/processes/${id}/audit/export`)).body,
    ) as PublicEvent[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['EditionEdited', 'EditionCalendarSet']));
    expect(events.find((e) => e.type === 'EditionPhaseAdvanced' && e.data['to'] === 'counting')!.data['by']).toBe(
      THE_CALENDAR,
    );
    const treeHeads = (await system.anonymous.get(`/api/processes/${id}/audit/tree-heads`)).body;
    const results = (await system.anonymous.get(`/api/processes/${id}/results`)).body;
    const openings = parseJsonLines(
      (await system.anonymous.get(`/api/processes/${id}/audit/openings`)).body,
    ) as Opening[];
    const verification = verifyEdition({ events, treeHeads, results, openings });
    expect(verification.findings).toEqual([]);
    expect(verification).toMatchObject({ ok: true, ballotsCast: 1 });
  });
});

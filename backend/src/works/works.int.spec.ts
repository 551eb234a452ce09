import type { EventPayload, WorkDetail, WorkList } from '@decidimos/contracts';
import { EditionHistory } from '../testing/edition-history';
import { editionBody } from '../testing/fixtures';
import { existingStream, expectNewEvents, expectProblem, given } from '../testing/given-when-then';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';
import { workStream } from './streams';

let system: TestSystem;
let admin: Client;
let implementer: Client;
let resident: Client;
let history: EditionHistory;
let works: { a: string; b: string; c: string; n1: string };

const feasible = (cost: number) => ({ feasible: true, cost, reason: 'Viable: predio municipal y costo verificado.' });
const updates = (work: string) => `/api/works/${work}/updates`;
const updated = (work: string, fields: Omit<EventPayload<'WorkUpdated'>, 'editionId' | 'workId' | 'by'>) =>
  existingStream(workStream(history.id, work), {
    type: 'WorkUpdated',
    data: { editionId: history.id, workId: work, by: history.staff('implementer'), ...fields },
  });

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  await admin.post('/api/roles/grant', { subject: 'implementer', role: 'implementer' });
  implementer = await system.login('implementer');
  resident = await system.login('resident-centro-1');
  history = new EditionHistory(
    system,
    editionBody({
      districts: [
        { id: 'centro', name: 'Centro', budget: 1_000_000 },
        { id: 'norte', name: 'Norte', budget: 500_000 },
      ],
      rules: { supports: { enabled: false }, counting: { rule: 'greedy' } },
    }),
  ).advance('proposals');
  works = {
    a: history.submit('resident-centro-1', { title: 'Parque A', district: 'centro', estimatedCost: 600_000 }),
    // A title a spreadsheet would run as a formula: the CSV must show it as text.
    b: history.submit('resident-centro-2', { title: '=HYPERLINK("x")', district: 'centro', estimatedCost: 300_000 }),
    c: history.submit('resident-centro-3', { title: 'Cancha C', district: 'centro', estimatedCost: 250_000 }),
    n1: history.submit('resident-norte-1', { title: 'Norte uno', district: 'norte', estimatedCost: 300_000 }),
  };
  history.advance('review');
  history.assess(works.a, feasible(600_000));
  history.assess(works.b, feasible(300_000));
  history.assess(works.c, feasible(250_000));
  history.assess(works.n1, feasible(320_000));
  await history.seed();
  expect((await admin.post(`/api/processes/${history.id}/phase`, { to: 'voting' })).body.phase).toBe('voting');
  // Greedy: a (3 votes) and b (2) fit the 1,000,000 of centro, c (1) no longer does; n1 wins norte.
  const vote = async (account: string, selections: string[]) =>
    expect(
      (await (await system.login(account)).post(`/api/processes/${history.id}/ballot`, { selections })).status,
    ).toBe(201);
  await vote('resident-centro-1', [works.a, works.b]);
  await vote('resident-centro-2', [works.a, works.b]);
  await vote('resident-centro-3', [works.a, works.c]);
  await vote('resident-norte-1', [works.n1]);
});
afterAll(() => system.close());

describe('works of an edition', () => {
  it('has none before the results are fixed, and an update then names no work', async () => {
    const list = await system.anonymous.get(`/api/processes/${history.id}/works`);
    expect(list).toMatchObject({ status: 200, body: { editionId: history.id, items: [] } });
    await given(system)
      .when(() => implementer.post(updates(works.a), { status: 'design' }))
      .then(expectProblem(404, 'NOT_FOUND'));
  });

  it('keeps the works unannounced while counting, though the tally is fixed', async () => {
    await admin.post(`/api/processes/${history.id}/phase`, { to: 'counting' });
    const list = await system.anonymous.get(`/api/processes/${history.id}/works`);
    expect(list).toMatchObject({ status: 200, body: { items: [] } });
    expect(await system.anonymous.get(`/api/works/${works.a}`)).toMatchObject({ status: 404 });
    await given(system)
      .when(() => implementer.post(updates(works.a), { status: 'design' }))
      .then(expectProblem(404, 'NOT_FOUND'));
  });

  it('makes every selected proposal a work with its assessed cost as the awarded budget once results are out', async () => {
    await admin.post(`/api/processes/${history.id}/phase`, { to: 'results' });
    const list = await system.anonymous.get(`/api/processes/${history.id}/works`);
    expect(list.status).toBe(200);
    const items = (list.body as WorkList).items;
    expect(
      items.map(({ id, title, district, districtName, awarded, spent, progress, status }) => ({
        id,
        title,
        district,
        districtName,
        awarded,
        spent,
        progress,
        status,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          id: works.a,
          title: 'Parque A',
          district: 'centro',
          districtName: 'Centro',
          awarded: 600_000,
          spent: 0,
          progress: 0,
          status: 'planned',
        },
        {
          id: works.b,
          title: '=HYPERLINK("x")',
          district: 'centro',
          districtName: 'Centro',
          awarded: 300_000,
          spent: 0,
          progress: 0,
          status: 'planned',
        },
        {
          id: works.n1,
          title: 'Norte uno',
          district: 'norte',
          districtName: 'Norte',
          awarded: 320_000,
          spent: 0,
          progress: 0,
          status: 'planned',
        },
      ]),
    );
    expect(items).toHaveLength(3);
    expect(await system.anonymous.get(`/api/works/${works.c}`)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    await given(system)
      .when(() => implementer.post(updates(works.c), { status: 'design' }))
      .then(expectProblem(404, 'NOT_FOUND'));
  });

  it('takes updates from implementers only', async () => {
    await given(system)
      .when(() => resident.post(updates(works.a), { status: 'design' }))
      .then(expectProblem(403, 'FORBIDDEN'));
    await given(system)
      .when(() => system.anonymous.post(updates(works.a), { status: 'design' }))
      .then(expectProblem(401, 'UNAUTHENTICATED'));
  });

  it('refuses an update that changes nothing or is malformed', async () => {
    await given(system)
      .when(() => implementer.post(updates(works.a), { reason: 'Solo un motivo, sin cambio.' }))
      .then(expectProblem(400, 'VALIDATION_FAILED'));
    await given(system)
      .when(() => implementer.post(updates(works.a), { progress: 101 }))
      .then(expectProblem(400, 'VALIDATION_FAILED'));
    await given(system)
      .when(() => implementer.post(updates(works.a), { expectedEnd: '31/03/2028' }))
      .then(expectProblem(400, 'VALIDATION_FAILED'));
    // Text that would stop the audit log (a lone UTF-16 surrogate) is refused, naming the field.
    const broken = await given(system)
      .when(() =>
        implementer.request(
          'POST',
          updates(works.a),
          String.raw`{"milestone":{"date":"2027-11-15","title":"a\ud800b"}}`,
        ),
      )
      .then(expectProblem(400, 'VALIDATION_FAILED'));
    expect(broken.body.errors).toEqual([expect.objectContaining({ path: 'body.milestone.title' })]);
  });

  it('follows a work through its whole life, each update an event in the work stream', async () => {
    const start = await given(system)
      .when(() =>
        implementer.post(updates(works.a), {
          status: 'design',
          department: 'Secretaría de Obras Públicas',
          expectedEnd: '2028-03-31',
        }),
      )
      .then(
        expectNewEvents(
          updated(works.a, { status: 'design', department: 'Secretaría de Obras Públicas', expectedEnd: '2028-03-31' }),
        ),
      );
    expect(start.status).toBe(201);
    expect(start.body).toMatchObject({ id: works.a, status: 'design', department: 'Secretaría de Obras Públicas' });

    const milestone = { date: '2027-11-15', title: 'Licitación publicada', description: 'Convocatoria LP-014.' };
    await given(system)
      .when(() =>
        implementer.post(updates(works.a), { status: 'in_progress', progress: 60, spent: 350_000, milestone }),
      )
      .then(expectNewEvents(updated(works.a, { status: 'in_progress', progress: 60, spent: 350_000, milestone })));

    // Each rule refuses with its own problem and records nothing.
    await given(system)
      .when(() => implementer.post(updates(works.a), { progress: 40 }))
      .then(expectProblem(422, 'PROGRESS_DECREASE_NEEDS_REASON'));
    await given(system)
      .when(() => implementer.post(updates(works.a), { spent: 700_000 }))
      .then(expectProblem(422, 'OVERSPEND_NEEDS_REASON'));
    await given(system)
      .when(() => implementer.post(updates(works.a), { status: 'finished' }))
      .then(expectProblem(422, 'FINISHED_NEEDS_FULL_PROGRESS'));
    await given(system)
      .when(() => implementer.post(updates(works.a), { status: 'cancelled' }))
      .then(expectProblem(422, 'CANCEL_NEEDS_REASON'));

    const reason = 'Aumento del precio del acero en la segunda etapa.';
    await given(system)
      .when(() => implementer.post(updates(works.a), { spent: 640_000, progress: 100, status: 'finished', reason }))
      .then(expectNewEvents(updated(works.a, { spent: 640_000, progress: 100, status: 'finished', reason })));

    await given(system)
      .when(() => implementer.post(updates(works.a), { progress: 100 }))
      .then(expectProblem(409, 'WORK_CLOSED'));

    const detail = await system.anonymous.get(`/api/works/${works.a}`);
    expect(detail.status).toBe(200);
    const work = detail.body as WorkDetail;
    expect(work).toMatchObject({
      id: works.a,
      editionId: history.id,
      status: 'finished',
      progress: 100,
      spent: 640_000,
      awarded: 600_000,
      department: 'Secretaría de Obras Públicas',
      expectedEnd: '2028-03-31',
      reason,
      milestones: [milestone],
    });
    expect(work.timeline.map((entry) => [entry.status, entry.progress, entry.milestone?.title ?? null])).toEqual([
      ['design', null, null],
      ['in_progress', 60, 'Licitación publicada'],
      ['finished', 100, null],
    ]);
  });

  it('cancels a work with a public reason, and takes nothing after', async () => {
    const reason = 'El predio resultó ser de propiedad federal.';
    await given(system)
      .when(() => implementer.post(updates(works.n1), { status: 'cancelled', reason }))
      .then(expectNewEvents(updated(works.n1, { status: 'cancelled', reason })));
    await given(system)
      .when(() => implementer.post(updates(works.n1), { status: 'design' }))
      .then(expectProblem(409, 'WORK_CLOSED'));
  });

  it('records a repeated request with the same Idempotency-Key once', async () => {
    const key = { 'idempotency-key': 'avance-b-1' };
    const body = { status: 'tendering', progress: 5 };
    await given(system)
      .when(async () => {
        const first = await implementer.post(updates(works.b), body, key);
        const again = await implementer.post(updates(works.b), body, key);
        expect(again.body).toEqual(first.body);
        return again;
      })
      .then(expectNewEvents(updated(works.b, { status: 'tendering', progress: 5 })));
  });

  it('publishes every work as open data, in CSV (safe from formula injection) and JSON', async () => {
    const csv = await system.anonymous.get(`/api/processes/${history.id}/works.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="obras-${history.id}.csv"`);
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"id","editionId","title","district","districtName","status","progress","awarded","spent","department","expectedEnd","reason","createdAt","updatedAt"',
    );
    expect(lines).toHaveLength(4);
    const rowB = lines.find((line) => line.startsWith(`"${works.b}"`))!;
    expect(rowB).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rowB).toContain('"tendering","5","300000","0"');
    const rowA = lines.find((line) => line.startsWith(`"${works.a}"`))!;
    expect(rowA).toContain('"finished","100","600000","640000","Secretaría de Obras Públicas","2028-03-31"');

    const json = await system.anonymous.get(`/api/processes/${history.id}/works.json`);
    expect(json.status).toBe(200);
    expect(json.body.editionId).toBe(history.id);
    expect(json.body.works).toHaveLength(3);
    expect(json.body.works.find((w: { id: string }) => w.id === works.n1)).toMatchObject({
      status: 'cancelled',
      reason: 'El predio resultó ser de propiedad federal.',
      awarded: 320_000,
    });
    expect(json.body.works.find((w: { id: string }) => w.id === works.b).title).toBe('=HYPERLINK("x")');
  });

  it('answers 404 for an unknown edition or work', async () => {
    for (const path of [
      '/api/processes/no-such-edition/works',
      '/api/processes/no-such-edition/works.csv',
      '/api/processes/no-such-edition/works.json',
      '/api/works/no-such-work',
    ]) {
      expect(await system.anonymous.get(path)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }
  });
});

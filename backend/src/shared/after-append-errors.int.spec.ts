import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { createEdition, proposalBody } from '../testing/fixtures';
import { startTestSystem, type Client, type TestSystem } from '../testing/test-system';

let system: TestSystem;
let admin: Client;
let author: Client;
let editionId: string;

beforeAll(async () => {
  system = await startTestSystem();
  admin = await system.login('admin');
  author = await system.login('resident-centro-1');
  editionId = await createEdition(admin, ['proposals']);
});
afterAll(() => system.close());
afterEach(() => jest.restoreAllMocks());

const reference = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const titles = async () =>
  ((await system.anonymous.get(`/api/processes/${editionId}/proposals`)).body.items as { title: string }[]).map(
    (p) => p.title,
  );

describe('a 500 says whether the action was recorded', () => {
  it('says it was recorded when the failure came after the append, and it was', async () => {
    const runner = system.app.get(ProjectionRunner);
    jest.spyOn(runner, 'waitFor').mockRejectedValueOnce(new Error('read models unreachable'));

    const answer = await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ title: 'Biblioteca' }), {
      'accept-language': 'en',
    });

    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({
      type: 'https://decidimos.monterrey.gob.mx/problems/recorded-but-unconfirmed',
      title: 'Recorded, not confirmed',
      status: 500,
      code: 'RECORDED_BUT_UNCONFIRMED',
      detail: expect.stringMatching(
        new RegExp(
          `^Your action was recorded, but something failed afterwards and its result cannot be shown yet; do not repeat it: reload in a few minutes to see it\\. Reference: ${reference}\\.$`,
        ),
      ),
    });
    await runner.waitFor(await system.app.get<EventStore>(EVENT_STORE).headPosition());
    expect(await titles()).toContain('Biblioteca');
  });

  it('says so in Spanish too', async () => {
    jest.spyOn(system.app.get(ProjectionRunner), 'waitFor').mockRejectedValueOnce(new Error('read models unreachable'));
    const answer = await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ title: 'Ciclovía' }));
    expect(answer.status).toBe(500);
    expect(answer.body.code).toBe('RECORDED_BUT_UNCONFIRMED');
    expect(answer.body.detail).toMatch(/^Tu acción quedó registrada, pero algo falló después/);
  });

  it('does not claim that nothing was recorded when it cannot know', async () => {
    jest.spyOn(system.app.get<EventStore>(EVENT_STORE), 'append').mockRejectedValueOnce(new Error('disk I/O error'));

    const answer = await author.post(`/api/processes/${editionId}/proposals`, proposalBody({ title: 'Mercado' }));

    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      type: 'https://decidimos.monterrey.gob.mx/problems/internal',
      title: 'Error interno',
      status: 500,
      code: 'INTERNAL',
      detail: expect.stringMatching(
        new RegExp(
          `^Algo falló de nuestro lado\\. Si intentabas cambiar algo, puede que se haya registrado o no: revisa antes de repetirlo\\. Referencia: ${reference}\\.$`,
        ),
      ),
    });
    expect(await titles()).not.toContain('Mercado');
  });
});

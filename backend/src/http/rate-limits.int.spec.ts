import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { type Answer, Client, startTestSystem, type TestSystem } from '../testing/test-system';
import { RATE_LIMITS } from './rate-limits';

const WINDOW_SECONDS = 3_600;
const LOGINS = 4;
// Large enough that each process takes its counts three at a time (a sixteenth of the limit),
// and not a multiple of three, so the last block reaches past the limit.
const WRITES = 50;
const DOWNLOADS = 2;

let system: TestSystem;
let resident: Client;
let otherResident: Client;

beforeAll(async () => {
  // A long window, so no test meets a window's end unless it moves the clock itself.
  system = await startTestSystem({
    env: {
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_LOGINS: String(LOGINS),
      RATE_LIMIT_WRITES: String(WRITES),
      RATE_LIMIT_DOWNLOADS: String(DOWNLOADS),
    },
  });
  resident = await system.login('resident-centro-1');
  otherResident = await system.login('resident-centro-2');
}, 60_000);
afterAll(() => system?.close());
afterEach(() => {
  jest.useRealTimers();
});

const english = { 'accept-language': 'en' };

/** The answer every limit gives once exceeded: a 429 problem saying when to retry, and Retry-After. */
function expectTooManyRequests(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const seconds = Number(answer.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(answer.body).toEqual({
    type: 'https://decidimos.monterrey.gob.mx/problems/too-many-requests',
    title: 'Too many requests',
    status: 429,
    detail: `There were too many requests in a short time; try again in ${seconds} s.`,
    code: 'TOO_MANY_REQUESTS',
  });
}

/** Sends the request `times` times in a row and returns the statuses. */
async function statuses(times: number, send: () => Promise<Answer>): Promise<number[]> {
  const seen: number[] = [];
  for (let n = 0; n < times; n++) seen.push((await send()).status);
  return seen;
}

describe('logins per client address', () => {
  it('lets RATE_LIMIT_LOGINS logins start, then answers 429 until the window ends', async () => {
    // beforeAll logged two residents in from this address.
    const started = await statuses(LOGINS - 2, () => system.anonymous.get('/auth/login?returnTo=/'));
    expect(started).toEqual(Array(LOGINS - 2).fill(302));

    expectTooManyRequests(await system.anonymous.get('/auth/login?returnTo=/', english));
    expectTooManyRequests(await new Client(system.baseUrl).get('/auth/login?login_hint=resident-centro-3', english));
  });

  it('counts /auth/callback on its own, with the same limit', async () => {
    // The two logins of beforeAll completed here too; a callback without a login in flight is a 400.
    const answered = await statuses(LOGINS - 2, () => system.anonymous.get('/auth/callback?code=x&state=y'));
    expect(answered).toEqual(Array(LOGINS - 2).fill(400));

    expectTooManyRequests(await system.anonymous.get('/auth/callback?code=x&state=y', english));
    const spanish = await system.anonymous.get('/auth/callback?code=x&state=y');
    expect(spanish.body).toMatchObject({
      title: 'Demasiadas solicitudes',
      detail: `Hubo demasiadas solicitudes en poco tiempo; vuelve a intentarlo en ${spanish.headers.get('retry-after')} s.`,
    });
  });
});

describe('writes per session', () => {
  const write = (client: Client) => client.post('/api/processes/nowhere/ballot', { selections: [] }, english);

  it('lets a session make RATE_LIMIT_WRITES state-changing requests, then answers 429', async () => {
    expect(await statuses(WRITES, () => write(resident))).toEqual(Array(WRITES).fill(404));

    expectTooManyRequests(await write(resident));
    expectTooManyRequests(await resident.patch('/api/proposals/nowhere', { title: 'Otra' }, english));
  });

  it('counts each session apart, even behind one address, and leaves reads alone', async () => {
    expect((await resident.get('/api/me')).status).toBe(200);
    expect((await write(otherResident)).status).toBe(404);
  });

  it('counts requests without a live session per address, invented session cookies included', async () => {
    const anonymous = new Client(system.baseUrl);
    expect(await statuses(WRITES, () => write(anonymous))).toEqual(Array(WRITES).fill(401));
    expectTooManyRequests(await write(anonymous));

    const forged = new Client(system.baseUrl);
    expectTooManyRequests(
      await forged.post('/api/processes/nowhere/ballot', {}, { ...english, cookie: 'decidimos_session=invented' }),
    );
  });
});

describe('public downloads per client address', () => {
  it('lets RATE_LIMIT_DOWNLOADS downloads through, then answers 429 on every download route', async () => {
    const download = (path: string) => system.anonymous.get(`/api/processes/nowhere/${path}`, english);
    expect([(await download('audit/export')).status, (await download('audit/tree-heads')).status]).toEqual([404, 404]);

    expectTooManyRequests(await download('audit/export'));
    expectTooManyRequests(await download('results.pb'));
    // Per address, whoever asks: a logged-in resident on the same address is refused too.
    expectTooManyRequests(await otherResident.get('/api/processes/nowhere/audit/tree-heads', english));
    // Other public reads are not downloads.
    expect((await system.anonymous.get('/api/processes')).status).toBe(200);
    expect((await system.anonymous.get('/health/live')).status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('lists the 429 problem on the limited routes only, and the 304 of the export', async () => {
    const { paths } = (await system.anonymous.get('/api/docs')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const statuses = (path: string, method: string) => Object.keys(paths[path]![method]!.responses);

    expect(statuses('/auth/login', 'get')).toContain('429');
    expect(statuses('/api/processes/{id}/ballot', 'post')).toContain('429');
    expect(statuses('/api/processes/{id}/audit/export', 'get')).toEqual(expect.arrayContaining(['200', '304', '429']));
    expect(statuses('/api/processes', 'get')).not.toContain('429');
    expect(statuses('/api/processes/{id}/ballot', 'get')).not.toContain('429');
  });
});

describe('expiry', () => {
  it('starts counting again once the window has passed, and sweeps the expired counters', async () => {
    const counters = system.app.get<ReadModelStore>(READ_MODEL_STORE).collection(RATE_LIMITS);
    expectTooManyRequests(await system.anonymous.get('/api/processes/nowhere/audit/export', english));
    expect(await counters.count()).toBeGreaterThan(1);

    // Only the clock moves (the app reads Date.now); timers and I/O stay real.
    jest.useFakeTimers({
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    jest.setSystemTime(Date.now() + WINDOW_SECONDS * 1000);

    expect((await system.anonymous.get('/api/processes/nowhere/audit/export')).status).toBe(404);
    // The request that found the sweep due removed every expired counter; only its own is left.
    expect(await counters.count()).toBe(1);
    expect((await resident.post('/api/processes/nowhere/ballot', { selections: [] })).status).toBe(404);
    expect((await system.anonymous.get('/auth/login?returnTo=/')).status).toBe(302);
  });
});

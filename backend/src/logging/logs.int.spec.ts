import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountClaims, followRedirects } from '@decidimos/infra';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { SESSION_COOKIE } from '../http/sessions';
import { boothWithShift } from '../testing/booths';
import { editionBody, proposalBody } from '../testing/fixtures';
import { Client, startTestSystem, type TestSystem } from '../testing/test-system';

interface LogLine {
  level: string;
  msg: string;
  context?: string;
  req?: { id: string; method: string; path: string };
  res?: { status: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let system: TestSystem;
let logDir: string;
let logFile: string;

beforeAll(async () => {
  logDir = mkdtempSync(join(tmpdir(), 'decidimos-logs-'));
  logFile = join(logDir, 'backend.log');
  system = await startTestSystem({ env: { LOG_LEVEL: 'debug', LOG_FILE: logFile } });
});
afterAll(async () => {
  await system.close();
  rmSync(logDir, { recursive: true, force: true });
});
afterEach(() => jest.restoreAllMocks());

const logText = () => readFileSync(logFile, 'utf8');
const logLines = () =>
  logText()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine);
const linesOfRequest = (id: string) => logLines().filter((line) => line.req?.id === id);

/** A login through the real flow that keeps what passed through the browser: the OIDC code and state. */
async function logInKeepingSecrets(account: string) {
  const client = new Client(system.baseUrl);
  const walk = await followRedirects(`${system.baseUrl}/auth/login?login_hint=${account}&returnTo=%2F`, client.jar, {
    stopAt: (url) => url.origin === system.baseUrl && url.pathname === '/auth/callback',
  });
  const callback = new URL(walk.url);
  const code = callback.searchParams.get('code')!;
  const state = callback.searchParams.get('state')!;
  expect((await client.get(`${callback.pathname}${callback.search}`)).status).toBe(302);
  const me = await client.get('/api/me');
  expect(me.status).toBe(200);
  client.csrfToken = me.body.csrfToken;
  const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(client.cookie)![1]!;
  return { client, code, state, session, csrfToken: me.body.csrfToken as string };
}

describe('request ids', () => {
  it('gives each request a fresh id, sent back in X-Request-Id and carried by its log line', async () => {
    const first = await system.anonymous.get('/api/processes');
    const second = await system.anonymous.get('/api/processes');

    const id = first.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).not.toBe(id);
    expect(linesOfRequest(id)).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request completed',
        req: { id, method: 'GET', path: '/api/processes' },
        res: { status: 200 },
      }),
    ]);
  });

  it('keeps the id a proxy sent, so its lines and ours join up', async () => {
    const answer = await system.anonymous.get('/api/processes/no-such-edition', {
      'x-request-id': 'edge-01HZX3K8P2-7f3a9c2e',
    });

    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-request-id')).toBe('edge-01HZX3K8P2-7f3a9c2e');
    expect(linesOfRequest('edge-01HZX3K8P2-7f3a9c2e')).toEqual([
      expect.objectContaining({ msg: 'request completed', res: { status: 404 } }),
    ]);
  });

  it.each([
    ['too short', 'tiny-id'],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'id with spaces 1234'],
    ['with markup', '<script>alert(1)</script>'],
    ['with a quote and a semicolon', 'id";drop-table-1234'],
  ])('replaces an id %s with a fresh one', async (_, offered) => {
    const answer = await system.anonymous.get('/api/processes', { 'x-request-id': offered });

    expect(answer.status).toBe(200);
    const id = answer.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(linesOfRequest(id)).toEqual([expect.objectContaining({ res: { status: 200 } })]);
    expect(linesOfRequest(offered)).toEqual([]);
  });
});

describe('no secrets or personal data in any line', () => {
  it('logs a whole journey at debug level without cookies, tokens, OIDC codes, CURPs or names', async () => {
    const residentName = 'resident-centro-77';
    const helped = accountClaims('resident-centro-78')!;
    const admin = await system.login('admin');
    await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
    await admin.post('/api/roles/grant', { subject: 'poll-officer', role: 'poll-officer' });
    const reviewer = await system.login('reviewer');
    const officer = await system.login('poll-officer');
    const resident = await logInKeepingSecrets(residentName);
    const idempotencyKey = 'idem-4f7c2a9e-5b1d-4c3e-8a6f-0d2e9b7c1a35';
    const bearer = 'Bearer eyJhbGciOiJFUzI1NiJ9.not-a-real-token.signature';

    // An edition through proposals, review and voting, as in production.
    const created = await admin.post('/api/processes', {
      ...editionBody({ districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }] }),
      rules: { supports: { enabled: false } },
    });
    expect(created.status).toBe(201);
    const edition = created.body.id as string;
    expect((await admin.post(`/api/processes/${edition}/phase`, { to: 'proposals' })).status).toBe(200);
    const proposal = await resident.client.post(`/api/processes/${edition}/proposals`, proposalBody(), {
      'idempotency-key': idempotencyKey,
      authorization: bearer,
    });
    expect(proposal.status).toBe(201);
    const search = await system.anonymous.get(`/api/processes/${edition}/proposals?q=${residentName}`);
    expect(search.status).toBe(200);
    expect((await admin.post(`/api/processes/${edition}/phase`, { to: 'review' })).status).toBe(200);
    const assessed = await reviewer.post(`/api/proposals/${proposal.body.id}/assessment`, {
      feasible: true,
      cost: 450_000,
      reason: 'Viable: predio municipal.',
    });
    expect(assessed.status).toBe(200);
    expect((await admin.post(`/api/processes/${edition}/phase`, { to: 'voting' })).status).toBe(200);
    const ballot = await resident.client.post(`/api/processes/${edition}/ballot`, {
      selections: [proposal.body.id],
    });
    expect(ballot.status).toBe(201);
    const booth = await boothWithShift(admin, edition, 'centro', 'poll-officer');
    const assisted = await officer.post(`/api/processes/${edition}/assisted-ballots`, {
      booth,
      credential: { curp: helped.curp, birthdate: helped.birthdate, district: 'centro' },
      selections: [proposal.body.id],
    });
    expect(assisted.status).toBe(201);

    // A callback with a forged code: a warning, inside the request.
    const rejectedLogin = new Client(system.baseUrl);
    const walk = await followRedirects(
      `${system.baseUrl}/auth/login?login_hint=${residentName}&returnTo=%2F`,
      rejectedLogin.jar,
      { stopAt: (url) => url.origin === system.baseUrl && url.pathname === '/auth/callback' },
    );
    const forged = new URL(walk.url);
    const forgedState = forged.searchParams.get('state')!;
    const forgedCode = 'forged-authorization-code-0123456789';
    forged.searchParams.set('code', forgedCode);
    const rejected = await rejectedLogin.get(`${forged.pathname}${forged.search}`);
    expect(rejected).toMatchObject({ status: 400, body: { code: 'LOGIN_FAILED' } });

    // A 500: the store fails under a revote.
    jest.spyOn(system.app.get<EventStore>(EVENT_STORE), 'append').mockRejectedValueOnce(new Error('disk I/O error'));
    const failed = await resident.client.post(`/api/processes/${edition}/ballot`, { selections: [] });
    expect(failed).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });

    await system.anonymous.get('/health/live');

    const text = logText();
    for (const secret of [
      resident.session,
      resident.csrfToken,
      resident.code,
      resident.state,
      forgedCode,
      forgedState,
      helped.curp,
      helped.birthdate,
      residentName,
      idempotencyKey,
      bearer.split(' ')[1]!,
    ]) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/code=|state=|cookie|authorization|x-csrf-token|idempotency-key/i);

    // What the lines do say: each request by id, method, path and status; the failures in their request.
    const lines = logLines();
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request completed',
        req: {
          id: assisted.headers.get('x-request-id'),
          method: 'POST',
          path: `/api/processes/${edition}/assisted-ballots`,
        },
        res: { status: 201 },
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'debug', req: expect.objectContaining({ path: '/health/live' }) }),
    );
    expect(linesOfRequest(rejected.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining({
        level: 'warn',
        context: 'OIDC',
        msg: expect.stringMatching(/^login rejected: /),
        req: expect.objectContaining({ path: '/auth/callback' }),
      }),
      expect.objectContaining({ level: 'info', msg: 'request completed', res: { status: 400 } }),
    ]);
    expect(linesOfRequest(failed.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining({ level: 'error', context: 'Problems', msg: expect.stringContaining('disk I/O error') }),
      expect.objectContaining({ level: 'error', msg: 'request errored', res: { status: 500 } }),
    ]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityProvider, type RunningIdentityProvider } from '@decidimos/infra';
import { createEdition, editionBody, proposalBody } from '../testing/fixtures';
import { Client } from '../testing/test-system';

// The backend as a real process (the built backend/dist, which `npm test` builds first,
// started with the V8 option scripts/lib/backend.mjs gives it), killed with SIGKILL in the
// middle of a run of casts: no shutdown hook runs, nothing is flushed on the way out. Every
// ballot acknowledged before the kill must be counted.
const main = join(__dirname, '..', '..', 'dist', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let dataDir: string;
let idp: RunningIdentityProvider;
let baseUrl: string;
let env: NodeJS.ProcessEnv;
let backend: ChildProcess;

async function startBackend(): Promise<void> {
  backend = spawn(process.execPath, ['--no-allocation-site-pretenuring', main], { env, stdio: 'ignore' });
  for (;;) {
    if (backend.exitCode !== null) throw new Error(`backend exited with ${backend.exitCode}`);
    const ready = await fetch(`${baseUrl}/health/ready`).catch(() => null);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function kill(): Promise<void> {
  const exited = new Promise<void>((resolve) => backend.once('exit', () => resolve()));
  backend.kill('SIGKILL');
  return exited;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'decidimos-crash-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  idp = await startIdentityProvider({
    port: 0,
    autoLogin: true,
    clients: [
      { clientId: 'decidimos', clientSecret: 'decidimos-dev-secret', redirectUris: [`${baseUrl}/auth/callback`] },
    ],
  });
  env = {
    PATH: process.env['PATH'],
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    // Seeding runs before the server listens: a command that waits on nothing alive would end the process here.
    SEED_DEMO: 'true',
    OIDC_ISSUER: idp.issuer,
    FRONTEND_DIR: dataDir,
  };
  await startBackend();
}, 30_000);
afterAll(async () => {
  if (backend.exitCode === null) await kill();
  await idp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('counts every ballot acknowledged before the backend process was killed', async () => {
  const admin = await Client.logIn(baseUrl, 'admin');
  await admin.post('/api/roles/grant', { subject: 'reviewer', role: 'reviewer' });
  const reviewer = await Client.logIn(baseUrl, 'reviewer');
  const id = await createEdition(
    admin,
    ['proposals'],
    editionBody({
      districts: [{ id: 'centro', name: 'Centro', budget: 1_000_000 }],
      rules: { supports: { enabled: false } },
    }),
  );
  const author = await Client.logIn(baseUrl, 'resident-centro-1');
  const proposals: string[] = [];
  for (const title of ['Parque lineal', 'Banquetas seguras']) {
    proposals.push((await author.post(`/api/processes/${id}/proposals`, proposalBody({ title }))).body.id);
  }
  await admin.post(`/api/processes/${id}/phase`, { to: 'review' });
  for (const proposal of proposals) {
    await reviewer.post(`/api/proposals/${proposal}/assessment`, { feasible: true, cost: 400_000, reason: 'Viable.' });
  }
  await admin.post(`/api/processes/${id}/phase`, { to: 'voting' });

  const voters: Client[] = [];
  for (let n = 0; n < 40; n++) voters.push(await Client.logIn(baseUrl, `resident-centro-${500 + n}`));
  const selectionsOf = (n: number) => (n % 2 ? [proposals[0]!] : [...proposals]);
  const acknowledged = new Set<number>();
  const casts = voters.map(async (voter, n) => {
    const answer = await voter.post(`/api/processes/${id}/ballot`, { selections: selectionsOf(n) }).catch(() => null);
    if (answer?.status === 201) {
      acknowledged.add(n);
      if (acknowledged.size === 10) await kill();
    }
  });
  await Promise.all(casts);
  expect(acknowledged.size).toBeGreaterThanOrEqual(10);
  expect(backend.exitCode ?? backend.signalCode).toBe('SIGKILL');

  await startBackend();
  // Whoever was not answered tries again, as the SPA does; a ballot that landed unanswered is then a revote.
  for (let n = 0; n < voters.length; n++) {
    if (acknowledged.has(n)) continue;
    const retry = await voters[n]!.post(`/api/processes/${id}/ballot`, { selections: selectionsOf(n) });
    expect([200, 201]).toContain(retry.status);
  }
  for (const n of acknowledged) {
    const mine = await voters[n]!.get(`/api/processes/${id}/ballot`);
    expect(mine.body.selections).toEqual(selectionsOf(n));
  }
  await admin.post(`/api/processes/${id}/phase`, { to: 'counting' });
  await admin.post(`/api/processes/${id}/phase`, { to: 'results' });
  const [district] = (await Client.logIn(baseUrl, 'auditor').then((c) => c.get(`/api/processes/${id}/results`))).body
    .districts;
  expect(district.voters).toBe(40);
  const votes = Object.fromEntries(district.proposals.map((p: { id: string; votes: number }) => [p.id, p.votes]));
  expect(votes).toEqual({ [proposals[0]!]: 40, [proposals[1]!]: 20 });
}, 60_000);

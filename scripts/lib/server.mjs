// Starts the whole system as `npm start` runs it (backend + local identity provider, from
// the built dist/ folders) on free loopback ports and a fresh data directory, for scripts
// that need a real server: the benchmark, the API fuzzing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKEND_ENTRY, BACKEND_NODE_OPTIONS } from './backend.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a Node script of the repository on the same Node (24) as this one, with Node's `nodeOptions` if any. */
export function runNode(script, args = [], { nodeOptions = [], ...options } = {}) {
  return spawn(process.execPath, [...nodeOptions, script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options,
  });
}

export async function waitUntilReady(baseUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/health/ready`).catch(() => null);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${baseUrl} did not become ready within ${timeoutMs / 1000} s`);
}

/** Waits until the projections have applied every event in the log (ready allows them to run a little behind). */
export async function waitUntilCaughtUp(baseUrl, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/health/ready`).catch(() => null);
    const body = await ready?.json().catch(() => null);
    if (ready?.ok && body?.checks?.projections?.lag === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${baseUrl}'s projections did not catch up within ${timeoutMs / 1000} s`);
}

/**
 * Runs `script` (with Node's `nodeOptions`) on a free loopback port with `env` and waits
 * until it answers ready; `stop()` ends it, then runs `cleanUp`.
 */
async function startReady(script, env, { cleanUp = () => {}, nodeOptions = [] } = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = runNode(script, [], {
    nodeOptions,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, ...env },
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    cleanUp();
  };
  try {
    await waitUntilReady(baseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

/** Starts the system and waits until it is ready; `stop()` ends it and removes its data. */
export async function startServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'decidimos-script-'));
  const idpPort = await freePort();
  const shared = { DATA_DIR: dataDir, SEED_DEMO: 'false', ADMIN_SUBJECTS: 'admin', ...env };
  const { baseUrl, stop } = await startReady(
    'scripts/start.mjs',
    { IDP_PORT: String(idpPort), ...shared },
    { cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) },
  );
  // Another backend on the same data directory and identity provider, as a second replica
  // behind a proxy would run; sessions and keys live in the data directory, so a cookie
  // from the first works there too. Its `stop()` leaves the data.
  const addInstance = () =>
    startReady(
      BACKEND_ENTRY,
      {
        OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
        OIDC_CLIENT_ID: 'decidimos',
        OIDC_CLIENT_SECRET: 'decidimos-dev-secret',
        ...shared,
      },
      { nodeOptions: BACKEND_NODE_OPTIONS },
    );
  return { baseUrl, dataDir, stop, addInstance };
}

// Starts the whole system as `npm start` runs it (backend + local identity provider, from
// the built dist/ folders) on free loopback ports and a fresh data directory, for scripts
// that need a real server: the benchmark, the API fuzzing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs a Node script of the repository on the same Node (24) as this one. */
export function runNode(script, args = [], options = {}) {
  return spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
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

/** Starts the system and waits until it is ready; `stop()` ends it and removes its data. */
export async function startServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'decidimos-script-'));
  const [port, idpPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = runNode('scripts/start.mjs', [], {
    env: {
      ...process.env,
      PORT: String(port),
      IDP_PORT: String(idpPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ADMIN_SUBJECTS: 'admin',
      ...env,
    },
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  const identityProvider = `http://127.0.0.1:${idpPort}`;
  return { baseUrl, dataDir, stop, addInstance: () => startInstance({ dataDir, identityProvider, env }) };
}

/**
 * Another backend on the same data directory and identity provider, as a second replica
 * behind a proxy would run; sessions and keys live in the data directory, so a cookie from
 * the first works here too. `stop()` ends it and leaves the data.
 */
async function startInstance({ dataDir, identityProvider, env }) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = runNode('backend/dist/main.js', [], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      OIDC_ISSUER: identityProvider,
      OIDC_CLIENT_ID: 'decidimos',
      OIDC_CLIENT_SECRET: 'decidimos-dev-secret',
      SEED_DEMO: 'false',
      ADMIN_SUBJECTS: 'admin',
      ...env,
    },
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilReady(baseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

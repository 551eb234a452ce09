import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

/** Where scripts/install-ferretdb.sh puts the binary. */
export const FERRETDB_BIN = resolve(__dirname, '../../../../../.tools/bin/ferretdb');

export interface RunningFerretDb {
  /** Base URL without a database; add `/<name>` for a connection string. */
  url: string;
  /** A connection string for a database no other caller has used on this server. */
  freshDatabaseUrl(prefix?: string): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

/**
 * A real MongoDB wire-protocol server for the tests: FerretDB on its SQLite backend, in a
 * temporary directory, on a free loopback port. MongoDB itself cannot be installed on
 * these machines; FerretDB is built by scripts/install-ferretdb.sh.
 */
export async function startFerretDb(): Promise<RunningFerretDb> {
  if (!existsSync(FERRETDB_BIN)) {
    throw new Error(
      `FerretDB is not installed (no ${FERRETDB_BIN}); run scripts/install-ferretdb.sh, which .ci/run does before npm run test:mongo`,
    );
  }
  const directory = mkdtempSync(join(tmpdir(), 'decidimos-ferretdb-'));
  const port = await freePort();
  const output: string[] = [];
  const server = spawn(
    FERRETDB_BIN,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${directory}/`,
      `--state-dir=${directory}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--log-level=ERROR',
      '--debug-addr=-',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `mongodb://127.0.0.1:${port}`;
  try {
    await untilAnswering(url, server, output);
  } catch (error) {
    await stopProcess(server);
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  let databases = 0;
  return {
    url,
    freshDatabaseUrl: (prefix = 'decidimos') => `${url}/${prefix}_${process.pid}_${(databases += 1)}`,
    async stop() {
      await stopProcess(server);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((closed) => probe.close(() => closed()));
  return port;
}

/** Pings until the server answers: the driver itself waits for it to accept connections. */
async function untilAnswering(url: string, server: ChildProcess, output: string[]): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`FerretDB exited with ${code}: ${output.join('')}`))),
  );
  const client = new MongoClient(url, { serverSelectionTimeoutMS: START_TIMEOUT_MS });
  try {
    await Promise.race([client.db('admin').command({ ping: 1 }), exited]);
  } finally {
    await client.close();
  }
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  await exited;
}

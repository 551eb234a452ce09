import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildOnThread } from './rebuild-thread';

/**
 * The rebuild's second thread as the main thread sees it (issue 13): what it is asked,
 * its answer, and the ways it can end without one. The threads run small scripts standing
 * in for `rebuild-projections.js`, which only the built backend can start.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'decidimos-rebuild-thread-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort, workerData } = require('node:worker_threads');\n${body}\n`);
  return file;
}

const generations = new Map([['audit-log', 4]]);

it('asks the thread for the projections, generations and head, and resolves with the position it answers', async () => {
  const echo = entry(
    'echo',
    `parentPort.postMessage({ position: workerData.head + 1000 * workerData.generations[0][1] + workerData.names.length });`,
  );
  await expect(
    rebuildOnThread(echo, ['audit-log']).rebuild(generations, 7, new AbortController().signal),
  ).resolves.toBe(4008);
});

it('fails with the reason the thread gives', async () => {
  const failing = entry('failing', `parentPort.postMessage({ error: 'audit-log failed at event e-1: disk full' });`);
  await expect(
    rebuildOnThread(failing, ['audit-log']).rebuild(generations, 7, new AbortController().signal),
  ).rejects.toThrow('audit-log failed at event e-1: disk full');
});

it('fails when the thread stops without answering', async () => {
  const quitting = entry('quitting', 'process.exit(3);');
  await expect(
    rebuildOnThread(quitting, ['audit-log']).rebuild(generations, 7, new AbortController().signal),
  ).rejects.toThrow("the rebuild's thread for audit-log stopped (exit code 3)");
});

it('stops the thread when the other part fails', async () => {
  const endless = entry('endless', `setInterval(() => {}, 1000);`);
  const stop = new AbortController();
  const rebuilding = rebuildOnThread(endless, ['audit-log']).rebuild(generations, 7, stop.signal);
  stop.abort(new Error('ballots failed at event e-2'));
  await expect(rebuilding).rejects.toThrow('ballots failed at event e-2');
});

// One workspace's tests, as its Nx `test` target runs them (see <workspace>/project.json):
//   node scripts/jest-workspace.mjs <workspace> [jest options...]
// Runs the root jest config (tiers by suffix) on that workspace's files only, and always
// leaves jest's JSON report in <workspace>/test-artifacts/jest.json. The report is a declared
// output of the target, so a run replayed from the Nx cache restores it with the rest, and
// .ci/run sums the reports into its closing line.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [workspace, ...jestOptions] = process.argv.slice(2);
if (!workspace) {
  console.error('usage: node scripts/jest-workspace.mjs <workspace> [jest options...]');
  process.exit(2);
}
const reports = join(root, workspace, 'test-artifacts');
mkdirSync(reports, { recursive: true });

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
const { status } = spawnSync(
  process.execPath,
  [
    jest,
    `--testPathPatterns=^${RegExp.escape(join(root, workspace))}/`,
    '--json',
    `--outputFile=${join(reports, 'jest.json')}`,
    ...jestOptions,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    // The ES-module-only dependencies need require(esm) under jest (see jest.config.js).
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
  },
);
// No status means jest died of a signal: a failure.
process.exit(status ?? 1);

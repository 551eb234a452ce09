// The closing line of .ci/run: every test the run made, summed, as `ci: N passed, N failed`.
//   node scripts/ci-summary.mjs <reports-dir> <exit-status>
// <reports-dir> holds what the steps left: jest reports (`*.json`, from `--json --outputFile`;
// `npm test` leaves one per workspace in <workspace>/test-artifacts/jest.json, which .ci/run
// copies here, and a task Nx replays from its cache restores the report of the run it replays,
// made on the same inputs) and schemathesis output (`*.log`, whose "Test cases" line reads
// "N generated, N passed" or "N generated, N found K unique failures"). A run that stopped at
// a failing step with no report of its own (lint, an installer, a jest crash) counts that step
// as one failure, so the line never says "0 failed" for a red run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function jestCounts(report) {
  return {
    passed: report.numPassedTests,
    // A suite that could not run (syntax error, failed import) has no test results of its own.
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
  };
}

function schemathesisCounts(output) {
  const counts = { passed: 0, failed: 0 };
  // eslint-disable-next-line no-control-regex -- ANSI colour codes, in case the output went to a terminal
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  for (const [line, generated] of plain.matchAll(/(\d+) generated, .*/g)) {
    const failing = Number(/(\d+) found \d+ unique failures?/.exec(line)?.[1] ?? 0);
    const skipped = Number(/(\d+) skipped/.exec(line)?.[1] ?? 0);
    counts.passed += Number(generated) - failing - skipped;
    counts.failed += failing;
  }
  return counts;
}

function summarise(dir, exitStatus) {
  const total = { passed: 0, failed: 0 };
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const counts = name.endsWith('.json')
      ? jestCounts(JSON.parse(text))
      : name.endsWith('.log')
        ? schemathesisCounts(text)
        : null;
    if (!counts) continue;
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  const lines = [];
  if (exitStatus !== 0 && total.failed === 0) {
    lines.push(`ci: the run stopped (exit ${exitStatus}) at a step that left no test report; counted as 1 failure`);
    total.failed = 1;
  }
  lines.push(`ci: ${total.passed} passed, ${total.failed} failed`);
  return lines;
}

const [dir, status] = process.argv.slice(2);
if (!dir || status === undefined) {
  console.error('usage: node scripts/ci-summary.mjs <reports-dir> <exit-status>');
  process.exit(2);
}
for (const line of summarise(dir, Number(status))) console.log(line);

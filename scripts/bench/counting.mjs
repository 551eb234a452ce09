// Counting benchmark on the real pabulib elections in ../shared/pabulib: greedy and Equal
// Shares (add1, cost utility) on every instance, beside pabutools' own seconds where the
// expected file has them. Beside each wall time, the process's CPU time for the same work: on a
// machine shared with other work the wall time grows with the load, the CPU time much less.
// Run after building contracts:
//   npx tsc -b contracts && npx node scripts/bench/counting.mjs [name-filter]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import contracts from '../../contracts/dist/index.js';

const { count, electionFromPabulib, parsePabulib } = contracts;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = path.resolve(repoRoot, '..', 'shared', 'pabulib');
const filter = process.argv[2] ?? '';

const rules = {
  greedy: { rule: 'greedy' },
  'equal-shares': { rule: 'equal-shares', completion: 'add1', utility: 'cost' },
};

function time(work) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

function expected(instance) {
  const file = path.join(folder, 'expected', `${instance}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

if (!existsSync(path.join(folder, 'instances'))) {
  console.error(`${folder}/instances is missing: the pabulib instances sit beside the repository`);
  process.exit(1);
}

const rows = [];
for (const file of readdirSync(path.join(folder, 'instances')).sort()) {
  const instance = file.replace(/\.pb$/, '');
  if (!instance.includes(filter)) continue;
  const parse = time(() =>
    electionFromPabulib(parsePabulib(readFileSync(path.join(folder, 'instances', file), 'utf8'))),
  );
  const election = parse.result;
  const reference = expected(instance);
  const row = {
    instance,
    voters: election.ballots.length,
    projects: election.projects.length,
    'parse ms': Math.round(parse.ms),
  };
  for (const [name, rule] of Object.entries(rules)) {
    const counted = time(() => count(election, rule));
    row[`${name} ms`] = Math.round(counted.ms);
    row[`${name} cpu ms`] = Math.round(counted.cpuMs);
    row[`${name} pabutools s`] = reference[name]?.pabutools_seconds ?? '';
    const same =
      reference[name] && JSON.stringify(reference[name].selected) === JSON.stringify(counted.result.selected);
    row[`${name} = pabutools`] = reference[name] ? (same ? 'yes' : 'NO') : '';
  }
  rows.push(row);
  console.error(
    `${instance}: greedy ${row['greedy ms']} ms, equal-shares ${row['equal-shares ms']} ms (cpu ${row['equal-shares cpu ms']} ms)`,
  );
}
console.table(rows);

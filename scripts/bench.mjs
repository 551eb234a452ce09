// `npm run bench`: every benchmark, one after the other, each printing its own figures.
// Speed and memory targets live here, never in timed tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchmarks = [
  ['ballot casts over HTTP', 'scripts/bench/ballots.mjs', []],
  ['ballot casts under export downloads', 'scripts/bench/downloads.mjs', []],
  ['audit Merkle tree', 'scripts/bench/merkle.mjs', ['--expose-gc']],
  ['counting every pabulib instance', 'scripts/bench/counting.mjs', []],
  ['decidimos-audit verify on a city-sized edition', 'scripts/bench/verify.mjs', []],
  ['rebuild of every projection from a city-sized log', 'scripts/bench/rebuild.mjs', []],
];

let failed = 0;
for (const [name, script, flags] of benchmarks) {
  console.log(`\n=== ${name} (${script}) ===`);
  const run = spawnSync(process.execPath, [...flags, script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${name}: exited with ${run.status ?? run.signal}`);
    failed += 1;
  }
}
process.exitCode = failed ? 1 : 0;

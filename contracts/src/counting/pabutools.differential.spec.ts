import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { writePabulib } from '../pabulib/pabulib';
import { count } from './count';
import type { CountingRule, Election } from './election';

/**
 * Random small approval elections counted by Decidimos and by pabutools 1.2.3, the reference
 * implementation by the method's authors, which must agree on every rule. Each election goes
 * through a .pb file, so the writer is checked against pabutools' reader too. All elections
 * go to one Python process: starting pabutools costs more than counting them.
 */
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const python = path.join(repoRoot, '.tools', 'pabutools-venv', 'bin', 'python');
const reference = path.join(__dirname, 'pabutools-reference.py');
const seed = Number(process.env['FC_SEED'] ?? Date.now());
const elections = 500;

const rules: Record<string, CountingRule> = {
  greedy: { rule: 'greedy' },
  add1: { rule: 'equal-shares', completion: 'add1', utility: 'cost' },
  'add1-greedy': { rule: 'equal-shares', completion: 'add1-greedy', utility: 'cost' },
  'cardinality-add1': { rule: 'equal-shares', completion: 'add1', utility: 'cardinality' },
  'cardinality-add1-greedy': { rule: 'equal-shares', completion: 'add1-greedy', utility: 'cardinality' },
};

// Ids that sort differently as text and as numbers, as real pabulib ids do.
const ids = ['1', '2', '3', '9', '10', '02', 'a', 'B'];

const election: fc.Arbitrary<Election> = fc
  .record({
    budget: fc.integer({ min: 0, max: 60 }),
    projects: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ids),
        cost: fc.oneof(
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 9, arbitrary: fc.integer({ min: 1, max: 30 }) },
        ),
      }),
      { minLength: 2, maxLength: 8, selector: (project) => project.id },
    ),
    voters: fc.integer({ min: 1, max: 30 }),
  })
  .chain(({ budget, projects, voters }) =>
    fc
      .array(fc.subarray(projects.map((project) => project.id)), { minLength: voters, maxLength: voters })
      .map((ballots) => ({ budget, projects, ballots })),
  );

function asPabulib(election: Election): string {
  return writePabulib({
    meta: { description: 'differential test', budget: String(election.budget), vote_type: 'approval' },
    projects: election.projects.map((project) => ({ ...project, fields: {} })),
    votes: election.ballots.map((vote, index) => ({ voterId: String(index + 1), vote, fields: {} })),
  });
}

describe('Decidimos and pabutools count random elections alike', () => {
  it(`agrees on greedy, equal shares add1 and add1-greedy, by cost and by cardinality (seed ${seed})`, async () => {
    if (!existsSync(python)) throw new Error(`${python} is missing: run scripts/install-pabutools.sh`);
    const sample = fc.sample(election, { seed, numRuns: elections });
    const dir = mkdtempSync(path.join(tmpdir(), 'pabutools-differential-'));
    try {
      const files = sample.map((generated, index) => {
        const file = path.join(dir, `${index}.pb`);
        writeFileSync(file, asPabulib(generated));
        return file;
      });
      const child = promisify(execFile)(python, [reference], { maxBuffer: 64 * 1024 * 1024 });
      child.child.stdin!.end(JSON.stringify(files));
      const outcomes = JSON.parse((await child).stdout) as Record<string, string[]>[];

      const disagreements = sample.flatMap((generated, index) =>
        Object.entries(rules)
          .map(([key, rule]) => ({ key, ours: count(generated, rule).selected, pabutools: outcomes[index]![key] }))
          .filter(({ ours, pabutools }) => JSON.stringify(ours) !== JSON.stringify(pabutools))
          .map((disagreement) => ({ ...disagreement, election: asPabulib(generated) })),
      );
      expect(disagreements.slice(0, 3)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

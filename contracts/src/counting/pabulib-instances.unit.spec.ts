import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { electionFromPabulib, parsePabulib } from '../pabulib';
import { count } from './count';
import type { CountingRule } from './election';

/**
 * Real pabulib elections with the winners pabutools 1.2.3 computed (see the README in the
 * folder). The folder sits beside the repository; without it this test fails rather than
 * passing on nothing.
 */
const folder = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'pabulib');

const rules: Record<string, CountingRule> = {
  greedy: { rule: 'greedy' },
  'equal-shares': { rule: 'equal-shares', completion: 'add1', utility: 'cost' },
  'equal-shares+greedy': { rule: 'equal-shares', completion: 'add1-greedy', utility: 'cost' },
};

interface Expected {
  instance: string;
  [key: string]: unknown;
}

function expectedFiles(): string[] {
  if (!existsSync(path.join(folder, 'expected'))) {
    throw new Error(`${folder}/expected is missing: the pabulib reference instances must sit beside the repository`);
  }
  return readdirSync(path.join(folder, 'expected')).filter((file) => file.endsWith('.json'));
}

const cases = expectedFiles().flatMap((file) => {
  const expected = JSON.parse(readFileSync(path.join(folder, 'expected', file), 'utf8')) as Expected;
  return Object.keys(rules)
    .filter((key) => key in expected)
    .map((key) => ({
      instance: expected.instance,
      key,
      selected: (expected[key] as { selected: string[] }).selected,
    }));
});

describe('real pabulib elections against pabutools', () => {
  it('has reference outcomes to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  const elections = new Map<string, ReturnType<typeof electionFromPabulib>>();
  const election = (instance: string) => {
    let parsed = elections.get(instance);
    if (!parsed) {
      parsed = electionFromPabulib(
        parsePabulib(readFileSync(path.join(folder, 'instances', `${instance}.pb`), 'utf8')),
      );
      elections.set(instance, parsed);
    }
    return parsed;
  };

  it.each(cases)('$instance: $key selects what pabutools selected', ({ instance, key, selected }) => {
    expect(count(election(instance), rules[key]!).selected).toEqual(selected);
  });
});

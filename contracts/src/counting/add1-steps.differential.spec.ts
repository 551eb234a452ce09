import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { electionFromPabulib, parsePabulib } from '../pabulib';
import { tallyElection, totalCost } from './election';
import { equalSharesAdd1, methodOfEqualShares, prepareEqualShares, type Utility } from './equal-shares';

/**
 * equalSharesAdd1 skips the per-voter budgets it can prove give the same outcome. Here it
 * must agree with the definition run literally, one currency unit per voter at a time, on
 * real elections where that is affordable (up to 1,206 steps).
 */
const folder = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'pabulib', 'instances');
const instances = [
  'Netherlands_Assen_2024',
  'Switzerland_Zurich_SN',
  'Poland_Swiecie_2023',
  'Poland_Gdynia_2024',
  'Poland_Lodz_2022_Radogoszcz',
  'Poland_Warszawa_2017_Mlynow',
];

function stepByStep(instance: string, utility: Utility) {
  const election = tallyElection(
    electionFromPabulib(parsePabulib(readFileSync(path.join(folder, `${instance}.pb`), 'utf8'))),
  );
  const mes = prepareEqualShares(election, utility);
  const n = BigInt(election.voters);
  let last: number[] = [];
  for (let extra = 0n; extra <= election.budget; extra++) {
    const outcome = methodOfEqualShares(mes, { num: election.budget + extra * n, den: n });
    if (totalCost(election, outcome.selected) > election.budget) break;
    last = outcome.selected;
  }
  const sorted = (indexes: number[]) => [...indexes].sort((a, b) => a - b);
  return { literal: sorted(last), shortcut: sorted(equalSharesAdd1(mes)) };
}

describe('add1 with its shortcuts gives the one-step-at-a-time outcome', () => {
  it('finds the pabulib instances beside the repository', () => {
    expect(existsSync(folder)).toBe(true);
  });

  it.each(
    instances.flatMap((instance) => (['cost', 'cardinality'] as const).map((utility) => ({ instance, utility }))),
  )(
    '$instance, $utility utility',
    ({ instance, utility }) => {
      const { literal, shortcut } = stepByStep(instance, utility);
      expect(shortcut).toEqual(literal);
    },
    120_000,
  );
});

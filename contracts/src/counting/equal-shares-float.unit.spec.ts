import fc from 'fast-check';
import { tallyElection, type Election } from './election';
import { equalSharesAdd1, methodOfEqualShares, prepareEqualShares, type RunCounts } from './equal-shares';
import { FloatEqualSharesRun, TooClose } from './equal-shares-float';
import { comparePrices, EPS, exactPrice } from './price';

const repeat = (times: number, ballot: string[]) => Array.from({ length: times }, () => ballot);
const ids = (election: Election, selected: number[]) => selected.map((index) => election.projects[index]!.id).sort();

describe('comparing prices known as floats with an error bound', () => {
  it('orders them by their floats when they are further apart than the errors', () => {
    expect(comparePrices({ approx: 1, err: 1e-12 }, { approx: 1.1, err: 1e-12 })).toBe(-1);
    expect(comparePrices({ approx: 1.1, err: 1e-12 }, { approx: 1, err: 1e-12 })).toBe(1);
  });

  it('cannot order them when they are closer and one is not known exactly', () => {
    expect(comparePrices({ approx: 1, err: 1e-12 }, { approx: 1 + 1e-13, err: 1e-12 })).toBeNaN();
    expect(comparePrices({ approx: 1 / 3, err: EPS, num: 1, den: 3 }, { approx: 1 / 3, err: EPS })).toBeNaN();
  });

  it('lets the exact fractions decide a close call: equal floats, unequal prices', () => {
    // 1/3 and 6004799503160661/18014398509481984 are the same float64, 2^-54/3 apart.
    const third = exactPrice({ num: 1n, den: 3n });
    const nearThird = exactPrice({ num: 6004799503160661n, den: 18014398509481984n });
    expect(third.approx).toBe(nearThird.approx);
    expect(comparePrices(third, nearThird)).toBe(1);
    expect(comparePrices(nearThird, third)).toBe(-1);
    expect(comparePrices(third, { approx: 1 / 3, err: EPS, num: 2, den: 6 })).toBe(0);
  });

  it('lets the exact fractions decide when the floats point the wrong way', () => {
    // The floats say a < b, within their error; exactly, a > b.
    const a = { approx: 0.5 - 2 ** -53, err: 2 ** -52, num: 500000001, den: 1000000000 };
    const b = { approx: 0.5, err: 2 ** -52, num: 1, den: 2 };
    expect(a.approx).toBeLessThan(b.approx);
    expect(comparePrices(a, b)).toBe(1);
  });

  it('keeps a usable float for fractions past 2^1024', () => {
    const huge = exactPrice({ num: 3n << 1100n, den: 7n << 1100n });
    expect(huge.approx).toBeCloseTo(3 / 7, 15);
    expect(comparePrices(huge, exactPrice({ num: 3n, den: 7n }))).toBe(0);
  });
});

describe('a float run that meets a close call counts again exactly', () => {
  function counted(election: Election, perVoter: { num: bigint; den: bigint }) {
    const tallied = tallyElection(election);
    const mes = prepareEqualShares(tallied, 'cost');
    const counts: RunCounts = { runs: 0, exactReruns: 0 };
    const float = () => new FloatEqualSharesRun(mes, perVoter).run();
    const outcome = methodOfEqualShares(mes, perVoter, undefined, 'float', counts);
    const exact = methodOfEqualShares(mes, perVoter, undefined, 'exact');
    return { float, counts, selected: ids(election, outcome.selected), exact: ids(election, exact.selected) };
  }

  it('decides exactly whether supporters can just pay for a project', () => {
    // 10/3 each: three voters hold exactly 10, but 3 × fl(10/3) is not exactly 10.
    const election: Election = { budget: 10, projects: [{ id: 'a', cost: 10 }], ballots: repeat(3, ['a']) };
    const run = counted(election, { num: 10n, den: 3n });
    expect(run.float).toThrow(TooClose);
    expect(run.counts).toEqual({ runs: 1, exactReruns: 1 });
    expect(run.selected).toEqual(['a']);
    expect(run.exact).toEqual(['a']);
  });

  it('breaks an exact tie between prices that poor voters help pay by the tie-break order', () => {
    // 10 each. x (36) is paid 9 each by v1..v4, leaving v1 with 1. Then p and q (15 each,
    // both approved by v1, v5, v6) cost exactly the same, 14/30 per unit, with v1 poor:
    // the same floats, but no exact value from the float run, so the exact run decides,
    // and the tie goes to p (same votes and cost, lower id).
    const election: Election = {
      budget: 60,
      projects: [
        { id: 'x', cost: 36 },
        { id: 'q', cost: 15 },
        { id: 'p', cost: 15 },
      ],
      ballots: [['x', 'p', 'q'], ...repeat(3, ['x']), ...repeat(2, ['p', 'q'])],
    };
    const run = counted(election, { num: 10n, den: 1n });
    expect(run.float).toThrow(TooClose);
    expect(run.counts).toEqual({ runs: 1, exactReruns: 1 });
    expect(run.selected).toEqual(['p', 'x']);
    expect(run.exact).toEqual(['p', 'x']);
  });

  it('settles a tie of prices no poor voter helps pay with exact integers, in floats', () => {
    // a and b cost the same per unit (1/2 each, both approved by two voters): no re-run.
    const election: Election = {
      budget: 40,
      projects: [
        { id: 'b', cost: 10 },
        { id: 'a', cost: 10 },
      ],
      ballots: [['a'], ['a'], ['b'], ['b']],
    };
    const run = counted(election, { num: 10n, den: 1n });
    expect(run.float().selected).toHaveLength(2);
    expect(run.counts).toEqual({ runs: 1, exactReruns: 0 });
    expect(run.selected).toEqual(['a', 'b']);
  });
});

describe('float and exact arithmetic give the same add-one outcome', () => {
  const election: fc.Arbitrary<Election> = fc
    .record({
      budget: fc.integer({ min: 0, max: 100 }),
      costs: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 7 }),
      voters: fc.integer({ min: 1, max: 40 }),
    })
    .chain(({ budget, costs, voters }) => {
      const projects = costs.map((cost, index) => ({ id: `p${index}`, cost }));
      return fc
        .array(fc.subarray(projects.map((project) => project.id)), { minLength: voters, maxLength: voters })
        .map((ballots) => ({ budget, projects, ballots }));
    });

  it('on random small elections, by cost and by cardinality', () => {
    fc.assert(
      fc.property(election, fc.constantFrom('cost' as const, 'cardinality' as const), (generated, utility) => {
        const mes = prepareEqualShares(tallyElection(generated), utility);
        expect(equalSharesAdd1(mes, 'float')).toEqual(equalSharesAdd1(mes, 'exact'));
      }),
      { numRuns: 400 },
    );
  });
});

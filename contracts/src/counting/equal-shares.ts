import { totalCost, type TalliedElection } from './election';
import { greedySelection } from './greedy';
import { compareFractions, gcd, type Fraction } from './rational';

/**
 * The Method of Equal Shares (Peters & Skowron) for approval ballots, as pabutools 1.2.3
 * computes it: every voter gets the same share of the budget; each round funds the
 * project whose supporters can pay for it at the lowest price per unit of utility, the
 * supporters paying equal amounts, or everything they have left when that is less.
 * Ties go to more votes, then lower cost, then id.
 */
export type Utility = 'cost' | 'cardinality';
export type Completion = 'add1' | 'add1-greedy';

interface BallotGroup {
  projects: number[];
  weight: number;
}

/** An election prepared for many Equal Shares runs: identical ballots grouped once. */
export interface EqualSharesElection {
  election: TalliedElection;
  groups: BallotGroup[];
  /** Per project, the groups that approve it. */
  supporters: number[][];
  utility: bigint[];
  /** Projects funded by sharing their cost. */
  candidates: number[];
  /** Approved projects of positive utility and no cost: funded outright. */
  free: number[];
}

export interface Round {
  winner: number;
  /** What each supporter paid per unit of utility (poorer ones may have paid less). */
  price: Fraction;
}

export interface EqualSharesOutcome {
  selected: number[];
  rounds: Round[];
  /**
   * Set when the run was given the rounds of a run at a lower per-voter budget: true if
   * it proves that every per-voter budget between the two gives the same outcome.
   */
  unchangedSinceReference: boolean;
}

const BROKE = -1;

function groupBallots(election: TalliedElection): BallotGroup[] {
  const byKey = new Map<string, BallotGroup>();
  for (const ballot of election.ballots) {
    if (ballot.length === 0) continue;
    const key = ballot.join(',');
    const group = byKey.get(key);
    if (group) group.weight += 1;
    else byKey.set(key, { projects: ballot, weight: 1 });
  }
  return [...byKey.values()];
}

export function prepareEqualShares(election: TalliedElection, utility: Utility): EqualSharesElection {
  const groups = groupBallots(election);
  const supporters = election.projects.map((): number[] => []);
  groups.forEach((group, index) => group.projects.forEach((project) => supporters[project]!.push(index)));
  const utilities = election.projects.map((project) => (utility === 'cost' ? project.cost : 1n));
  const candidates: number[] = [];
  const free: number[] = [];
  election.projects.forEach((project, index) => {
    if (project.votes === 0 || utilities[index] === 0n) return;
    if (project.cost === 0n) free.push(index);
    else candidates.push(index);
  });
  return { election, groups, supporters, utility: utilities, candidates, free };
}

interface Offer {
  /** The supporters who are not poor each pay remaining / payers. */
  remaining: bigint;
  payers: bigint;
  /** Classes that pay everything they have left. */
  poor: Set<number>;
  price: Fraction;
}

/**
 * One run at a given per-voter budget. Voters who approve the same funded projects always
 * hold the same budget, so they form a class, and a project's supporters are counted per
 * class. Budgets are integers over one shared denominator, `scale`, so sums and
 * comparisons need no gcd.
 */
class EqualSharesRun {
  private scale: bigint;
  private readonly budget: bigint[];
  private readonly classWeight: number[];
  private readonly classOf: Int32Array;
  private readonly weightIn: Map<number, number>[];
  /** A price each project cannot beat: prices only rise as budgets are spent. */
  private readonly bound: Fraction[];
  private readonly rounds: Round[] = [];
  private unchanged: boolean;

  constructor(
    private readonly mes: EqualSharesElection,
    perVoterBudget: Fraction,
    private readonly reference?: Round[],
  ) {
    this.scale = perVoterBudget.den;
    this.budget = [perVoterBudget.num];
    this.classWeight = [mes.groups.reduce((sum, group) => sum + group.weight, 0)];
    this.classOf = new Int32Array(mes.groups.length);
    this.weightIn = mes.election.projects.map((project) => new Map(project.votes > 0 ? [[0, project.votes]] : []));
    this.bound = mes.election.projects.map((project, index) => ({
      num: project.cost,
      den: mes.utility[index]! * BigInt(project.votes) || 1n,
    }));
    this.unchanged = reference !== undefined;
  }

  run(): EqualSharesOutcome {
    const selected = [...this.mes.free];
    const open = new Set(this.mes.candidates);
    const unaffordable = new Set<number>();
    for (;;) {
      const offers = new Map<number, Offer | null>();
      const winner = this.cheapest(open, unaffordable, offers);
      this.compareWithReference(winner, open, unaffordable, offers);
      if (winner === undefined) break;
      const offer = offers.get(winner)!;
      this.rounds.push({ winner, price: offer.price });
      this.pay(winner, offer);
      selected.push(winner);
      open.delete(winner);
    }
    return { selected, rounds: this.rounds, unchangedSinceReference: this.unchanged };
  }

  private rank(project: number): number {
    return this.mes.election.projects[project]!.rank;
  }

  /**
   * The round's winner. A project whose bound is above the best price found so far cannot
   * win and is not recomputed.
   */
  private cheapest(open: Set<number>, unaffordable: Set<number>, offers: Map<number, Offer | null>) {
    const byBound = [...open]
      .filter((project) => !unaffordable.has(project))
      .sort((a, b) => compareFractions(this.bound[a]!, this.bound[b]!));
    let winner: number | undefined;
    let best: Fraction | undefined;
    for (const project of byBound) {
      if (best && compareFractions(this.bound[project]!, best) > 0) break;
      const offer = this.evaluate(project, offers);
      if (!offer) {
        unaffordable.add(project);
        continue;
      }
      const order = best ? compareFractions(offer.price, best) : -1;
      if (order < 0 || (order === 0 && this.rank(project) < this.rank(winner!))) {
        winner = project;
        best = offer.price;
      }
    }
    return winner;
  }

  /** The project's offer at the current budgets, computed once per round; null when unaffordable. */
  private evaluate(project: number, offers: Map<number, Offer | null>): Offer | null {
    const known = offers.get(project);
    if (known !== undefined) return known;
    const offer = this.offerFor(project);
    offers.set(project, offer);
    if (offer) this.bound[project] = offer.price;
    return offer;
  }

  private offerFor(project: number): Offer | null {
    const entries = [...this.weightIn[project]!];
    let available = 0n;
    let payers = 0n;
    for (const [klass, weight] of entries) {
      available += BigInt(weight) * this.budget[klass]!;
      payers += BigInt(weight);
    }
    let remaining = this.mes.election.projects[project]!.cost * this.scale;
    if (available < remaining) return null;
    const poor = new Set<number>();
    entries.sort(([a], [b]) => (this.budget[a]! < this.budget[b]! ? -1 : this.budget[a]! > this.budget[b]! ? 1 : 0));
    for (const [klass, weight] of entries) {
      const budget = this.budget[klass]!;
      if (budget * payers >= remaining) break;
      poor.add(klass);
      remaining -= BigInt(weight) * budget;
      payers -= BigInt(weight);
    }
    const price = { num: remaining, den: payers * this.mes.utility[project]! * this.scale };
    return { remaining, payers, poor, price };
  }

  /**
   * Along a fixed sequence of winners, more budget per voter leaves every voter with at
   * least as much at each round and so lowers every price. So if, at this run's (higher)
   * budget, every other project still costs more than the reference winner did at the
   * reference's (lower) budget, that winner also wins at every budget in between; and if
   * nothing is affordable here at the end, nothing was in between either.
   */
  private compareWithReference(
    winner: number | undefined,
    open: Set<number>,
    unaffordable: Set<number>,
    offers: Map<number, Offer | null>,
  ): void {
    if (!this.unchanged) return;
    const expected = this.reference![this.rounds.length];
    if (winner === undefined || expected === undefined || expected.winner !== winner) {
      this.unchanged = winner === undefined && expected === undefined;
      return;
    }
    for (const project of open) {
      if (project === winner) continue;
      if (!this.staysBehind(project, expected, unaffordable, offers)) {
        this.unchanged = false;
        return;
      }
    }
  }

  private staysBehind(
    project: number,
    expected: Round,
    unaffordable: Set<number>,
    offers: Map<number, Offer | null>,
  ): boolean {
    const losesTies = this.rank(project) > this.rank(expected.winner);
    const dearer = (price: Fraction) => {
      const order = compareFractions(price, expected.price);
      return order > 0 || (order === 0 && losesTies);
    };
    if (dearer(this.bound[project]!) || unaffordable.has(project)) return true;
    const offer = this.evaluate(project, offers);
    if (offer) return dearer(offer.price);
    unaffordable.add(project);
    return true;
  }

  private pay(winner: number, offer: Offer): void {
    const payment = this.rescaleFor(offer);
    const destination = new Map<number, number>();
    const updatedInPlace: [number, bigint][] = [];
    for (const [klass, weight] of this.weightIn[winner]!) {
      const left = offer.poor.has(klass) ? 0n : this.budget[klass]! - payment;
      if (left === 0n) {
        destination.set(klass, BROKE);
      } else if (this.classWeight[klass] === weight) {
        destination.set(klass, klass);
        updatedInPlace.push([klass, left]);
      } else {
        destination.set(klass, this.budget.push(left) - 1);
        this.classWeight.push(0);
      }
    }
    for (const group of this.mes.supporters[winner]!) {
      const from = this.classOf[group]!;
      if (from === BROKE) continue;
      const to = destination.get(from)!;
      if (to !== from) this.move(group, from, to);
    }
    for (const [klass, left] of updatedInPlace) this.budget[klass] = left;
  }

  /** Makes the payment a whole number of 1/scale units; returns it in those units. */
  private rescaleFor(offer: Offer): bigint {
    const common = gcd(offer.remaining, offer.payers);
    const factor = offer.payers / common;
    if (factor !== 1n) {
      this.scale *= factor;
      this.budget.forEach((budget, klass) => {
        if (this.classWeight[klass]! > 0) this.budget[klass] = budget * factor;
      });
    }
    return offer.remaining / common;
  }

  private move(group: number, from: number, to: number): void {
    const { projects, weight } = this.mes.groups[group]!;
    for (const project of projects) {
      const counts = this.weightIn[project]!;
      const remaining = counts.get(from)! - weight;
      if (remaining === 0) counts.delete(from);
      else counts.set(from, remaining);
      if (to !== BROKE) counts.set(to, (counts.get(to) ?? 0) + weight);
    }
    this.classOf[group] = to;
    this.classWeight[from]! -= weight;
    if (to !== BROKE) this.classWeight[to]! += weight;
  }
}

/**
 * Plain Equal Shares at the given per-voter budget. Given the rounds of a run at a lower
 * per-voter budget, it also says whether every budget in between gives the same outcome.
 */
export function methodOfEqualShares(
  mes: EqualSharesElection,
  perVoterBudget: Fraction,
  reference?: Round[],
): EqualSharesOutcome {
  return new EqualSharesRun(mes, perVoterBudget, reference).run();
}

/**
 * The add-one completion, as pabutools' exhaustion_by_budget_increase with a step of one
 * currency unit per voter and no stop at the first exhaustive outcome: the per-voter
 * budget goes budget/n, budget/n + 1, ... and the last outcome that still fits the real
 * budget wins; pabutools gives up once the total passes budget * (n + 1).
 *
 * Instead of running every step, it probes ahead with a stride that doubles while runs
 * prove the outcome unchanged over the whole stride (see compareWithReference) and halves
 * when they do not, down to single steps. Each proof covers every step in its stride, so
 * the result is the one-step-at-a-time result.
 */
export function equalSharesAdd1(mes: EqualSharesElection): number[] {
  const { budget, voters } = mes.election;
  if (voters === 0) return [];
  const n = BigInt(voters);
  const runAt = (extra: bigint, reference?: Round[]) =>
    methodOfEqualShares(mes, { num: budget + extra * n, den: n }, reference);
  // The first run always fits: voters cannot pay out more than the budget they share.
  let current = runAt(0n);
  let extra = 0n;
  let stride = 1n;
  while (extra < budget) {
    const step = stride < budget - extra ? stride : budget - extra;
    const probe = runAt(extra + step, current.rounds);
    if (probe.unchangedSinceReference) {
      extra += step;
      current = probe;
      stride = step * 2n;
    } else if (step > 1n) {
      stride = step / 2n;
    } else {
      if (totalCost(mes.election, probe.selected) > budget) break;
      extra += 1n;
      current = probe;
    }
  }
  return current.selected;
}

export function equalSharesSelection(election: TalliedElection, completion: Completion, utility: Utility): number[] {
  const add1 = equalSharesAdd1(prepareEqualShares(election, utility));
  return completion === 'add1' ? add1 : greedySelection(election, add1);
}

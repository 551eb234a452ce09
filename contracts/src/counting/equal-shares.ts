import { totalCost, type TalliedElection } from './election';
import { greedySelection } from './greedy';
import {
  BROKE,
  prepareEqualShares,
  sameKey,
  type ClassKey,
  type Completion,
  type EqualSharesElection,
  type EqualSharesOutcome,
  type Round,
  type Utility,
} from './equal-shares-model';
import { FloatEqualSharesRun, TooClose } from './equal-shares-float';
import { comparePrices, exactPrice } from './price';
import { compareFractions, gcd, type Fraction } from './rational';

/**
 * The Method of Equal Shares (Peters & Skowron) for approval ballots, as pabutools 1.2.3
 * computes it: every voter gets the same share of the budget; each round funds the
 * project whose supporters can pay for it at the lowest price per unit of utility, the
 * supporters paying equal amounts, or everything they have left when that is less.
 * Ties go to more votes, then lower cost, then id.
 */
export type { Completion, EqualSharesElection, EqualSharesOutcome, Round, Utility } from './equal-shares-model';
export { prepareEqualShares } from './equal-shares-model';

interface Offer {
  /** The supporters who are not poor each pay remaining / payers. */
  remaining: bigint;
  payers: bigint;
  /** Classes that pay everything they have left, with how many of the project's supporters each holds. */
  poor: Map<number, number>;
  /** The same classes, as a key comparable across runs. */
  poorKey: ClassKey;
  price: Fraction;
}

/**
 * One run at a given per-voter budget. Voters who approve the same funded projects always
 * hold the same budget, so they form a class; a ballot group belongs to one class at a time,
 * and a project's supporters are summed per class when it is priced. Budgets are integers
 * over one shared denominator, `scale`, so sums and comparisons need no gcd.
 */
class EqualSharesRun {
  private scale: bigint;
  private readonly budget: bigint[];
  private readonly classWeight: number[];
  /**
   * How fast each class's budget grows with the per-voter budget, over one shared
   * denominator: 1 at first; paying for a project poorer supporters could not fully cover
   * makes the others' budgets grow faster (they pay less when the poor have more).
   */
  private slopeScale = 1n;
  private readonly slope: bigint[];
  /** Classes that still hold voters, so a rescale touches only those. */
  private live: number[];
  private readonly classOf: Int32Array;
  /** Scratch space for summing a project's supporters per class. */
  private readonly weightInClass: number[];
  /** A price each project cannot beat: prices only rise as budgets are spent. */
  private readonly bound: Fraction[];
  private readonly rounds: Round[] = [];
  private unchanged: boolean;
  /**
   * Whether every round so far funded the same project from the same poor classes and
   * left the same classes broke as the reference: then classes, and their numbering, are
   * the same in both runs, and every budget between the two runs is an affine function of
   * the per-voter budget.
   */
  private sameStructure: boolean;

  constructor(
    private readonly mes: EqualSharesElection,
    private readonly perVoterBudget: Fraction,
    private readonly reference?: EqualSharesOutcome,
  ) {
    this.scale = perVoterBudget.den;
    this.budget = [perVoterBudget.num];
    this.slope = [1n];
    this.classWeight = [mes.groups.reduce((sum, group) => sum + group.weight, 0)];
    this.live = [0];
    this.classOf = new Int32Array(mes.groups.length);
    this.weightInClass = [0];
    this.bound = mes.election.projects.map((project, index) => ({
      num: project.cost,
      den: mes.utility[index]! * BigInt(project.votes) || 1n,
    }));
    this.unchanged = reference !== undefined;
    this.sameStructure = this.unchanged;
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
      const priced = new Map([...offers].map(([project, known]) => [project, known && known.poorKey]));
      const broke = this.pay(winner, offer);
      const round = { winner, price: exactPrice(offer.price), poor: offer.poorKey, broke, priced };
      const expected = this.reference?.rounds[this.rounds.length];
      if (!expected || !sameKey(expected.poor, round.poor) || !sameKey(expected.broke, round.broke)) {
        this.sameStructure = false;
      }
      this.rounds.push(round);
      selected.push(winner);
      open.delete(winner);
    }
    return {
      selected,
      perVoterBudget: this.perVoterBudget,
      rounds: this.rounds,
      unchangedSinceReference: this.unchanged,
    };
  }

  private rank(project: number): number {
    return this.mes.election.projects[project]!.rank;
  }

  /**
   * The round's winner. The project with the lowest bound is priced first; then only the
   * projects whose bound does not exceed the best price found so far can still win, and
   * they are priced lowest bound first. The others are not recomputed.
   */
  private cheapest(open: Set<number>, unaffordable: Set<number>, offers: Map<number, Offer | null>) {
    let winner: number | undefined;
    let best: Fraction | undefined;
    const consider = (project: number) => {
      const offer = this.evaluate(project, offers);
      if (!offer) {
        unaffordable.add(project);
        return;
      }
      const order = best ? compareFractions(offer.price, best) : -1;
      if (order < 0 || (order === 0 && this.rank(project) < this.rank(winner!))) {
        winner = project;
        best = offer.price;
      }
    };
    while (winner === undefined) {
      const first = this.lowestBound(open, unaffordable);
      if (first === undefined) return undefined;
      consider(first);
    }
    const contenders = [...open]
      .filter((project) => project !== winner && !unaffordable.has(project))
      .filter((project) => compareFractions(this.bound[project]!, best!) <= 0)
      .sort((a, b) => compareFractions(this.bound[a]!, this.bound[b]!));
    for (const project of contenders) {
      if (compareFractions(this.bound[project]!, best!) > 0) break;
      consider(project);
    }
    return winner;
  }

  private lowestBound(open: Set<number>, unaffordable: Set<number>): number | undefined {
    let lowest: number | undefined;
    for (const project of open) {
      if (unaffordable.has(project)) continue;
      if (lowest === undefined || compareFractions(this.bound[project]!, this.bound[lowest]!) < 0) lowest = project;
    }
    return lowest;
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

  /** The classes among the project's supporters, with how many of its supporters each holds. */
  private supportersByClass(project: number): [number, number][] {
    const { groups, supporters } = this.mes;
    const classes: number[] = [];
    for (const group of supporters[project]!) {
      const klass = this.classOf[group]!;
      if (klass === BROKE) continue;
      if (this.weightInClass[klass] === 0) classes.push(klass);
      this.weightInClass[klass]! += groups[group]!.weight;
    }
    return classes.map((klass) => {
      const weight = this.weightInClass[klass]!;
      this.weightInClass[klass] = 0;
      return [klass, weight];
    });
  }

  /**
   * The project's price at the current budgets, or null when its supporters cannot pay for
   * it. The poor classes (those with less than the equal share) are found by raising the
   * share until no class below it is left: each pass moves the classes below the share to
   * the poor, which raises the share of the others. This is the water level of the usual
   * sort-by-budget loop, without sorting every class.
   */
  private offerFor(project: number): Offer | null {
    let rich = this.supportersByClass(project);
    let available = 0n;
    let payers = 0n;
    for (const [klass, weight] of rich) {
      available += BigInt(weight) * this.budget[klass]!;
      payers += BigInt(weight);
    }
    let remaining = this.mes.election.projects[project]!.cost * this.scale;
    if (available < remaining) return null;
    const poor = new Map<number, number>();
    for (;;) {
      const below = rich.filter(([klass]) => this.budget[klass]! * payers < remaining);
      if (below.length === 0) break;
      for (const [klass, weight] of below) {
        poor.set(klass, weight);
        remaining -= BigInt(weight) * this.budget[klass]!;
        payers -= BigInt(weight);
      }
      rich = rich.filter(([klass]) => !poor.has(klass));
    }
    const price = { num: remaining, den: payers * this.mes.utility[project]! * this.scale };
    return { remaining, payers, poor, poorKey: [...poor.keys()], price };
  }

  /**
   * Along a fixed sequence of winners, more budget per voter leaves every voter with at
   * least as much at each round and so lowers every price. So if, at this run's (higher)
   * budget, every other project still costs more than the reference winner did at the
   * reference's (lower) budget, that winner also wins at every budget in between; and if
   * nothing is affordable here at the end, nothing was in between either.
   *
   * When that bound is too loose for a project, the runs' structure can still prove it: if
   * both runs priced it from the same poor classes, with every earlier round alike
   * (sameStructure) and the winner paid for by the same poor classes, then its price and
   * the winner's are affine in the per-voter budget between the two runs. The winner was
   * no dearer at either end (ties going its way), so it is no dearer anywhere in between.
   */
  private compareWithReference(
    winner: number | undefined,
    open: Set<number>,
    unaffordable: Set<number>,
    offers: Map<number, Offer | null>,
  ): void {
    if (!this.unchanged) return;
    const expected = this.reference!.rounds[this.rounds.length];
    if (winner === undefined || expected === undefined || expected.winner !== winner) {
      this.unchanged = winner === undefined && expected === undefined;
      return;
    }
    const affine = this.sameStructure && sameKey(offers.get(winner)!.poorKey, expected.poor);
    for (const project of open) {
      if (project === winner) continue;
      if (!this.staysBehind(project, expected, unaffordable, offers, affine)) {
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
    affine: boolean,
  ): boolean {
    const losesTies = this.rank(project) > this.rank(expected.winner);
    const dearer = (price: Fraction) => {
      const order = comparePrices(exactPrice(price), expected.price);
      return order > 0 || (order === 0 && losesTies);
    };
    if (dearer(this.bound[project]!) || unaffordable.has(project)) return true;
    const offer = this.evaluate(project, offers);
    if (!offer) {
      unaffordable.add(project);
      return true;
    }
    if (dearer(offer.price)) return true;
    if (!affine) return false;
    return sameKey(expected.priced.get(project), offer.poorKey) || dearer(this.tangentAtReference(project, offer));
  }

  /**
   * Between the two runs every budget is affine in the per-voter budget, and a project's
   * price is the highest of the affine prices its supporters would pay for each choice of
   * poor classes, so it is convex. The affine price for this run's poor classes, taken back
   * to the reference's per-voter budget, is therefore a floor of the project's price over
   * the whole interval; the winner's price is affine, so comparing at the two ends suffices.
   */
  private tangentAtReference(project: number, offer: Offer): Fraction {
    let poorSlope = 0n;
    for (const [klass, weight] of offer.poor) poorSlope += BigInt(weight) * this.slope[klass]!;
    const from = this.reference!.perVoterBudget;
    const to = this.perVoterBudget;
    // The per-voter budget went up by d = dNum / dDen.
    const dNum = to.num * from.den - from.num * to.den;
    const dDen = to.den * from.den;
    const utility = this.mes.utility[project]!;
    return {
      num: offer.remaining * this.slopeScale * dDen + poorSlope * dNum * this.scale,
      den: offer.payers * utility * this.scale * this.slopeScale * dDen,
    };
  }

  /**
   * The winner's supporters pay: each class among them moves, as a whole, to a new class
   * with what it has left, or drops out when that is nothing.
   */
  private pay(winner: number, offer: Offer): ClassKey {
    const payment = this.rescaleFor(offer);
    // Slopes serve only the proof against the reference: once it failed, they are left stale.
    const slopeGain = this.unchanged ? this.rescaleSlopesFor(offer) : 0n;
    const { groups, supporters } = this.mes;
    const destination = new Map<number, number>();
    const broke: number[] = [];
    for (const group of supporters[winner]!) {
      const from = this.classOf[group]!;
      if (from === BROKE) continue;
      let to = destination.get(from);
      if (to === undefined) {
        const left = offer.poor.has(from) ? 0n : this.budget[from]! - payment;
        to = left === 0n ? BROKE : this.newClass(left, this.slope[from]! + slopeGain);
        if (to === BROKE) broke.push(from);
        destination.set(from, to);
      }
      const weight = groups[group]!.weight;
      this.classOf[group] = to;
      this.classWeight[from]! -= weight;
      if (to !== BROKE) this.classWeight[to]! += weight;
    }
    this.live = this.live.filter((klass) => this.classWeight[klass]! > 0);
    return broke;
  }

  private newClass(budget: bigint, slope: bigint): number {
    const klass = this.budget.push(budget) - 1;
    this.slope.push(slope);
    this.classWeight.push(0);
    this.weightInClass.push(0);
    this.live.push(klass);
    return klass;
  }

  /**
   * The rich pay (cost - what the poor have) / payers, so each unit of per-voter budget
   * the poor gain lowers their payment: their budgets' slope grows by the poor's total
   * slope over the payers. Returns that gain in 1/slopeScale units, rescaled to be whole.
   */
  private rescaleSlopesFor(offer: Offer): bigint {
    let poorSlope = 0n;
    for (const [klass, weight] of offer.poor) poorSlope += BigInt(weight) * this.slope[klass]!;
    if (poorSlope === 0n) return 0n;
    const common = gcd(poorSlope, offer.payers);
    const factor = offer.payers / common;
    if (factor !== 1n) {
      this.slopeScale *= factor;
      for (const klass of this.live) this.slope[klass]! *= factor;
    }
    return poorSlope / common;
  }

  /** Makes the payment a whole number of 1/scale units; returns it in those units. */
  private rescaleFor(offer: Offer): bigint {
    const common = gcd(offer.remaining, offer.payers);
    const factor = offer.payers / common;
    if (factor !== 1n) {
      this.scale *= factor;
      for (const klass of this.live) this.budget[klass]! *= factor;
    }
    return offer.remaining / common;
  }
}

/** Which engine to count with: floats with an exact re-run when they cannot decide (the default), or exact only. */
export type Arithmetic = 'float' | 'exact';

/** How many runs an add-one count made, and how many of them the floats could not decide. */
export interface RunCounts {
  runs: number;
  exactReruns: number;
}

/**
 * Plain Equal Shares at the given per-voter budget. Given a run at a lower per-voter
 * budget as reference, it also says whether every budget in between gives the same outcome.
 *
 * The float run decides what the exact run decides or gives up (see FloatEqualSharesRun),
 * so both give the same outcome; the exact run then counts again. A float run's proof of
 * an unchanged outcome is sound but may fail where the exact one succeeds, which costs only
 * more runs in the add-one loop.
 */
export function methodOfEqualShares(
  mes: EqualSharesElection,
  perVoterBudget: Fraction,
  reference?: EqualSharesOutcome,
  arithmetic: Arithmetic = 'float',
  counts?: RunCounts,
): EqualSharesOutcome {
  if (counts) counts.runs += 1;
  if (arithmetic === 'float') {
    try {
      return new FloatEqualSharesRun(mes, perVoterBudget, reference).run();
    } catch (error) {
      if (!(error instanceof TooClose)) throw error;
      if (counts) counts.exactReruns += 1;
    }
  }
  return new EqualSharesRun(mes, perVoterBudget, reference).run();
}

/**
 * The add-one completion, as pabutools' exhaustion_by_budget_increase with a step of one
 * currency unit per voter and no stop at the first exhaustive outcome: the per-voter
 * budget goes budget/n, budget/n + 1, ... and the last outcome that still fits the real
 * budget wins; pabutools gives up once the total passes budget * (n + 1).
 *
 * Instead of running every step, it probes ahead with a stride that doubles while runs
 * prove the outcome unchanged over the whole stride (see compareWithReference). When a
 * probe cannot prove it, the steps up to that probe are searched by halves, down to a
 * single step, which is run as pabutools runs it. Each proof covers every step in its
 * stride, so the result is the one-step-at-a-time result.
 */
export function equalSharesAdd1(
  mes: EqualSharesElection,
  arithmetic: Arithmetic = 'float',
  counts?: RunCounts,
): number[] {
  const { budget, voters } = mes.election;
  if (voters === 0) return [];
  const n = BigInt(voters);
  const runAt = (extra: bigint, reference?: EqualSharesOutcome) =>
    methodOfEqualShares(mes, { num: budget + extra * n, den: n }, reference, arithmetic, counts);
  // The first run always fits: voters cannot pay out more than the budget they share.
  let current = runAt(0n);
  let extra = 0n;
  let stride = 1n;
  /** The nearest probe ahead that could not prove the outcome unchanged. */
  let unproven: bigint | undefined;
  while (extra < budget) {
    let step = stride < budget - extra ? stride : budget - extra;
    if (unproven !== undefined && extra + step >= unproven) step = (unproven - extra) / 2n || 1n;
    const probe = runAt(extra + step, current);
    if (probe.unchangedSinceReference) {
      extra += step;
      current = probe;
      if (unproven === undefined) stride = step * 2n;
      else if (unproven <= extra) unproven = undefined;
    } else if (step > 1n) {
      unproven = extra + step;
    } else {
      if (totalCost(mes.election, probe.selected) > budget) break;
      extra += 1n;
      current = probe;
      unproven = undefined;
      stride = 1n;
    }
  }
  return current.selected;
}

export function equalSharesSelection(election: TalliedElection, completion: Completion, utility: Utility): number[] {
  const add1 = equalSharesAdd1(prepareEqualShares(election, utility));
  return completion === 'add1' ? add1 : greedySelection(election, add1);
}

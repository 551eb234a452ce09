import {
  BROKE,
  sameKey,
  type ClassKey,
  type EqualSharesElection,
  type EqualSharesOutcome,
  type Round,
} from './equal-shares-model';
import { comparePrices, EPS, type Price } from './price';
import type { Fraction } from './rational';

/**
 * Thrown when a float run meets a decision its error bounds cannot settle: whether a project
 * is affordable, which of two prices is lower, whether a class is poor. The run is then made
 * again exactly (equalSharesAdd1 does that).
 */
export class TooClose extends Error {
  override name = 'TooClose';
}

/** An offer whose floats could not settle affordability or the poor classes. */
const UNDECIDED = 'undecided';

interface FloatOffer {
  remaining: number;
  /** |remaining - the true remaining| is at most this. */
  remainingErr: number;
  payers: number;
  poor: Int32Array;
  poorWeights: Float64Array;
  poorKey: ClassKey;
  price: Price;
}

type Evaluated = FloatOffer | null | typeof UNDECIDED;

/**
 * One Equal Shares run in float64, deciding exactly what the exact run (EqualSharesRun in
 * equal-shares.ts) decides, in the same order, or throwing TooClose. Every budget carries a
 * bound on its error, grown by each operation that computes it; a comparison is settled by
 * the floats only when they are further apart than the errors, and otherwise by exact
 * integers when both sides are known exactly (an offer no poor class pays for costs
 * cost / (payers × utility), which is how most ties arise), and otherwise not at all.
 *
 * So when a run completes, its winners, its unaffordable projects and its poor classes are
 * those of the exact run; a rich class is certainly left with money after paying, so the
 * classes that go broke are exactly the poor ones and classes are numbered as the exact
 * run numbers them. The proof of an unchanged outcome (see the exact run) uses the same
 * comparisons and counts anything the floats cannot settle as not proven.
 */
/** What every float run of one election reads, made once. */
interface Prepared {
  supporters: Int32Array[];
  /** Per project, the weight of each group in supporters, read in step with it. */
  supporterWeights: Float64Array[];
  cost: number[];
  utility: number[];
  /** The most classes a run has made so far: later runs start with that much room. */
  classes: number;
}

const prepared = new WeakMap<EqualSharesElection, Prepared>();

function prepare(mes: EqualSharesElection): Prepared {
  let known = prepared.get(mes);
  if (!known) {
    known = {
      supporters: mes.supporters.map((groups) => Int32Array.from(groups)),
      supporterWeights: mes.supporters.map((groups) => Float64Array.from(groups, (group) => mes.groups[group]!.weight)),
      cost: mes.election.projects.map((project) => Number(project.cost)),
      utility: mes.utility.map(Number),
      classes: 64,
    };
    prepared.set(mes, known);
  }
  return known;
}

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

export class FloatEqualSharesRun {
  private readonly prepared: Prepared;
  private classes = 1;
  private budget: Float64Array;
  private budgetErr: Float64Array;
  /** How fast each class's budget grows with the per-voter budget (see the exact run). */
  private slope: Float64Array;
  private slopeErr: Float64Array;
  private weightInClass: Float64Array;
  /** In pay: the round a class was last moved in, and where to. */
  private movedIn: Int32Array;
  private movedTo: Int32Array;
  private readonly classOf: Int32Array;
  /** Scratch space for one offer's classes and their weights. */
  private scratchClasses: Int32Array;
  private scratchWeights: Float64Array;
  private readonly bound: Price[];
  private readonly rounds: Round[] = [];
  private unchanged: boolean;
  private sameStructure: boolean;

  constructor(
    private readonly mes: EqualSharesElection,
    private readonly perVoterBudget: Fraction,
    private readonly reference?: EqualSharesOutcome,
  ) {
    this.prepared = prepare(mes);
    const { cost, utility, classes } = this.prepared;
    this.budget = new Float64Array(classes);
    this.budgetErr = new Float64Array(classes);
    this.slope = new Float64Array(classes);
    this.slopeErr = new Float64Array(classes);
    this.weightInClass = new Float64Array(classes);
    this.movedIn = new Int32Array(classes);
    this.movedTo = new Int32Array(classes);
    const perVoter = Number(perVoterBudget.num) / Number(perVoterBudget.den);
    this.budget[0] = perVoter;
    this.budgetErr[0] = 3 * EPS * perVoter;
    this.slope[0] = 1;
    this.movedIn.fill(-1);
    this.classOf = new Int32Array(mes.groups.length);
    this.scratchClasses = new Int32Array(mes.groups.length);
    this.scratchWeights = new Float64Array(mes.groups.length);
    this.bound = mes.election.projects.map((project, index) => {
      const den = utility[index]! * project.votes || 1;
      const approx = cost[index]! / den;
      return Number.isSafeInteger(den)
        ? { approx, err: 2 * EPS * approx, num: cost[index]!, den }
        : { approx, err: 2 * EPS * approx };
    });
    this.unchanged = reference !== undefined;
    this.sameStructure = this.unchanged;
  }

  run(): EqualSharesOutcome {
    const selected = [...this.mes.free];
    const open = new Set(this.mes.candidates);
    const unaffordable = new Set<number>();
    for (;;) {
      const offers = new Map<number, Evaluated>();
      const winner = this.cheapest(open, unaffordable, offers);
      this.compareWithReference(winner, open, unaffordable, offers);
      if (winner === undefined) break;
      const offer = offers.get(winner) as FloatOffer;
      const priced = new Map<number, ClassKey | null>();
      for (const [project, known] of offers) if (known !== UNDECIDED) priced.set(project, known && known.poorKey);
      const broke = this.pay(winner, offer);
      const round = { winner, price: offer.price, poor: offer.poorKey, broke, priced };
      if (this.sameStructure) {
        const expected = this.reference!.rounds[this.rounds.length];
        if (!expected || !sameKey(expected.poor, round.poor) || !sameKey(expected.broke, round.broke)) {
          this.sameStructure = false;
        }
      }
      this.rounds.push(round);
      selected.push(winner);
      open.delete(winner);
    }
    if (this.classes > this.prepared.classes) this.prepared.classes = this.classes;
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

  /** As in the exact run; a project is left out only when its bound is certainly above the best price. */
  private cheapest(open: Set<number>, unaffordable: Set<number>, offers: Map<number, Evaluated>) {
    let winner: number | undefined;
    let best: Price | undefined;
    const consider = (project: number) => {
      const offer = this.evaluate(project, offers);
      if (offer === UNDECIDED) throw new TooClose(`affordability or poor classes of project ${project}`);
      if (!offer) {
        unaffordable.add(project);
        return;
      }
      const order = best ? comparePrices(offer.price, best) : -1;
      if (Number.isNaN(order)) throw new TooClose(`price of project ${project} against ${winner}`);
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
    const contenders: number[] = [];
    for (const project of open) {
      if (project === winner || unaffordable.has(project)) continue;
      if (comparePrices(this.bound[project]!, best!) !== 1) contenders.push(project);
    }
    contenders.sort((a, b) => this.bound[a]!.approx - this.bound[b]!.approx);
    for (const project of contenders) {
      if (comparePrices(this.bound[project]!, best!) === 1) continue;
      consider(project);
    }
    return winner;
  }

  private lowestBound(open: Set<number>, unaffordable: Set<number>): number | undefined {
    let lowest: number | undefined;
    for (const project of open) {
      if (unaffordable.has(project)) continue;
      if (lowest === undefined || this.bound[project]!.approx < this.bound[lowest]!.approx) lowest = project;
    }
    return lowest;
  }

  private evaluate(project: number, offers: Map<number, Evaluated>): Evaluated {
    const known = offers.get(project);
    if (known !== undefined) return known;
    const offer = this.offerFor(project);
    offers.set(project, offer);
    if (offer && offer !== UNDECIDED) this.bound[project] = offer.price;
    return offer;
  }

  /**
   * The exact run's offerFor, with every comparison certified or left undecided. The
   * supporters' classes sit in scratch space, the poor ones moved to its front pass by pass.
   */
  private offerFor(project: number): Evaluated {
    const { supporterWeights, supporters } = this.prepared;
    const { budget, budgetErr, weightInClass, classOf, scratchClasses: classes, scratchWeights: weights } = this;
    const groups = supporters[project]!;
    const groupWeights = supporterWeights[project]!;
    let count = 0;
    for (let index = 0; index < groups.length; index++) {
      const klass = classOf[groups[index]!]!;
      if (klass === BROKE) continue;
      const weight = weightInClass[klass]!;
      if (weight === 0) classes[count++] = klass;
      weightInClass[klass] = weight + groupWeights[index]!;
    }
    let available = 0;
    let availableErr = 0;
    let payers = 0;
    for (let index = 0; index < count; index++) {
      const klass = classes[index]!;
      const weight = weightInClass[klass]!;
      weightInClass[klass] = 0;
      weights[index] = weight;
      const money = weight * budget[klass]!;
      available += money;
      availableErr += weight * budgetErr[klass]! + Math.abs(money) * EPS;
      payers += weight;
    }
    availableErr += (count + 1) * EPS * Math.abs(available);
    const cost = this.prepared.cost[project]!;
    if (available + availableErr < cost) return null;
    if (available - availableErr < cost) return UNDECIDED;
    let remaining = cost;
    let remainingErr = 0;
    /** classes[0, poor) are poor, classes[poor, count) not yet. */
    let poor = 0;
    for (;;) {
      const before = poor;
      for (let index = poor; index < count; index++) {
        const klass = classes[index]!;
        const share = budget[klass]! * payers;
        const tolerance = budgetErr[klass]! * payers + remainingErr + 2 * EPS * (Math.abs(share) + Math.abs(remaining));
        const difference = share - remaining;
        if (difference > tolerance) continue;
        if (difference >= -tolerance) return UNDECIDED;
        const weight = weights[index]!;
        classes[index] = classes[poor]!;
        weights[index] = weights[poor]!;
        classes[poor] = klass;
        weights[poor] = weight;
        poor += 1;
      }
      if (poor === before) break;
      for (let index = before; index < poor; index++) {
        const weight = weights[index]!;
        const money = weight * budget[classes[index]!]!;
        remaining -= money;
        remainingErr += weight * budgetErr[classes[index]!]! + 2 * EPS * (Math.abs(money) + Math.abs(remaining));
        payers -= weight;
      }
    }
    const den = payers * this.prepared.utility[project]!;
    const approx = remaining / den;
    const price: Price = { approx, err: remainingErr / den + 3 * EPS * Math.abs(approx) };
    if (poor === 0 && Number.isSafeInteger(den)) {
      price.num = cost;
      price.den = den;
    }
    const poorClasses = classes.slice(0, poor);
    return {
      remaining,
      remainingErr,
      payers,
      poor: poorClasses,
      poorWeights: weights.slice(0, poor),
      poorKey: poorClasses,
      price,
    };
  }

  /** See the exact run's compareWithReference. */
  private compareWithReference(
    winner: number | undefined,
    open: Set<number>,
    unaffordable: Set<number>,
    offers: Map<number, Evaluated>,
  ): void {
    if (!this.unchanged) return;
    const expected = this.reference!.rounds[this.rounds.length];
    if (winner === undefined || expected === undefined || expected.winner !== winner) {
      this.unchanged = winner === undefined && expected === undefined;
      return;
    }
    const affine = this.sameStructure && sameKey((offers.get(winner) as FloatOffer).poorKey, expected.poor);
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
    offers: Map<number, Evaluated>,
    affine: boolean,
  ): boolean {
    const losesTies = this.rank(project) > this.rank(expected.winner);
    const dearer = (price: Price) => {
      const order = comparePrices(price, expected.price);
      return order > 0 || (order === 0 && losesTies);
    };
    if (dearer(this.bound[project]!) || unaffordable.has(project)) return true;
    const offer = this.evaluate(project, offers);
    if (offer === UNDECIDED) return false;
    if (!offer) {
      unaffordable.add(project);
      return true;
    }
    if (dearer(offer.price)) return true;
    if (!affine) return false;
    return sameKey(expected.priced.get(project), offer.poorKey) || dearer(this.tangentAtReference(project, offer));
  }

  /** The exact run's tangentAtReference: (remaining + poor slope × d) / (payers × utility). */
  private tangentAtReference(project: number, offer: FloatOffer): Price {
    let poorSlope = 0;
    let poorSlopeErr = 0;
    for (let index = 0; index < offer.poor.length; index++) {
      const weight = offer.poorWeights[index]!;
      poorSlope += weight * this.slope[offer.poor[index]!]!;
      poorSlopeErr += weight * this.slopeErr[offer.poor[index]!]!;
    }
    poorSlopeErr += (offer.poor.length + 1) * EPS * poorSlope;
    const from = this.reference!.perVoterBudget;
    const to = this.perVoterBudget;
    const rise = Number(to.num * from.den - from.num * to.den) / Number(to.den * from.den);
    const riseErr = 3 * EPS * rise;
    const lifted = offer.remaining + poorSlope * rise;
    const liftedErr =
      offer.remainingErr + poorSlopeErr * rise + poorSlope * riseErr + 2 * EPS * (poorSlope * rise + Math.abs(lifted));
    const den = offer.payers * this.prepared.utility[project]!;
    const approx = lifted / den;
    return { approx, err: liftedErr / den + 3 * EPS * Math.abs(approx) };
  }

  /** The winner's supporters pay; poor classes go broke, each rich one moves to a new class. */
  private pay(winner: number, offer: FloatOffer): ClassKey {
    const payment = offer.remaining / offer.payers;
    const paymentErr = offer.remainingErr / offer.payers + EPS * Math.abs(payment);
    // Slopes serve only the proof against the reference: once it failed, they are left stale.
    const slopes = this.unchanged;
    let poorSlope = 0;
    let poorSlopeErr = 0;
    const round = this.rounds.length;
    for (let index = 0; index < offer.poor.length; index++) {
      const klass = offer.poor[index]!;
      if (slopes) {
        const weight = offer.poorWeights[index]!;
        poorSlope += weight * this.slope[klass]!;
        poorSlopeErr += weight * this.slopeErr[klass]!;
      }
      this.movedIn[klass] = round;
      this.movedTo[klass] = BROKE;
    }
    const gain = poorSlope / offer.payers;
    const gainErr = poorSlopeErr / offer.payers + (offer.poor.length + 2) * EPS * gain;
    const { classOf } = this;
    const groups = this.prepared.supporters[winner]!;
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index]!;
      const from = classOf[group]!;
      if (from === BROKE) continue;
      if (this.movedIn[from] !== round) {
        const to = this.classes++;
        if (to === this.budget.length) this.grow();
        const left = this.budget[from]! - payment;
        this.budget[to] = left;
        this.budgetErr[to] = this.budgetErr[from]! + paymentErr + EPS * (Math.abs(left) + payment);
        if (slopes) {
          this.slope[to] = this.slope[from]! + gain;
          this.slopeErr[to] = this.slopeErr[from]! + gainErr + EPS * (this.slope[from]! + gain);
        }
        this.movedIn[from] = round;
        this.movedTo[from] = to;
      }
      classOf[group] = this.movedTo[from]!;
    }
    return offer.poorKey;
  }

  private grow(): void {
    const length = this.budget.length * 2;
    this.budget = grown(this.budget, length);
    this.budgetErr = grown(this.budgetErr, length);
    this.slope = grown(this.slope, length);
    this.slopeErr = grown(this.slopeErr, length);
    this.weightInClass = grown(this.weightInClass, length);
    const known = this.movedIn.length;
    this.movedIn = grown(this.movedIn, length);
    this.movedIn.fill(-1, known);
    this.movedTo = grown(this.movedTo, length);
  }
}

import { compareFractions, type Fraction } from './rational';

/**
 * A price as a float64 with a certified bound on its error, for the Equal Shares runs that
 * count in floats: two prices are ordered by their floats only when they are further apart
 * than both errors allow; closer than that, they are ordered exactly if both are known
 * exactly, and otherwise not at all (the caller then counts exactly).
 */
export interface Price {
  approx: number;
  /** |approx - the true price| is at most this. */
  err: number;
  /** The exact price, when it is known. */
  exact?: Fraction;
  /** Or the exact price as a ratio of two safe integers, made a Fraction only on a close call. */
  num?: number;
  den?: number;
}

/**
 * A generous bound on the relative rounding error of one float64 operation (the unit
 * roundoff is 2^-53): error bounds are sums of such terms, and over-estimating one only
 * sends a few more comparisons to the exact check.
 */
export const EPS = 2 ** -50;

function exactOf(price: Price): Fraction | undefined {
  if (price.exact) return price.exact;
  if (price.num === undefined || price.den === undefined) return undefined;
  return { num: BigInt(price.num), den: BigInt(price.den) };
}

/** -1, 0 or 1 as a is below, equal to or above b, or NaN when floats cannot tell and one is not exact. */
export function comparePrices(a: Price, b: Price): number {
  const diff = a.approx - b.approx;
  const tolerance = a.err + b.err + EPS * (Math.abs(a.approx) + Math.abs(b.approx));
  if (diff > tolerance) return 1;
  if (diff < -tolerance) return -1;
  const x = exactOf(a);
  const y = exactOf(b);
  return x && y ? compareFractions(x, y) : NaN;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(16).length * 4;
}

/** An exact fraction as a Price. */
export function exactPrice(exact: Fraction): Price {
  let num = Number(exact.num);
  let den = Number(exact.den);
  if (!Number.isFinite(num) || !Number.isFinite(den)) {
    // Past 2^1024: drop the same low bits from both. Each keeps 64 or more bits, or the
    // error bound gives up and leaves the comparison to the exact fraction.
    const shift = BigInt(Math.max(bitLength(exact.num), bitLength(exact.den)) - 1000);
    const kept = Math.min(bitLength(exact.num >> shift), bitLength(exact.den >> shift));
    num = Number(exact.num >> shift);
    den = Number(exact.den >> shift);
    const approx = num / den;
    return { approx, err: kept < 64 ? Infinity : (4 * EPS + 2 ** -59) * Math.abs(approx), exact };
  }
  const approx = num / den;
  return { approx, err: 4 * EPS * Math.abs(approx), exact };
}

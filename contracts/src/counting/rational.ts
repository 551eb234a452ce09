/**
 * Exact fractions on bigint, so every implementation of a counting rule compares the
 * same numbers (floats would let two auditors disagree on a tie). Fractions here are
 * only compared, never summed, so they are left unreduced: reducing costs a gcd.
 */
export interface Fraction {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

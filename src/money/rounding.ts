/**
 * Exact integer division with an explicit rounding mode — the only place in
 * refund-core where a quotient is rounded.
 *
 * @module
 */

/**
 * How a quotient that falls between two minor units is rounded.
 * - `halfAwayFromZero`: 0.5 goes up (PHP's and Shopify's `round`, our default);
 * - `halfEven`: 0.5 goes to the even neighbour (bankers' rounding, the
 *   `bankers` policy).
 *
 * 1.635 becomes 1.64 with `halfAwayFromZero` and 1.64 with `halfEven`;
 * 1.625 becomes 1.63 and 1.62.
 *
 * @category Money
 */
export type RoundingMode = "halfAwayFromZero" | "halfEven";

/**
 * `numerator / denominator` rounded to an integer with `mode`.
 * The denominator must not be zero; a zero denominator yields `0n`
 * (callers guard it — this keeps the function total).
 *
 * @category Money
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) return 0n;
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  let rounded = quotient;
  if (twiceRemainder > d) rounded = quotient + 1n;
  else if (twiceRemainder === d) {
    rounded = mode === "halfAwayFromZero" || quotient % 2n === 1n ? quotient + 1n : quotient;
  }
  return negative ? -rounded : rounded;
}

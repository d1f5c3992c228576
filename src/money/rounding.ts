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
  if (numerator >= 0n && denominator > 0n)
    return divideRoundedNatural(numerator, denominator, denominator >> 1n, mode);
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

/**
 * {@link divideRounded} of a non-negative numerator by a positive
 * denominator `d` — every share of a refund — given `half = ⌊d/2⌋`, which
 * a caller dividing many numerators by the same `d` (the units of a line)
 * computes once. It takes as few bigint operations as the rule allows (V8
 * allocates every bigint result): the quotient rounds up when the
 * remainder is above `half`, since `2·rem > d` exactly when
 * `rem > ⌊d/2⌋`. Half away from zero is then one division,
 * `⌊(numerator + half)/d⌋`; half even takes the remainder to tell a tie
 * (`d` even, `rem = half`), which goes to the even quotient.
 *
 * Worked example, 7 / 2 (half 1): away from zero ⌊8/2⌋ = 4; half even:
 * quotient 3, remainder 1 = half and 2 even, a tie, 3 is odd → 4.
 * 5 / 2: 3 and 2 (2 is even); 8 / 3 (half 1, remainder 2): 3 both;
 * 7 / 3 (remainder 1 = half, but 3 is odd: no tie): 2 both.
 */
export function divideRoundedNatural(
  numerator: bigint,
  denominator: bigint,
  half: bigint,
  mode: RoundingMode,
): bigint {
  if (mode === "halfAwayFromZero") return (numerator + half) / denominator;
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder < half) return quotient;
  if (remainder > half) return quotient + 1n;
  // remainder = ⌊d/2⌋: a tie when d is even (for odd d it is below d/2).
  if ((denominator & 1n) === 1n) return quotient;
  return (quotient & 1n) === 0n ? quotient : quotient + 1n;
}

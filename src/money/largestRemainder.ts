/**
 * Splitting an amount in proportion to weights by the largest-remainder
 * method (Hamilton's method), ties to the earlier part.
 *
 * @module
 */

/**
 * Splits `total` into parts proportional to `weights`: each part gets the
 * floor of its exact share, and the units left over go one by one to the
 * parts with the largest remainders, ties to the earlier part. The parts
 * always add up to `total` (the units left over are fewer than the parts,
 * so no part gets more than one). With all weights zero the first part takes
 * `total`.
 *
 * Worked example: 2.00 over remainders 5.00 / 3.00 / 2.00 gives
 * 1.00 / 0.60 / 0.40; 0.10 over 1 / 1 / 1 gives 0.04 / 0.03 / 0.03.
 *
 * @param total - a non-negative number of minor units.
 * @param weights - non-negative weights.
 * @category Money
 */
export function allocateByLargestRemainder(
  total: bigint,
  weights: readonly bigint[],
): readonly bigint[] {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let left = total - parts.reduce((a, p) => a + p, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const result = [...parts];
  for (const { i } of order) {
    if (left <= 0n) break;
    result[i] = (result[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return result;
}

/**
 * "Did you mean …?": the valid name closest to a mistyped command or option
 * (§8: an unknown command or option names the closest valid one).
 *
 * @module
 */

/**
 * The optimal string alignment distance between `a` and `b`: insertions,
 * deletions, substitutions and swaps of two neighbours each count one, so
 * `calcualte` is one step from `calculate`.
 */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] ?? 0) + 1,
        (d[i * cols + j - 1] ?? 0) + 1,
        (d[(i - 1) * cols + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] ?? 0) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] ?? 0;
}

/** Names longer than this are not compared (the distance is quadratic in the length). */
const MAX_COMPARED = 64;

/**
 * The candidate closest to `given`, when it is close enough to be a typo:
 * a prefix of it (`--plat` → `platform`), or at most one edit away for
 * short names and a third of the length for longer ones. Ties go to the
 * first candidate.
 *
 * @param given - what was typed, without dashes.
 * @param candidates - the valid names.
 * @returns the suggestion, or `undefined` when nothing is close.
 * @example
 * ```ts
 * closestName("calcualte", ["calculate", "apply", "audit"]); // "calculate"
 * closestName("refund", ["calculate", "apply", "audit"]); // undefined
 * ```
 * @category CLI
 */
export function closestName(given: string, candidates: readonly string[]): string | undefined {
  if (given === "" || given.length > MAX_COMPARED) return undefined;
  const lower = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance =
      lower.length >= 3 && candidate.startsWith(lower) ? 0.5 : editDistance(lower, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(given.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/**
 * The sentence " Did you mean X?" for a suggestion, or "" without one.
 *
 * @param suggestion - the name to suggest, as it should be typed (`--order`, `calculate`).
 * @internal
 */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` Did you mean ${suggestion}?`;
}

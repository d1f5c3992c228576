/**
 * Timing for the scaling tests: how much longer a call takes on a 10× input
 * than on the 1× input, in one process, as a ratio (never an absolute time,
 * which depends on the machine). Each side is the fastest of several rounds,
 * after a warm-up, so that a pause of the machine inflates neither.
 */

/** Milliseconds of the fastest of `rounds` runs of `f`. */
export function fastest(f: () => unknown, rounds = 5): number {
  f();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How many times longer `big` takes than `small` (each the fastest of its rounds). */
export function timeRatio(small: () => unknown, big: () => unknown, rounds = 5): number {
  return fastest(big, rounds) / Math.max(fastest(small, rounds), 1e-3);
}

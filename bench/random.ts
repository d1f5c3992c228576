/**
 * A small seeded pseudo-random generator (mulberry32), so every generated
 * scenario is the same on every run and every machine.
 */

/** Random integers from a fixed seed. */
export interface Random {
  /** An integer in `[min, max]`, both included. */
  int(min: number, max: number): number;
}

/** mulberry32: 32-bit state, good enough spread for test data, fully deterministic. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

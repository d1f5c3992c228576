/**
 * Benchmark rows for issue 12's superlinear findings (hostile input): the
 * time of each at n and 10n, and the ratio — about 10× for linear time,
 * about 100× for the quadratic code these rows guard against.
 *
 * ```sh
 * npx tsc -p tsconfig.bench.json && node dist-bench/bench/hostile.js
 * ```
 *
 * Each cell is the fastest of 5 runs after a warm-up. Nothing here fails:
 * the assertions are in test/scaling/ (`npm run test:scaling`).
 */
import { calculate, creditMemoId } from "../src/calculate.js";
import { checkHistoryShape } from "../src/order/orderConsistency.js";
import { centRequest, keyedChain, manyDuties, takenMemoIds } from "./hostileScenarios.js";

/** Milliseconds of the fastest of 5 runs of `f`, after one warm-up run. */
function fastest(f: () => unknown): number {
  f();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

interface Row {
  readonly name: string;
  readonly n: number;
  readonly run: (n: number) => () => unknown;
}

const ROWS: readonly Row[] = [
  {
    name: "free memo id, n memos holding the ids tried (finding 2, creditMemoId)",
    n: 10_000,
    run: (n) => {
      const order = takenMemoIds(n);
      return () => creditMemoId(order, centRequest());
    },
  },
  {
    name: "free memo id, n memos holding the ids tried (finding 2, calculate)",
    n: 1_000,
    run: (n) => {
      const order = takenMemoIds(n);
      return () => calculate(order, centRequest());
    },
  },
  {
    name: "history check, n memos naming duties of a line of n duties (finding 4)",
    n: 3_000,
    run: (n) => {
      const order = manyDuties(n);
      return () => checkHistoryShape(order);
    },
  },
  {
    name: "chain of n keyed applyRefund (finding 5)",
    n: 1_000,
    run: (n) => keyedChain(n, true),
  },
  {
    name: "chain of n applyRefund without keys (finding 5, reference)",
    n: 1_000,
    run: (n) => keyedChain(n, false),
  },
];

console.log(`refund-core hostile input (issue 12) — Node ${process.version}`);
console.log("\n| scenario | n | at n | at 10n | 10n / n |");
console.log("|---|---:|---:|---:|---:|");
for (const row of ROWS) {
  const small = fastest(row.run(row.n));
  const big = fastest(row.run(row.n * 10));
  console.log(
    `| ${row.name} | ${row.n.toLocaleString("en")} | ${small.toFixed(2)} ms | ${big.toFixed(2)} ms | ${(big / small).toFixed(1)}× |`,
  );
}

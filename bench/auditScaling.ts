/**
 * Issue 12: how the audit's time grows with the memos, the captures and
 * the lines of an order — a row per size, the time per memo beside it. A
 * flat "per memo" column is linear time. (The perf branch rewrites
 * bench/main.ts; this script stands alone.)
 *
 * ```sh
 * npx tsc -p tsconfig.bench.json
 * node dist-bench/bench/auditScaling.js
 * ```
 *
 * Each cell is the best of 3 audits after a warm-up. Nothing here fails:
 * the ratio test is test/scaling/audit.scaling.ts.
 */
import { audit } from "../src/audit/audit.js";
import type { Order } from "../src/domain/order.js";
import { refundedOrder } from "./auditHistory.js";

function bestMillis(o: Order): number {
  audit(o);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const start = process.hrtime.bigint();
    audit(o);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

const CASES: readonly [string, number, number, number][] = [
  ["memos, 10 lines, 1 capture", 1_000, 10, 1],
  ["memos, 10 lines, 1 capture", 10_000, 10, 1],
  ["memos, 10 lines, 1 capture", 100_000, 10, 1],
  ["one capture per memo", 1_000, 1, 1_000],
  ["one capture per memo", 10_000, 1, 10_000],
  ["one line per memo", 1_000, 1_000, 1],
  ["one line per memo", 10_000, 10_000, 1],
];

console.log(`refund-core audit scaling — Node ${process.version}`);
console.log("\n| order | memos | audit | per memo |");
console.log("|---|---:|---:|---:|");
for (const [name, memos, lines, captures] of CASES) {
  const ms = bestMillis(refundedOrder(memos, lines, captures));
  console.log(
    `| ${name} | ${memos.toLocaleString("en")} | ${ms.toFixed(0)} ms | ${((ms / memos) * 1000).toFixed(1)} µs |`,
  );
}

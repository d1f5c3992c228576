/**
 * Issue 12: the audit's cost grows with the memos and with the order, not
 * with their product. Each case audits an order and the same order ten
 * times larger in one process, and compares the times as a ratio: linear
 * work gives about 10, the quadratic scans this guards against gave 40 to
 * 100 (10^5 plain memos took 60 s; 2,000 memos over 2,000 captures took
 * 4.2 s against 0.1 s for 500). The bound, 30, leaves room for a noisy
 * shared machine; each time is the best of several runs.
 *
 * Run with `npm run test:scaling` (vitest.scaling.config.ts); not part of
 * the default `npm test`.
 */
import { describe, expect, it } from "vitest";
import { refundedOrder } from "../../bench/auditHistory.js";
import { audit } from "../../src/audit/audit.js";
import type { Order } from "../../src/domain/order.js";

/** The best of `runs` timings of an audit, in milliseconds. */
function auditMillis(o: Order, runs = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const report = audit(o);
    const took = Number(process.hrtime.bigint() - start) / 1e6;
    if (report._tag === "Left" || report.right.rejected.length > 0)
      throw new Error("the generated history must audit clean");
    if (took < best) best = took;
  }
  return best;
}

function ratio(small: Order, large: Order): number {
  auditMillis(large, 1); // warm-up, so that the small size is not timed cold
  return auditMillis(large) / auditMillis(small);
}

describe("audit time is linear", () => {
  it("in the memos: 2,000 → 20,000 one-unit memos of a 10-line order", () => {
    expect(ratio(refundedOrder(2_000, 10, 1), refundedOrder(20_000, 10, 1))).toBeLessThan(30);
  });
  it("in the captures: 1,000 → 10,000 memos, one capture per memo", () => {
    expect(ratio(refundedOrder(1_000, 1, 1_000), refundedOrder(10_000, 1, 10_000))).toBeLessThan(
      30,
    );
  });
  it("in the lines: 1,000 → 10,000 memos, one line per memo", () => {
    expect(ratio(refundedOrder(1_000, 1_000, 1), refundedOrder(10_000, 10_000, 1))).toBeLessThan(
      30,
    );
  });
});

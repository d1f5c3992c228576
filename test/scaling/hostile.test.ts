/**
 * Issue 12's superlinear findings, measured as ratios in one process: a 10×
 * input must take about 10× the time (linear) where the quadratic code took
 * about 100× (bound 30×), or, where the quadratic part is a factor of its
 * own, the input that grew it 10× must cost no more (bound 3×).
 * Kept out of the default run (`npm run test:scaling`): timing on a shared
 * machine is slow and noisy.
 */
import { describe, expect, test } from "vitest";
import {
  centMemo,
  centRequest,
  keyedChain,
  manyDuties,
  takenMemoIds,
} from "../../bench/hostileScenarios.js";
import { creditMemoId } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { checkHistoryShape, orderIds } from "../../src/order/orderConsistency.js";
import { type RefundHistory, readRefundHistory, withMemo } from "../../src/order/refundHistory.js";
import { timeRatio } from "./timing.js";

const LINEAR = 30;

describe("issue 12: linear where it was quadratic", () => {
  test("finding 2: a free memo id among n memos holding the ids tried in turn", () => {
    const small = takenMemoIds(2_000);
    const big = takenMemoIds(20_000);
    const request = centRequest();
    expect(creditMemoId(big, request)).toBe("o-40001");
    expect(
      timeRatio(
        () => creditMemoId(small, request),
        () => creditMemoId(big, request),
      ),
    ).toBeLessThan(LINEAR);
  });

  test("finding 4: memos naming duties of a line of many duties", () => {
    // The same 2,000 memos against a line of 2,000 and of 20,000 duties: the
    // quadratic check built the line's duty set for every memo line, so its
    // time grew with the line's duties (×10); it must not grow at all. The
    // order's ids (built once, linear in the duties) are not timed.
    const small = manyDuties(2_000, 2_000);
    const big = manyDuties(20_000, 2_000);
    expect(checkHistoryShape(big)).toEqual([]);
    const check = (order: Order) => {
      const ids = orderIds(order);
      return () => checkHistoryShape(order, ids);
    };
    expect(timeRatio(check(small), check(big), 10)).toBeLessThan(3);
  });

  test("finding 5: one more keyed refund on a chain of n keyed refunds", () => {
    // The history a chain of `applyRefund` carries, grown memo by memo with
    // keys (`withMemo`); then 500 more keyed memos on top, timed. Copying
    // the key set on every refund made each of them cost the n keys before
    // it (×10 at 10n); appending must cost the same at 1,000 and 10,000.
    const memos = (from: number, count: number) =>
      Array.from({ length: count }, (_, k) => centMemo(`o-${from + k}`, `key-${from + k}`));
    const grown = (history: RefundHistory, more: readonly CreditMemo[]) => {
      let h = history;
      for (const memo of more) h = withMemo(h, memo);
      return h;
    };
    const onTop = (n: number) => {
      const more = memos(n, 500);
      let best = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 5; round++) {
        const base = grown(readRefundHistory([]), memos(0, n));
        const start = performance.now();
        const after = grown(base, more);
        best = Math.min(best, performance.now() - start);
        expect(after.idempotencyKeys.has(`key-${n + 499}`)).toBe(true);
        expect(base.idempotencyKeys.has(`key-${n}`)).toBe(false);
      }
      return best;
    };
    onTop(1_000);
    expect(onTop(10_000) / Math.max(onTop(1_000), 1e-3)).toBeLessThan(3);
  });

  test("finding 5: a chain of keyed applyRefund costs what one without keys does", () => {
    expect(keyedChain(3_000, true)().refunds.length).toBe(3_000);
    expect(timeRatio(keyedChain(3_000, false), keyedChain(3_000, true), 3)).toBeLessThan(3);
  });
});

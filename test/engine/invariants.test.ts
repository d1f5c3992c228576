/**
 * First property tests for the central invariants: any split of a whole
 * refunds exactly the whole, and no share ever exceeds what is left.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { allocateByLargestRemainder } from "../../src/money/largestRemainder.js";
import { type ProrationMethod, prorate } from "../../src/refund/proration.js";
import { discount, invoice, line, order, request, tax } from "../support/builders.js";

/** A split of n into positive parts, in some order. */
const splitOf = (n: number) =>
  fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: n }).map((cuts) => {
    const parts: number[] = [];
    let left = n;
    for (const c of cuts) {
      if (left === 0) break;
      const take = Math.min(c, left);
      parts.push(take);
      left -= take;
    }
    if (left > 0) parts.push(left);
    return parts;
  });

const method = fc.constantFrom<ProrationMethod>("cumulative", "remaining", "perUnit");
const rounding = fc.constantFrom("halfAwayFromZero" as const, "halfEven" as const);
const amount = fc.bigInt({ min: 0n, max: 10n ** 18n });

describe("proration invariants", () => {
  test.prop([
    amount,
    fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), splitOf(n))),
    method,
    rounding,
  ])(
    "the shares of any split add up to the whole, each within what is left",
    (x, [n, parts], m, r) => {
      let refunded = 0n;
      let before = 0n;
      for (const q of parts) {
        const share = prorate(
          { amount: x, refunded },
          { whole: BigInt(n), before, now: BigInt(q) },
          { method: m, rounding: r },
        );
        expect(share >= 0n && share <= x - refunded).toBe(true);
        refunded += share;
        before += BigInt(q);
      }
      expect(refunded).toBe(x);
    },
  );

  test.prop([
    amount,
    fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(fc.constant(n), splitOf(n), splitOf(n))),
  ])(
    "cumulative proration is path independent: after r units the refunded total is round(X·r/n)",
    (x, [n, a, b]) => {
      const after = (parts: number[], stop: number) => {
        let refunded = 0n;
        let before = 0n;
        for (const q of parts) {
          if (before >= BigInt(stop)) break;
          refunded += prorate(
            { amount: x, refunded },
            { whole: BigInt(n), before, now: BigInt(q) },
            { method: "cumulative", rounding: "halfAwayFromZero" },
          );
          before += BigInt(q);
        }
        return { refunded, before };
      };
      // the same cumulative quantity reached by both splits gives the same refunded amount
      const prefixes = (parts: number[]) => {
        const sums: number[] = [];
        let running = 0;
        for (const q of parts) {
          running += q;
          sums.push(running);
        }
        return sums;
      };
      const common = prefixes(a).filter((p) => prefixes(b).includes(p));
      for (const r of common) expect(after(a, r).refunded).toBe(after(b, r).refunded);
      // Two splits share a prefix short of n in 1 run in 10: every prefix of each is also
      // checked against round(X·r/n) worked here, half away from zero: ⌊(2·X·r + n) / 2n⌋.
      for (const parts of [a, b])
        for (const r of prefixes(parts))
          expect(after(parts, r).refunded).toBe(
            (2n * x * BigInt(r) + BigInt(n)) / (2n * BigInt(n)),
          );
    },
  );

  test.prop([
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 12 }),
  ])(
    "largest remainder parts add up to the total and never exceed their weight when the total fits",
    (total, weights) => {
      const parts = allocateByLargestRemainder(total, weights);
      expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
      const sum = weights.reduce((s, w) => s + w, 0n);
      if (total <= sum && sum > 0n)
        for (const [i, p] of parts.entries()) expect(p <= (weights[i] ?? 0n)).toBe(true);
    },
  );

  // The total above fits its weights in 1 run in 4; here it always does.
  test.prop([
    fc
      .array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 12 })
      .filter((weights) => weights.some((w) => w > 0n))
      .chain((weights) =>
        fc.tuple(
          fc.constant(weights),
          fc.bigInt({ min: 0n, max: weights.reduce((s, w) => s + w, 0n) }),
        ),
      ),
  ])(
    "largest remainder parts within a total that fits stay within their weights and within one unit of total·w/Σw",
    ([weights, total]) => {
      const parts = allocateByLargestRemainder(total, weights);
      const sum = weights.reduce((s, w) => s + w, 0n);
      expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
      for (const [i, p] of parts.entries()) {
        const w = weights[i] ?? 0n;
        expect(p <= w).toBe(true);
        // floor(total·w/Σw) ≤ p ≤ floor(total·w/Σw) + 1
        const floor = (total * w) / sum;
        expect(p >= floor && p <= floor + 1n).toBe(true);
      }
    },
  );
});

describe("refund sequences through applyRefund", () => {
  const cents = fc.integer({ min: 0, max: 100_000 });
  const scenario = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      price: fc.integer({ min: 1, max: 100_000 }),
      discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
      taxes: fc.array(cents, { maxLength: 3 }),
      split: splitOf(n),
    }),
  );
  const build = (s: {
    n: number;
    price: number;
    discountShare: number;
    taxes: number[];
  }): Order => {
    const gross = BigInt(s.price) * BigInt(s.n);
    const d = BigInt(Math.floor(Number(gross) * s.discountShare));
    const c = (v: bigint) => ({ shop: v, presentment: v });
    const taxTotal = s.taxes.reduce((a, t) => a + BigInt(t), 0n);
    return order({
      lineItems: [
        line("a", s.n, c(BigInt(s.price)), {
          discountAllocations: [discount(c(d))],
          taxLines: s.taxes.map((t, i) => tax(c(BigInt(t)), `T${i}`)),
        }),
      ],
      invoices: [invoice("i", c(gross - d + taxTotal))],
    });
  };
  test.prop([scenario])(
    "any split of a line refunds exactly its discount, taxes and the collected money",
    (s) => {
      let current = build(s);
      const start = current;
      for (const q of s.split) {
        const applied = applyRefund(
          current,
          request({ lineItems: [{ lineItemId: "a", quantity: q, restock: "no_restock" }] }),
        );
        if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
        current = applied.right.order;
      }
      const sum = (f: (m: (typeof current.refunds)[number]) => bigint) =>
        current.refunds.reduce((a, m) => a + f(m), 0n);
      const l = start.lineItems[0]!;
      expect(sum((m) => m.discount.shop)).toBe(l.discountAllocations[0]!.amount.shop);
      for (const [i, t] of l.taxLines.entries())
        expect(sum((m) => m.lineItems[0]!.taxLines[i]!.amount.shop)).toBe(t.amount.shop);
      expect(sum((m) => m.total.shop)).toBe(start.invoices[0]!.amount.shop);
      // nothing is left: one more unit is an over-refund
      const more = calculate(
        current,
        request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] }),
      );
      expect(more._tag === "Left" && more.left[0].code).toBe("OVER_REFUND");
    },
  );
});

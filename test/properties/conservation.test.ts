/**
 * Conservation (§3.1, §3.2, §3.6): refunding everything — in any number of
 * refunds of any sizes, in any order — returns exactly every line's
 * discounts, taxes and duties, every shipping line's net and tax, and the
 * money: the order total, or all collected money after a full refund; on both
 * sides of a multi-currency order.
 *
 * v2 (§3.8): transactions are presentment money converted at each invoice's
 * rate, so what the transactions take on the shop side is the memos' shop
 * totals plus their `exchangeDifference`, and shop money on an invoice
 * without presentment money (which the generators may make) is never paid
 * out. v1 asserted that the shop side of the money left became zero too.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Order } from "../../src/domain/order.js";
import { refundStatus } from "../../src/refundStatus.js";
import { type Coverage, generatedOrderArb } from "../arbitraries/order.js";
import {
  exhaustingRequest,
  FULL_REFUND,
  stepChoiceArb,
  validRequest,
} from "../arbitraries/request.js";
import {
  collected,
  exchangeDifferences,
  isZero,
  lineComponentsRefunded,
  moneyLeftByTransactions,
  shippingNetOf,
  shippingRefunded,
  strandedShop,
  total,
  unitsLeft,
} from "../arbitraries/state.js";
import { apply, RUNS } from "./support.js";

/** Rejections a valid line/shipping refund may meet when rounding runs ahead of the money. */
const MONEY_CODES = ["OVER_REFUND", "NOT_PAID", "NEGATIVE_TOTAL"];

/** Applies the steps that are accepted; a rejection must be about money, never about the request. */
function refundInSteps(order: Order, steps: readonly Parameters<typeof validRequest>[1][]): Order {
  let current = order;
  for (const step of steps) {
    const request = validRequest(current, step);
    if (request === undefined) continue;
    const result = apply(current, request);
    if (result.ok) current = result.order;
    else
      for (const e of result.errors)
        expect([
          ...MONEY_CODES,
          ...(request.lineItems.length === 0 ? ["EMPTY_REFUND"] : []),
        ]).toContain(e.code);
  }
  return current;
}

/** Every unit, component, shipping net and shipping tax of the order is refunded exactly. */
function expectEverythingReturned(order: Order): void {
  for (const line of order.lineItems) {
    expect(unitsLeft(order, line)).toBe(0);
    const refunded = lineComponentsRefunded(order, line);
    expect(refunded.discounts).toEqual(line.discountAllocations.map((d) => d.amount));
    expect(refunded.taxes).toEqual(line.taxLines.map((t) => t.amount));
    expect(refunded.duties).toEqual(
      line.duties.map((d) => ({ amount: d.amount, taxes: d.taxLines.map((t) => t.amount) })),
    );
  }
  for (const line of order.shippingLines) {
    const refunded = shippingRefunded(order, line);
    expect(refunded.amount).toEqual(shippingNetOf(line));
    expect(refunded.taxes).toEqual(line.taxLines.map((t) => t.amount));
  }
}

/**
 * After refunds that took every invoice's presentment money: nothing is
 * left but the stranded shop money, and the memos' shop totals with their
 * exchange differences are all the rest.
 */
function expectAllMoneyPaidOut(original: Order, done: Order): void {
  const stranded = strandedShop(original);
  expect(moneyLeftByTransactions(done)).toEqual({ shop: stranded, presentment: 0n });
  const totals = total(done.refunds.map((m) => m.total));
  expect(totals.shop + exchangeDifferences(done)).toBe(collected(original).shop - stranded);
}

/** Finishes with `request`; only a refund of nothing may be refused (EMPTY_REFUND). */
function finish(order: Order, request: Parameters<typeof apply>[1]): Order {
  const result = apply(order, request);
  if (result.ok) return result.order;
  expect(result.errors.map((e) => e.code)).toEqual(["EMPTY_REFUND"]);
  return order;
}

const covered: Coverage[] = ["exact", "over"];

describe("conservation", () => {
  test.prop(
    [generatedOrderArb({ coverage: covered }), fc.array(stepChoiceArb(), { maxLength: 6 })],
    RUNS,
  )(
    "steps (duties or not), then a full refund: every component and all collected money comes back",
    (g, steps) => {
      const done = finish(refundInSteps(g.order, steps), FULL_REFUND);
      expectEverythingReturned(done);
      expect(total(done.refunds.map((m) => m.total)).presentment).toBe(
        collected(g.order).presentment,
      );
      expectAllMoneyPaidOut(g.order, done);
      if (!isZero(collected(g.order)) && strandedShop(g.order) === 0n)
        expect(refundStatus(done)).toBe("refunded");
    },
  );

  test.prop(
    [
      generatedOrderArb({ coverage: covered }),
      fc.array(stepChoiceArb({ refundDuties: true }), { maxLength: 6 }),
    ],
    RUNS,
  )(
    "steps, then lines and shipping that exhaust the order: the totals add up to the order total",
    (g, steps) => {
      const done = finish(
        refundInSteps(g.order, steps),
        exhaustingRequest(refundInSteps(g.order, steps)),
      );
      expectEverythingReturned(done);
      const refunded = total(done.refunds.map((m) => m.total));
      expect(refunded).toEqual(g.total);
      if (g.coverage === "exact") {
        expect(refunded).toEqual(collected(g.order));
        expectAllMoneyPaidOut(g.order, done);
      }
    },
  );

  test.prop(
    [
      generatedOrderArb({ coverage: ["partial", "exact", "over"] }),
      fc.array(stepChoiceArb(), { maxLength: 5 }),
    ],
    RUNS,
  )(
    "whatever the invoices cover, a full refund leaves no money and no units (duties or not)",
    (g, steps) => {
      const done = finish(refundInSteps(g.order, steps), FULL_REFUND);
      for (const line of done.lineItems) expect(unitsLeft(done, line)).toBe(0);
      expectAllMoneyPaidOut(g.order, done);
    },
  );
});

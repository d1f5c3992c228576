/**
 * Never over-refund (§3.1, §3.2, §3.7, §5): no sequence of accepted refunds
 * — valid or arbitrary requests, any coverage — refunds more than a line's
 * units or components, a shipping line's net or taxes, an invoice's amount
 * or the order's money; a request that asks for more units, shipping or money
 * than is left is rejected with OVER_REFUND (NOT_PAID when nothing was
 * collected). The history the engine writes always reads back as consistent.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { RefundError } from "../../src/errors.js";
import { findCurrency } from "../../src/money/currency.js";
import { toMinorUnits } from "../../src/money/decimal.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest } from "../arbitraries/request.js";
import {
  allShippingLeft,
  collected,
  invoiceTaken,
  lineComponentsRefunded,
  moneyLeftByTransactions,
  shippingNetOf,
  shippingRefunded,
  unitsLeft,
} from "../arbitraries/state.js";
import { apply, RUNS, SIDES } from "./support.js";

function expectWithin(
  refunded: { shop: bigint; presentment: bigint },
  whole: { shop: bigint; presentment: bigint },
) {
  for (const side of SIDES) {
    expect(refunded[side]).toBeGreaterThanOrEqual(0n);
    expect(refunded[side]).toBeLessThanOrEqual(whole[side]);
  }
}

/** Nothing of the order is refunded beyond what it has. */
function expectNothingOver(order: Order): void {
  for (const line of order.lineItems) {
    expect(unitsLeft(order, line)).toBeGreaterThanOrEqual(0);
    const refunded = lineComponentsRefunded(order, line);
    line.discountAllocations.forEach((d, i) => {
      expectWithin(refunded.discounts[i]!, d.amount);
    });
    line.taxLines.forEach((t, i) => {
      expectWithin(refunded.taxes[i]!, t.amount);
    });
    line.duties.forEach((d, i) => {
      expectWithin(refunded.duties[i]!.amount, d.amount);
      d.taxLines.forEach((t, j) => {
        expectWithin(refunded.duties[i]!.taxes[j]!, t.amount);
      });
    });
  }
  for (const line of order.shippingLines) {
    const refunded = shippingRefunded(order, line);
    expectWithin(refunded.amount, shippingNetOf(line));
    line.taxLines.forEach((t, i) => {
      expectWithin(refunded.taxes[i]!, t.amount);
    });
  }
  for (const invoice of order.invoices)
    expectWithin(invoiceTaken(order, invoice.id), invoice.amount);
  for (const side of SIDES) expect(moneyLeftByTransactions(order)[side]).toBeGreaterThanOrEqual(0n);
}

const presentment = (order: Order, value: RefundRequest["amount"]): bigint | undefined => {
  const currency = findCurrency(order.presentmentCurrency);
  return value === undefined || currency === undefined ? undefined : toMinorUnits(value, currency);
};

const TOTAL_PHASE: readonly string[] = [
  "OVER_REFUND",
  "NOT_PAID",
  "NEGATIVE_TOTAL",
  "EMPTY_REFUND",
  "AMOUNT_MISMATCH",
];

/** The over-refunds a rejected request must report, by what it asked. */
function expectOverRefundReported(
  order: Order,
  request: RefundRequest,
  errors: readonly RefundError[],
): void {
  const codes = errors.map((e) => e.code);
  expect(codes).not.toContain("INCONSISTENT_ORDER");
  for (const asked of request.lineItems) {
    const line = order.lineItems.find((l) => l.id === asked.lineItemId);
    const quantity = asked.quantity;
    if (
      line === undefined ||
      quantity === undefined ||
      !Number.isSafeInteger(quantity) ||
      quantity < 1
    )
      continue;
    const left = unitsLeft(order, line);
    if (quantity > left)
      expect(errors).toContainEqual(
        expect.objectContaining({
          code: "OVER_REFUND",
          subject: "quantity",
          maximum: left,
          requested: asked.quantity,
        }),
      );
  }
  const shipping = presentment(order, request.shipping?.amount);
  if (shipping !== undefined && shipping > allShippingLeft(order).presentment)
    expect(errors).toContainEqual(
      expect.objectContaining({ code: "OVER_REFUND", subject: "shipping" }),
    );
  const amountOnly =
    request.amount !== undefined &&
    request.lineItems.length === 0 &&
    request.shipping === undefined &&
    !request.full;
  const amount = presentment(order, request.amount);
  // Money is checked only once the request itself is sound (§5: problems of the total come last).
  const sound = codes.every((c) => TOTAL_PHASE.includes(c));
  const usable =
    sound && request.currency === order.presentmentCurrency && request.invoiceId === undefined;
  if (amountOnly && usable && amount !== undefined && request.adjustmentNegative === undefined) {
    const positive = presentment(order, request.adjustmentPositive) ?? 0n;
    if (amount + positive > moneyLeftByTransactions(order).presentment && amount + positive > 0n)
      expect(codes).toContainEqual(isZeroCollected(order) ? "NOT_PAID" : "OVER_REFUND");
  }
}

const isZeroCollected = (order: Order) =>
  collected(order).shop === 0n && collected(order).presentment === 0n;

describe("never over-refund", () => {
  test.prop([generatedOrderArb(), fc.array(anyChoiceArb, { minLength: 1, maxLength: 8 })], RUNS)(
    "any sequence of accepted refunds stays within the order; asking for more is OVER_REFUND",
    (g, choices) => {
      let order = g.order;
      for (const choice of choices) {
        const request = anyRequest(order, choice);
        const result = apply(order, request);
        if (result.ok) {
          // v2 (§3.8): the money limit is presentment money; the shop side of a total is the
          // lines' booking, paid at the invoices' rates (never beyond an invoice's shop money,
          // which expectNothingOver checks), the gap its exchangeDifference. v1 bounded both sides.
          expect(result.memo.total.presentment).toBeLessThanOrEqual(
            moneyLeftByTransactions(order).presentment,
          );
          for (const side of SIDES) expect(result.memo.total[side]).toBeGreaterThanOrEqual(0n);
          order = result.order;
          expectNothingOver(order);
        } else {
          expectOverRefundReported(order, request, result.errors);
        }
      }
      // The history the engine wrote is one it accepts.
      const again = calculate(order, {
        lineItems: [],
        refundDuties: false,
        full: true,
        notify: false,
      });
      if (again._tag === "Left")
        expect(again.left.map((e) => e.code)).not.toContain("INCONSISTENT_ORDER");
    },
  );
});

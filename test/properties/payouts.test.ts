/**
 * §3.8 (v2) payouts as properties, against the exact-rational reference of
 * `payoutReference.ts`, on generated orders whose invoices split each side
 * of the collected money independently — so every invoice has its own rate
 * — in JPY, USD, EUR and KWD (exponents 0, 2 and 3):
 *
 * - explicit transactions, any split of an amount over the invoices within
 *   their presentment money left, are accepted (never an `OVER_REFUND` the
 *   caller did not ask for) and each shop side is the invoice's rate;
 * - taking exactly each invoice's presentment money left takes exactly its
 *   shop money left, so afterwards no invoice holds anything but stranded
 *   shop money (shop money without presentment money, never paid out);
 * - no transaction has a zero side with a non-zero other side, no invoice
 *   goes below zero on either side, presentment sides add up to the total,
 *   and `exchangeDifference` is the shop sum less the shop total.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { fractionArb, fractionOf } from "../arbitraries/money.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { decimalOf, exponentOf } from "../arbitraries/request.js";
import { invoiceLeft } from "../arbitraries/state.js";
import { expectPayoutAtInvoiceRates, type InvoicesLeft } from "./payoutReference.js";
import { apply, RUNS } from "./support.js";

function leftOf(order: Order): InvoicesLeft {
  return order.invoices.map((i) => ({ id: i.id, left: invoiceLeft(order, i.id) }));
}

/** An amount-only refund paid out by `takes` (presentment minor units per invoice id). */
function explicitRefund(order: Order, takes: readonly [string, bigint][]): RefundRequest {
  const exponent = exponentOf(order);
  const total = takes.reduce((s, [, p]) => s + p, 0n);
  return {
    lineItems: [],
    amount: decimalOf(total, exponent),
    currency: order.presentmentCurrency,
    transactions: takes.map(([invoiceId, p]) => ({ invoiceId, amount: decimalOf(p, exponent) })),
    refundDuties: false,
    full: false,
    notify: false,
  };
}

const multiCurrency = generatedOrderArb({ coverage: ["exact", "over", "partial"] }).filter(
  (g) => g.order.currency !== g.order.presentmentCurrency,
);

describe("§3.8 v2: transactions at each invoice's rate", () => {
  test.prop([multiCurrency, fc.array(fractionArb, { minLength: 1, maxLength: 6 })], RUNS)(
    "explicit transactions within each invoice's presentment money are accepted at its rate",
    (g, fractions) => {
      const before = leftOf(g.order);
      const takes: [string, bigint][] = [];
      before.forEach(({ id, left }, i) => {
        const p = fractionOf(left.presentment, fractions[i % fractions.length] ?? 0n);
        if (p > 0n) takes.push([id, p]);
      });
      fc.pre(takes.length > 0);
      const result = apply(g.order, explicitRefund(g.order, takes));
      expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([]);
      if (result.ok) expectPayoutAtInvoiceRates(before, result.memo, false);
    },
  );

  test.prop([multiCurrency, fractionArb], RUNS)(
    "taking each invoice's presentment money takes its shop money: only stranded shop money stays",
    (g, first) => {
      // A first, suggested refund of part of the money, then explicit takes of all that is left.
      const part = fractionOf(
        leftOf(g.order).reduce((s, i) => s + i.left.presentment, 0n),
        first,
      );
      let order = g.order;
      if (part > 0n) {
        const exponent = exponentOf(order);
        const suggested = apply(order, {
          lineItems: [],
          amount: decimalOf(part, exponent),
          currency: order.presentmentCurrency,
          refundDuties: false,
          full: false,
          notify: false,
        });
        expect(suggested.ok).toBe(true);
        if (!suggested.ok) return;
        expectPayoutAtInvoiceRates(leftOf(order), suggested.memo, true);
        order = suggested.order;
      }
      const before = leftOf(order);
      const takes = before
        .filter((i) => i.left.presentment > 0n)
        .map((i): [string, bigint] => [i.id, i.left.presentment]);
      fc.pre(takes.length > 0);
      const result = apply(order, explicitRefund(order, takes));
      expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([]);
      if (!result.ok) return;
      const after = expectPayoutAtInvoiceRates(before, result.memo, false);
      for (const [i, { left }] of after.entries()) {
        expect(left.presentment).toBe(0n);
        // Shop money stays only where no presentment money was left to take it with.
        const had = before[i]?.left ?? left;
        expect(left.shop).toBe(had.presentment > 0n ? 0n : had.shop);
      }
    },
  );
});

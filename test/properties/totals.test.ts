/**
 * Totals (§3.5, §3.7): every accepted memo adds up — its lines, its totals
 * by the formula for taxes included or not, its transactions (their
 * presentment sides equal to the total, each shop side at its invoice's
 * rate, §3.8 v2; each within its invoice's money left, which is what the
 * memo reports as its maximum).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest } from "../arbitraries/request.js";
import {
  add,
  allShippingLeft,
  invoiceLeft,
  moneyLeftByTransactions,
  sub,
  total,
} from "../arbitraries/state.js";
import { expectPayoutAtInvoiceRates } from "./payoutReference.js";
import { apply, RUNS, SIDES } from "./support.js";

/** Checks a memo against the formulas of §3.5 and §3.7, given the order before it. */
function expectMemoAddsUp(before: Order, memo: CreditMemo): void {
  const included = before.taxesIncluded;
  for (const line of memo.lineItems) {
    const orderLine = before.lineItems.find((l) => l.id === line.lineItemId);
    expect(orderLine).toBeDefined();
    expect(line.price).toEqual(orderLine?.price);
    for (const side of SIDES)
      expect(line.gross[side]).toBe(line.price[side] * BigInt(line.quantity));
    expect(line.discount).toEqual(total(line.discountAllocations.map((d) => d.amount)));
    expect(line.subtotal).toEqual(sub(line.gross, line.discount));
    expect(line.tax).toEqual(total(line.taxLines.map((t) => t.amount)));
    expect(line.discountAllocations).toHaveLength(orderLine?.discountAllocations.length ?? -1);
    expect(line.taxLines).toHaveLength(orderLine?.taxLines.length ?? -1);
    expect(line.duties.map((d) => d.dutyId)).toEqual(orderLine?.duties.map((d) => d.id));
    const duties = total(
      line.duties.map((d) => add(d.amount, total(d.taxLines.map((t) => t.amount)))),
    );
    expect(line.total).toEqual(
      add(included ? line.subtotal : add(line.subtotal, line.tax), duties),
    );
  }
  const lines = memo.lineItems;
  const allDuties = lines.flatMap((l) => l.duties);
  const dutiesTax = total(allDuties.flatMap((d) => d.taxLines.map((t) => t.amount)));
  const lineTax = total(lines.map((l) => l.tax));
  expect(memo.shipping.lines.map((l) => l.shippingLineId)).toEqual(
    before.shippingLines.map((l) => l.id),
  );
  expect(memo.shipping.amount).toEqual(total(memo.shipping.lines.map((l) => l.amount)));
  expect(memo.shipping.tax).toEqual(
    total(memo.shipping.lines.flatMap((l) => l.taxLines.map((t) => t.amount))),
  );
  expect(memo.subtotal).toEqual(total(lines.map((l) => l.subtotal)));
  expect(memo.discount).toEqual(total(lines.map((l) => l.discount)));
  expect(memo.duties).toEqual(total(allDuties.map((d) => d.amount)));
  expect(memo.tax).toEqual(total([lineTax, memo.shipping.tax, dutiesTax]));
  const charged = included
    ? total([memo.subtotal, memo.shipping.amount, memo.duties, dutiesTax])
    : total([
        memo.subtotal,
        lineTax,
        memo.shipping.amount,
        memo.shipping.tax,
        memo.duties,
        dutiesTax,
      ]);
  expect(memo.total).toEqual(sub(add(charged, memo.adjustmentPositive), memo.adjustmentNegative));
  expect(memo.maximumRefundable).toEqual(moneyLeftByTransactions(before));
  expect(memo.shipping.maximumRefundable).toEqual(allShippingLeft(before));
  expect([memo.orderId, memo.currency, memo.presentmentCurrency]).toEqual([
    before.id,
    before.currency,
    before.presentmentCurrency,
  ]);
  // Money out (§3.8 v2): presentment sides add up to the total, each shop side at its invoice's
  // rate, and exchangeDifference is the shop sum less the shop total (v1: both sides added up).
  expectPayoutAtInvoiceRates(
    before.invoices.map((i) => ({ id: i.id, left: invoiceLeft(before, i.id) })),
    memo,
    false,
  );
  for (const t of memo.transactions) {
    const invoice = before.invoices.find((i) => i.id === t.invoiceId);
    expect(invoice).toBeDefined();
    expect(t.online).toBe(invoice?.online);
    expect(t.gateway).toBe(invoice?.gateway ?? null);
    expect(t.maximumRefundable).toEqual(invoiceLeft(before, t.invoiceId));
    const onThisInvoice = total(
      memo.transactions.filter((u) => u.invoiceId === t.invoiceId).map((u) => u.amount),
    );
    for (const side of SIDES) {
      expect(t.amount[side]).toBeGreaterThanOrEqual(0n);
      expect(onThisInvoice[side]).toBeLessThanOrEqual(t.maximumRefundable[side]);
    }
  }
  if (memo.total.presentment === 0n) expect(memo.transactions).toEqual([]);
}

describe("totals", () => {
  test.prop([generatedOrderArb(), fc.array(anyChoiceArb, { minLength: 1, maxLength: 6 })], RUNS)(
    "each memo's total is the sum of its parts and of its transactions, each within its invoice",
    (g, choices) => {
      let order = g.order;
      for (const choice of choices) {
        const request = anyRequest(order, choice);
        const result = apply(order, request);
        if (!result.ok) continue;
        expectMemoAddsUp(order, result.memo);
        expect(result.order.refunds).toEqual([...order.refunds, result.memo]);
        expect([
          result.memo.reason,
          result.memo.note,
          result.memo.notify,
          result.memo.idempotencyKey,
        ]).toEqual([
          request.reason ?? null,
          request.note ?? null,
          request.notify,
          request.idempotencyKey ?? null,
        ]);
        expect(result.memo.id).toBe(
          request.idempotencyKey ?? `${order.id}-${order.refunds.length + 1}`,
        );
        order = result.order;
      }
    },
  );
});

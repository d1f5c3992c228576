/**
 * §5 error data on both sides of a multi-currency order (§1, §3.7): when
 * only the shop side of a total goes negative or past the money left, the
 * error names the shop currency and its amounts; amounts are written with
 * the currency's own digits (JPY 0, KWD 3).
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import { unit } from "../support/apply.js";
import {
  bag,
  dec,
  errorsOf,
  invoice,
  line,
  order,
  request,
  shippingLine,
} from "../support/builders.js";

describe("the side that fails is the one reported", () => {
  it("NEGATIVE_TOTAL on the shop side only: 0.10 − 4.00 USD while 5.00 − 2.00 EUR stays positive", () => {
    // adjustmentNegative 2.00 EUR of money left 10.00 USD / 5.00 EUR: 200·1000/500 = 400 → 4.00 USD.
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("0.10", "5.00"))],
      invoices: [invoice("i", bag("10.00", "5.00"))],
    });
    const errors = errorsOf(
      calculate(
        o,
        request({ lineItems: [unit("a")], adjustmentNegative: dec("2.00"), currency: "EUR" }),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: "NEGATIVE_TOTAL", currency: "USD", total: "-3.90" }),
    ]);
  });

  it("NEGATIVE_TOTAL on the presentment side is reported in the presentment currency", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "KWD",
      lineItems: [line("a", 1, { shop: 1000n, presentment: 100n })],
      invoices: [invoice("i", { shop: 1000n, presentment: 1000n })],
    });
    const errors = errorsOf(
      calculate(
        o,
        request({ lineItems: [unit("a")], adjustmentNegative: dec("0.2"), currency: "KWD" }),
      ),
    );
    // 0.100 − 0.200 KWD = −0.100; the shop side 10.00 − 2.00 USD is positive.
    expect(errors).toEqual([
      expect.objectContaining({ code: "NEGATIVE_TOTAL", currency: "KWD", total: "-0.100" }),
    ]);
  });

  it("OVER_REFUND of money on the shop side only: 20.00 USD of 10.00 left, in USD", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "JPY",
      lineItems: [line("a", 1, { shop: 2000n, presentment: 500n })],
      invoices: [invoice("i", { shop: 1000n, presentment: 500n })],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")] })))).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "money",
        currency: "USD",
        requested: "20.00",
        maximum: "10.00",
      }),
    ]);
    // Through one invoice: the order's money left is the first thing exceeded.
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "i" })))).toEqual([
      expect.objectContaining({ code: "OVER_REFUND", subject: "money", currency: "USD" }),
    ]);
  });

  it("OVER_REFUND of money on the presentment side, in JPY with no fraction digits", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "JPY",
      lineItems: [line("a", 1, { shop: 500n, presentment: 1500n })],
      invoices: [invoice("i", { shop: 1000n, presentment: 1000n })],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")] })))).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "money",
        currency: "JPY",
        requested: "1500",
        maximum: "1000",
      }),
    ]);
  });

  it("OVER_REFUND on one invoice, shop side: 6.00 USD through an invoice with 5.00 left", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("6.00", "3.00"))],
      invoices: [invoice("small", bag("5.00", "5.00")), invoice("big", bag("5.00", "5.00"))],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "small" })))).toEqual(
      [
        expect.objectContaining({
          code: "OVER_REFUND",
          subject: "invoice",
          invoiceId: "small",
          path: "invoiceId",
          currency: "USD",
          requested: "6.00",
          maximum: "5.00",
        }),
      ],
    );
    // Suggested, the same refund is split: 5.00 USD / 3.00 EUR on the first invoice, 1.00 USD / 0.00 EUR on the second.
    const memo = calculate(o, request({ lineItems: [unit("a")] }));
    expect(memo._tag).toBe("Right");
    if (memo._tag === "Right")
      expect(
        memo.right.transactions.map((t) => [t.invoiceId, t.amount.shop, t.amount.presentment]),
      ).toEqual([
        ["small", 500n, 300n],
        ["big", 100n, 0n],
      ]);
  });

  it("explicit transactions over one invoice add up per invoice, with the path of the one that passes it", () => {
    const o = order({
      lineItems: [line("a", 1, "8.00")],
      invoices: [invoice("x", "5.00"), invoice("y", "5.00")],
    });
    const errors = errorsOf(
      calculate(
        o,
        request({
          lineItems: [unit("a")],
          transactions: [
            { invoiceId: "x", amount: dec("3.00") },
            { invoiceId: "y", amount: dec("2.00") },
            { invoiceId: "x", amount: dec("3.00") },
          ],
        }),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "invoice",
        invoiceId: "x",
        path: "transactions[2].amount",
        requested: "6.00",
        maximum: "5.00",
      }),
    ]);
  });

  it("TRANSACTION_MISMATCH states both sums in the presentment currency", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "KWD",
      lineItems: [line("a", 1, { shop: 100n, presentment: 1250n })],
      invoices: [invoice("x", { shop: 100n, presentment: 5000n })],
    });
    const errors = errorsOf(
      calculate(
        o,
        request({
          lineItems: [unit("a")],
          currency: "KWD",
          transactions: [{ invoiceId: "x", amount: dec("1.2") }],
        }),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: "TRANSACTION_MISMATCH",
        path: "transactions",
        currency: "KWD",
        transactionsTotal: "1.200",
        total: "1.250",
      }),
    ]);
  });

  it("shipping OVER_REFUND in KWD: the amount asked and the remainder, with three digits", () => {
    const o = order({
      currency: "KWD",
      presentmentCurrency: "KWD",
      shippingLines: [shippingLine("s", { shop: 1500n, presentment: 1500n })],
      invoices: [invoice("i", { shop: 1500n, presentment: 1500n })],
    });
    expect(
      errorsOf(calculate(o, request({ shipping: { fullRefund: false, amount: dec("1.501") } }))),
    ).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "shipping",
        path: "shipping.amount",
        currency: "KWD",
        requested: "1.501",
        maximum: "1.500",
      }),
    ]);
  });

  it("AMOUNT_MISMATCH in JPY", () => {
    const o = order({
      currency: "JPY",
      presentmentCurrency: "JPY",
      lineItems: [line("a", 1, { shop: 1000n, presentment: 1000n })],
      invoices: [invoice("i", { shop: 1000n, presentment: 1000n })],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], amount: dec("999") })))).toEqual(
      [
        expect.objectContaining({
          code: "AMOUNT_MISMATCH",
          path: "amount",
          currency: "JPY",
          expected: "1000",
          actual: "999",
        }),
      ],
    );
  });
});

/**
 * §5 error data on both sides of a multi-currency order (§1, §3.7): when
 * only the shop side of a total goes negative, the error names the shop
 * currency and its amounts; amounts are written with the currency's own
 * digits (JPY 0, KWD 3). Money limits (v2, §3.8) are presentment money: the
 * shop side of a payout is converted at each invoice's rate and never
 * exceeds it, and the gap to the memo's shop total is `exchangeDifference`.
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

  it("v2: a shop total above the shop money left is no OVER_REFUND; the payout's shop side is the invoice's, the gap exchangeDifference", () => {
    // v1 rejected this with OVER_REFUND money in USD (20.00 of 10.00). §3.8 v2: the transaction is
    // presentment money, 500 JPY of the invoice's 500 JPY left, so it takes all of the invoice's
    // 10.00 USD; the lines were booked at 20.00 USD: exchangeDifference 10.00 − 20.00 = −10.00 USD.
    const o = order({
      currency: "USD",
      presentmentCurrency: "JPY",
      lineItems: [line("a", 1, { shop: 2000n, presentment: 500n })],
      invoices: [invoice("i", { shop: 1000n, presentment: 500n })],
    });
    for (const ask of [
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("a")], invoiceId: "i" }),
    ]) {
      const memo = calculate(o, ask);
      expect(memo._tag).toBe("Right");
      if (memo._tag === "Right") {
        expect(
          memo.right.transactions.map((t) => [t.invoiceId, t.amount.shop, t.amount.presentment]),
        ).toEqual([["i", 1000n, 500n]]);
        expect(memo.right.exchangeDifference).toBe(-1000n);
      }
    }
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

  it("OVER_REFUND on one invoice is about its presentment money: 6.00 EUR through an invoice with 5.00 EUR left", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("3.00", "6.00"))],
      invoices: [invoice("small", bag("5.00", "5.00")), invoice("big", bag("5.00", "5.00"))],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "small" })))).toEqual(
      [
        expect.objectContaining({
          code: "OVER_REFUND",
          subject: "invoice",
          invoiceId: "small",
          path: "invoiceId",
          currency: "EUR",
          requested: "6.00",
          maximum: "5.00",
        }),
      ],
    );
    // Suggested, the same refund is split on the presentment side: 5.00 EUR from the first invoice
    // (all of it, so all of its 5.00 USD), 1.00 EUR from the second at its rate 5.00/5.00 → 1.00 USD.
    // The transactions' shop sum 6.00 USD less the memo's 3.00 USD is exchangeDifference 3.00 USD.
    const memo = calculate(o, request({ lineItems: [unit("a")] }));
    expect(memo._tag).toBe("Right");
    if (memo._tag === "Right") {
      expect(
        memo.right.transactions.map((t) => [t.invoiceId, t.amount.shop, t.amount.presentment]),
      ).toEqual([
        ["small", 500n, 500n],
        ["big", 100n, 100n],
      ]);
      expect(memo.right.exchangeDifference).toBe(300n);
    }
  });

  it("v2: the shop side never fails an invoice: 6.00 USD / 3.00 EUR through an invoice with 5.00 / 5.00 left", () => {
    // v1 rejected this with OVER_REFUND invoice in USD (6.00 of 5.00). v2: 3.00 EUR of the invoice's
    // 5.00 EUR at its rate 5.00 USD / 5.00 EUR is 3.00 USD; exchangeDifference 3.00 − 6.00 = −3.00 USD.
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("6.00", "3.00"))],
      invoices: [invoice("small", bag("5.00", "5.00")), invoice("big", bag("5.00", "5.00"))],
    });
    const memo = calculate(o, request({ lineItems: [unit("a")], invoiceId: "small" }));
    expect(memo._tag).toBe("Right");
    if (memo._tag === "Right") {
      expect(
        memo.right.transactions.map((t) => [t.invoiceId, t.amount.shop, t.amount.presentment]),
      ).toEqual([["small", 300n, 300n]]);
      expect(memo.right.exchangeDifference).toBe(-300n);
    }
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

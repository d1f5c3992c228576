/**
 * §3.8 (v2): transactions on multi-currency orders. A transaction is
 * presentment money `p` taken from one invoice; its shop side is
 * `round(p · S / P)` at that invoice's own rate (all of `S` when it takes
 * all of `P`), and the memo reports the gap between the transactions' shop
 * sum and its shop total as `exchangeDifference`. Every number below is
 * worked by hand in the comment above its assertion.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { readRefundHistory } from "../../src/order/refundHistory.js";
import {
  shopSideAtInvoiceRate,
  suggestTransactions,
  transactionOn,
} from "../../src/refund/transactions.js";
import { unit } from "../support/apply.js";
import {
  bag,
  dec,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  show,
} from "../support/builders.js";

const payouts = (memo: CreditMemo, shop = "USD", presentment = "EUR") =>
  memo.transactions.map((t) => `${t.invoiceId} ${show(t.amount, shop, presentment)}`);

describe("shopSideAtInvoiceRate: round(p · S / P) at the invoice's own rate", () => {
  const away = "halfAwayFromZero" as const;
  it("converts at S / P and takes all of S with all of P", () => {
    // 3.04 EUR of 9.12 EUR / 10.00 USD: round(304 · 1000 / 912) = round(333.33) = 333.
    expect(shopSideAtInvoiceRate(304n, { shop: 1000n, presentment: 912n }, away)).toBe(333n);
    // 6.08 EUR: round(608 · 1000 / 912) = round(666.67) = 667.
    expect(shopSideAtInvoiceRate(608n, { shop: 1000n, presentment: 912n }, away)).toBe(667n);
    // all 9.12 EUR: all 10.00 USD, whatever the rounding would say.
    expect(shopSideAtInvoiceRate(912n, { shop: 1000n, presentment: 912n }, away)).toBe(1000n);
  });
  it("rounds with the policy's rounding: 3.31 USD of 10.00 USD / 1500 JPY is 496.5 JPY", () => {
    // 331 · 1500 / 1000 = 496.5: half away from zero 497, half to even 496.
    const left = { shop: 1500n, presentment: 1000n };
    expect(shopSideAtInvoiceRate(331n, left, away)).toBe(497n);
    expect(shopSideAtInvoiceRate(331n, left, "halfEven")).toBe(496n);
  });
  it("never pays presentment money without shop money: 0.001 KWD at 3.25 USD / 1.000 KWD is 0.01 USD", () => {
    // round(1 · 325 / 1000) = round(0.325) = 0, raised to the one minor unit the invoice can spare.
    expect(shopSideAtInvoiceRate(1n, { shop: 325n, presentment: 1000n }, away)).toBe(1n);
  });
  it("keeps shop money for the presentment money left: 0.999 KWD of 1.000 KWD / 0.10 USD is 0.09 USD", () => {
    // round(999 · 10 / 1000) = round(9.99) = 10 = all of S while 0.001 KWD stays: lowered to 9.
    expect(shopSideAtInvoiceRate(999n, { shop: 10n, presentment: 1000n }, away)).toBe(9n);
  });
  it("zero presentment, or no shop money left, is zero", () => {
    expect(shopSideAtInvoiceRate(0n, { shop: 100n, presentment: 100n }, away)).toBe(0n);
    // Not raised to one unit: nothing is paid out (1.50 USD / 1.00 EUR left).
    expect(shopSideAtInvoiceRate(0n, { shop: 150n, presentment: 100n }, away)).toBe(0n);
    expect(shopSideAtInvoiceRate(50n, { shop: 0n, presentment: 100n }, away)).toBe(0n);
    // A history written elsewhere took more shop money than the invoice had: nothing, not −0.05.
    expect(shopSideAtInvoiceRate(50n, { shop: -5n, presentment: 100n }, away)).toBe(0n);
  });
  it("one shop unit left is not split: round(p · 1 / P), 0 or 1", () => {
    // 0.10 of 1.00 EUR with 0.01 USD left: round(0.1) = 0; 0.60: round(0.6) = 1.
    expect(shopSideAtInvoiceRate(10n, { shop: 1n, presentment: 100n }, away)).toBe(0n);
    expect(shopSideAtInvoiceRate(60n, { shop: 1n, presentment: 100n }, away)).toBe(1n);
  });
  it("two shop units left keep the bounds [1, 1]", () => {
    // 0.01 of 1.00 EUR with 0.02 USD left: round(0.02) = 0, raised to 1;
    // 0.99: round(1.98) = 2 = all of S while 0.01 EUR stays, lowered to 1.
    expect(shopSideAtInvoiceRate(1n, { shop: 2n, presentment: 100n }, away)).toBe(1n);
    expect(shopSideAtInvoiceRate(99n, { shop: 2n, presentment: 100n }, away)).toBe(1n);
  });
});

describe("transactionOn and suggestTransactions, as the platform adapters call them", () => {
  const o = order({
    currency: "USD",
    presentmentCurrency: "JPY",
    invoices: [invoice("j", { shop: 1000n, presentment: 1500n })],
  });
  const empty = readRefundHistory([]);
  it("transactionOn records the invoice's money left before it", () => {
    expect(transactionOn(o.invoices[0]!, { shop: 10n, presentment: 15n }, empty)).toEqual({
      invoiceId: "j",
      gateway: "bogus",
      online: true,
      amount: { shop: 10n, presentment: 15n },
      maximumRefundable: { shop: 1000n, presentment: 1500n },
    });
  });
  it("suggestTransactions rounds half away from zero by default", () => {
    // 1 JPY of an invoice with 0.05 USD / 2 JPY left: 1 · 5 / 2 = 2.5 → 0.03 USD half away from
    // zero (the default), 0.02 USD half to even (the bankers policy's rounding).
    const half = order({
      currency: "USD",
      presentmentCurrency: "JPY",
      invoices: [invoice("h", { shop: 5n, presentment: 2n })],
    });
    const total = { shop: 2n, presentment: 1n };
    const [away] = suggestTransactions(total, { order: half, history: empty });
    expect(away?.amount).toEqual({ shop: 3n, presentment: 1n });
    const [even] = suggestTransactions(total, {
      order: half,
      history: empty,
      rounding: "halfEven",
    });
    expect(even?.amount).toEqual({ shop: 2n, presentment: 1n });
  });
});

describe("suggested transactions at each invoice's rate", () => {
  // Found by fuzzing (issue 11): greedy on each side, 9.00 EUR took 9.00 EUR / 8.99 USD from x
  // and a transaction of 0.00 EUR / 0.01 USD from y, whose gateway cannot refund 0.00 EUR.
  const twoRates = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("20.00", "20.00"))],
    invoices: [invoice("x", bag("8.99", "9.00")), invoice("y", bag("11.01", "11.00"))],
  });
  it("9.00 EUR takes all of x's presentment money, so all of its 8.99 USD; y pays nothing", () => {
    // shop side of the amount: round(900 · 2000 / 2000) = 9.00 USD (the order's money left, §3.8).
    const memo = memoOf(calculate(twoRates, request({ amount: dec("9.00"), currency: "EUR" })));
    expect(show(memo.total, "USD", "EUR")).toBe("9.00/9.00");
    expect(payouts(memo)).toEqual(["x 8.99/9.00"]);
    // exchangeDifference = 8.99 − 9.00 = −0.01 USD.
    expect(memo.exchangeDifference).toBe(-1n);
  });
  it("10.00 EUR: 9.00 EUR / 8.99 USD from x, 1.00 EUR from y at 11.01 / 11.00 → 1.00 USD", () => {
    // y: round(100 · 1101 / 1100) = round(100.09) = 100. Shop sum 8.99 + 1.00 = 9.99;
    // the memo's shop total round(1000 · 2000 / 2000) = 10.00: exchangeDifference −0.01.
    const memo = memoOf(calculate(twoRates, request({ amount: dec("10.00"), currency: "EUR" })));
    expect(payouts(memo)).toEqual(["x 8.99/9.00", "y 1.00/1.00"]);
    expect(memo.exchangeDifference).toBe(-1n);
  });
  it("an invoice with no presentment money left is skipped even when it holds shop money", () => {
    // A history written elsewhere took all 5.00 EUR of x but only 4.00 of its 5.00 USD.
    const base = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 2, bag("5.00", "5.00"))],
      invoices: [invoice("x", bag("5.00", "5.00")), invoice("y", bag("5.00", "5.00"))],
    });
    const first = memoOf(
      calculate(base, request({ lineItems: [unit("a")], invoiceId: "x", currency: "EUR" })),
    );
    const stranded: Order = {
      ...base,
      refunds: [
        {
          ...first,
          transactions: first.transactions.map((t) => ({ ...t, amount: bag("4.00", "5.00") })),
          exchangeDifference: -100n,
        },
      ],
    };
    // Money left: x 1.00 USD / 0.00 EUR, y 5.00 / 5.00; the full refund's total is 6.00 / 5.00 (§3.6).
    expect(show(moneyLeft(stranded), "USD", "EUR")).toBe("6.00/5.00");
    const full = memoOf(calculate(stranded, request({ full: true })));
    expect(show(full.total, "USD", "EUR")).toBe("6.00/5.00");
    // y pays its 5.00 EUR and so all its 5.00 USD; x's stranded 1.00 USD is not paid out:
    // exchangeDifference = 5.00 − 6.00 = −1.00 USD.
    expect(payouts(full)).toEqual(["y 5.00/5.00"]);
    expect(full.exchangeDifference).toBe(-100n);
  });
});

describe("explicit transactions at each invoice's rate", () => {
  // Found by fuzzing (issue 11): v1 split the memo's 13.35 USD 1:1 over 5.00 + 5.00 EUR
  // (6.675 each; floors 6.67 + 6.67, the unit left to the earlier tie: 6.68 + 6.67) and refused it:
  // "At most 6.67 USD can be refunded on payment I1, not 6.68 USD".
  const o = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("13.35", "10.00"))],
    invoices: [invoice("I1", bag("6.67", "5.00")), invoice("I2", bag("6.68", "5.00"))],
  });
  /** The tee paid out by explicit transactions `[invoiceId, EUR amount]`. */
  const paidBy = (...transactions: [string, string][]) =>
    calculate(
      o,
      request({
        lineItems: [unit("a")],
        currency: "EUR",
        transactions: transactions.map(([invoiceId, amount]) => ({
          invoiceId,
          amount: dec(amount),
        })),
      }),
    );
  it("each taking all of its invoice's presentment money takes all of its shop money", () => {
    const memo = memoOf(paidBy(["I1", "5.00"], ["I2", "5.00"]));
    expect(payouts(memo)).toEqual(["I1 6.67/5.00", "I2 6.68/5.00"]);
    // 6.67 + 6.68 − 13.35 = 0.
    expect(memo.exchangeDifference).toBe(0n);
  });
  it("two transactions on one invoice convert from what the first left", () => {
    // I1 6.67 USD / 5.00 EUR: 2.00 EUR → round(200 · 667 / 500) = round(266.8) = 267;
    // left 4.00 USD / 3.00 EUR: 3.00 EUR takes it all → 4.00 USD. Together all of I1: 6.67 USD.
    const memo = memoOf(paidBy(["I1", "2.00"], ["I2", "5.00"], ["I1", "3.00"]));
    expect(payouts(memo)).toEqual(["I1 2.67/2.00", "I2 6.68/5.00", "I1 4.00/3.00"]);
    expect(memo.exchangeDifference).toBe(0n);
  });
  it("more than an invoice's presentment money is OVER_REFUND in the presentment currency", () => {
    expect(errorsOf(paidBy(["I1", "5.01"], ["I2", "4.99"]))).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "invoice",
        invoiceId: "I1",
        currency: "EUR",
        requested: "5.01",
        maximum: "5.00",
      }),
    ]);
  });
});

describe("currencies of different exponents", () => {
  it("JPY shop, KWD presentment: 0.500 KWD of 1.000 KWD / 330 JPY is 165 JPY", () => {
    const o = order({
      currency: "JPY",
      presentmentCurrency: "KWD",
      lineItems: [line("a", 2, bag("160", "0.500", "JPY", "KWD"))],
      invoices: [invoice("k", bag("330", "1.000", "JPY", "KWD"))],
    });
    // round(500 · 330 / 1000) = 165; the memo's shop total is the line's 160 JPY: difference +5.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("a")] })));
    expect(payouts(memo, "JPY", "KWD")).toEqual(["k 165/0.500"]);
    expect(memo.exchangeDifference).toBe(5n);
  });
  it("a full refund after it leaves both sides of every invoice at zero, exchangeDifference 0", () => {
    const o = order({
      currency: "JPY",
      presentmentCurrency: "KWD",
      lineItems: [line("a", 2, bag("160", "0.500", "JPY", "KWD"))],
      invoices: [
        invoice("k1", bag("330", "0.700", "JPY", "KWD")),
        invoice("k2", bag("100", "0.300", "JPY", "KWD")),
      ],
    });
    const first = applyRefund(o, request({ lineItems: [unit("a")] }));
    if (first._tag === "Left") throw new Error(JSON.stringify(first.left));
    // 0.500 KWD of k1's 0.700 KWD / 330 JPY: round(500 · 330 / 700) = round(235.71) = 236.
    expect(payouts(first.right.creditMemo, "JPY", "KWD")).toEqual(["k1 236/0.500"]);
    // Left: k1 94 JPY / 0.200 KWD, k2 100 / 0.300: 194 JPY / 0.500 KWD.
    const full = applyRefund(first.right.order, request({ full: true }));
    if (full._tag === "Left") throw new Error(JSON.stringify(full.left));
    expect(payouts(full.right.creditMemo, "JPY", "KWD")).toEqual(["k1 94/0.200", "k2 100/0.300"]);
    expect(full.right.creditMemo.exchangeDifference).toBe(0n);
    expect(moneyLeft(full.right.order)).toEqual({ shop: 0n, presentment: 0n });
  });
});

describe("money limits are presentment money", () => {
  it("a total above the presentment money left is OVER_REFUND money in the presentment currency", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("1.00", "12.00"))],
      invoices: [invoice("i", bag("20.00", "10.00"))],
    });
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")] })))).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "money",
        currency: "EUR",
        requested: "12.00",
        maximum: "10.00",
      }),
    ]);
  });
});

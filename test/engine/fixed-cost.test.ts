/**
 * The cases the shortcuts of a small `calculate` take (issue 15, the fixed
 * cost of a call), worked by hand: an order with no refunds, one shipping
 * line refunded in full, no shipping asked, one invoice paying out, no
 * free amounts — and next to each, the case that must not take it (a
 * history, two shipping lines, another currency, explicit transactions).
 * The numbers are in the comments above the assertions.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate, creditMemoId } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import { applied, orderAfter, unit, unitRequest } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  shippingLine,
  show,
  tax,
} from "../support/builders.js";

const shipping = (memo: CreditMemo) => ({
  amount: show(memo.shipping.amount),
  tax: show(memo.shipping.tax),
  maximumRefundable: show(memo.shipping.maximumRefundable),
  lines: memo.shipping.lines.map(
    (l) => `${l.shippingLineId} ${show(l.amount)} [${l.taxLines.map((t) => show(t.amount))}]`,
  ),
});

const payouts = (memo: CreditMemo) =>
  memo.transactions.map(
    (t) => `${t.invoiceId} ${show(t.amount)} of ${show(t.maximumRefundable)} ${t.online}`,
  );

describe("the Shopify fixture: 3 lines, one shipping line, one invoice, no refunds", () => {
  const shopify = order({
    id: "450789469",
    lineItems: [
      ["466157049", "3.34"],
      ["518995019", "3.33"],
      ["703073504", "3.33"],
    ].map(([id, off]) =>
      line(String(id), 1, "199.00", {
        discountAllocations: [discount(String(off), "TENOFF")],
        taxLines: [tax("3.98", "State Tax", "0.06")],
      }),
    ),
    shippingLines: [shippingLine("369256396", "5.00")],
    invoices: [invoice("801038806", "250.94")],
  });

  it("one line with full shipping: 195.67 + 3.98 + 5.00 = 204.65 out of the one invoice", () => {
    const memo = memoOf(
      calculate(
        shopify,
        request({ lineItems: [unit("518995019")], shipping: { fullRefund: true } }),
      ),
    );
    // 199.00 − 3.33 = 195.67, its whole tax 3.98; the shipping line's 5.00, untaxed.
    expect(show(memo.subtotal)).toBe("195.67");
    expect(show(memo.tax)).toBe("3.98");
    expect(shipping(memo)).toEqual({
      amount: "5.00",
      tax: "0.00",
      maximumRefundable: "5.00",
      lines: ["369256396 5.00 []"],
    });
    expect(show(memo.total)).toBe("204.65");
    // Nothing refunded yet: all 250.94 is left, on the order and on its invoice.
    expect(show(memo.maximumRefundable)).toBe("250.94");
    expect(payouts(memo)).toEqual(["801038806 204.65 of 250.94 true"]);
    expect(memo.exchangeDifference).toBe(0n);
    // The first memo of the order, no key: "<order id>-1".
    expect(memo.id).toBe("450789469-1");
    expect(memo.idempotencyKey).toBeNull();
    expect(show(memo.adjustmentPositive)).toBe("0.00");
    expect(show(memo.adjustmentNegative)).toBe("0.00");
  });

  it("the same refund without shipping lists the shipping line at zero", () => {
    const memo = memoOf(calculate(shopify, request({ lineItems: [unit("518995019")] })));
    expect(shipping(memo)).toEqual({
      amount: "0.00",
      tax: "0.00",
      maximumRefundable: "5.00",
      lines: ["369256396 0.00 []"],
    });
    // 195.67 + 3.98.
    expect(show(memo.total)).toBe("199.65");
  });

  it("the zero bag and empty lists a memo shares cannot be changed, so no later memo is", () => {
    const ask = request({ lineItems: [unit("518995019")], shipping: { fullRefund: true } });
    const memo = memoOf(calculate(shopify, ask));
    // The shipping line is untaxed: its tax is the shared zero bag, its tax lines the shared empty list.
    const zero = memo.shipping.tax as { shop: bigint };
    const noTaxes = memo.shipping.lines[0]?.taxLines as unknown[];
    expect(() => {
      zero.shop = 500n;
    }).toThrow(TypeError);
    expect(() => noTaxes.push({})).toThrow(TypeError);
    // The next memo is the one before: 0.00 of tax on shipping, 204.65 in all.
    const next = memoOf(calculate(shopify, ask));
    expect(shipping(next).tax).toBe("0.00");
    expect(shipping(next).lines).toEqual(["369256396 5.00 []"]);
    expect(show(next.total)).toBe("204.65");
  });

  it("a currency other than the order's is reported even when the request states no amount", () => {
    expect(
      errorsOf(calculate(shopify, request({ lineItems: [unit("518995019")], currency: "EUR" }))),
    ).toEqual([
      expect.objectContaining({
        code: "CURRENCY_MISMATCH",
        path: "currency",
        expected: "USD",
        actual: "EUR",
      }),
    ]);
    // The order's own currency, stated without amounts, is fine.
    expect(
      show(
        memoOf(calculate(shopify, request({ lineItems: [unit("518995019")], currency: "USD" })))
          .total,
      ),
    ).toBe("199.65");
  });
});

describe("two taxed shipping lines with a history", () => {
  // a 10.00; s1 10.00 taxed 1.00, s2 5.00 taxed 0.50; collected 10 + 11 + 5.50 = 26.50.
  const start = order({
    id: "o",
    lineItems: [line("a", 1, "10.00")],
    shippingLines: [
      shippingLine("s1", "10.00", { taxLines: [tax("1.00")] }),
      shippingLine("s2", "5.00", { taxLines: [tax("0.50")] }),
    ],
    invoices: [invoice("i", "26.50")],
  });
  // 4.00 of shipping split over the remainders 10.00 and 5.00 by largest
  // remainder: 266.67 and 133.33 cents, 266 + 133 = 399, the cent left to
  // the larger fraction: 2.67 and 1.33. Taxes: round(1.00 · 2.67 / 10.00) =
  // round(0.267) = 0.27 and round(0.50 · 1.33 / 5.00) = round(0.133) = 0.13.
  const first = memoOf(
    calculate(start, request({ shipping: { fullRefund: false, amount: dec("4.00") } })),
  );
  const after = orderAfter(
    start,
    request({ shipping: { fullRefund: false, amount: dec("4.00") } }),
  );

  it("an amount is split over the lines (the path the shortcut leaves alone)", () => {
    expect(shipping(first)).toEqual({
      amount: "4.00",
      tax: "0.40",
      maximumRefundable: "15.00",
      lines: ["s1 2.67 [0.27]", "s2 1.33 [0.13]"],
    });
    expect(show(first.total)).toBe("4.40");
  });

  it("full shipping then refunds each line's remainder and the rest of its taxes", () => {
    const memo = memoOf(calculate(after, request({ shipping: { fullRefund: true } })));
    // Remainders 10.00 − 2.67 = 7.33 and 5.00 − 1.33 = 3.67, 11.00 in all.
    // Taxes, cumulative: round(1.00 · 10.00 / 10.00) − 0.27 = 0.73 and
    // 0.50 − 0.13 = 0.37, 1.10 in all.
    expect(shipping(memo)).toEqual({
      amount: "11.00",
      tax: "1.10",
      maximumRefundable: "11.00",
      lines: ["s1 7.33 [0.73]", "s2 3.67 [0.37]"],
    });
    // 12.10 out of the 26.50 − 4.40 = 22.10 the invoice has left.
    expect(show(memo.total)).toBe("12.10");
    expect(payouts(memo)).toEqual(["i 12.10 of 22.10 true"]);
    // The order's second memo.
    expect(memo.id).toBe("o-2");
  });

  it("no shipping asked lists both lines at zero, their taxes at zero, 11.00 still refundable", () => {
    const memo = memoOf(calculate(after, request({ lineItems: [unit("a")] })));
    expect(shipping(memo)).toEqual({
      amount: "0.00",
      tax: "0.00",
      maximumRefundable: "11.00",
      lines: ["s1 0.00 [0.00]", "s2 0.00 [0.00]"],
    });
    expect(show(memo.total)).toBe("10.00");
  });

  it("memo ids count on past the ninth: t-1 … t-9, t-10, t-11, t-12", () => {
    // One unit at a time of a line of twelve: twelve memos, numbered from 1 in the order made.
    let current = order({
      id: "t",
      lineItems: [line("a", 12, "1.00")],
      invoices: [invoice("i", "12.00")],
    });
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const next = applied(current, unitRequest("a"));
      ids.push(next.memo.id);
      expect(creditMemoId(current, unitRequest("a"))).toBe(next.memo.id);
      current = next.order;
    }
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `t-${i + 1}`));
  });

  it("a memo id taken by an earlier memo's key moves the next id on", () => {
    // The first memo took the key "o-2", the id the second memo would get.
    const keyed = orderAfter(start, request({ lineItems: [unit("a")], idempotencyKey: "o-2" }));
    expect(creditMemoId(keyed, request())).toBe("o-3");
    expect(memoOf(calculate(keyed, request({ shipping: { fullRefund: true } }))).id).toBe("o-3");
    // No memo yet: "<order id>-1" with nothing to look up.
    expect(creditMemoId(start, request())).toBe("o-1");
  });
});

describe("the payout's errors, in their order", () => {
  // a 20.00, only 10.00 collected (on one invoice).
  const partlyPaid = order({
    id: "p",
    lineItems: [line("a", 1, "20.00")],
    invoices: [invoice("i", "10.00")],
  });

  it("explicit transactions that do not add up, beyond the money left: mismatch, then over-refund", () => {
    const errors = errorsOf(
      calculate(
        partlyPaid,
        request({
          lineItems: [unit("a")],
          transactions: [{ invoiceId: "i", amount: dec("5.00") }],
        }),
      ),
    );
    // 5.00 stated against a total of 20.00; 20.00 asked of the 10.00 left.
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["TRANSACTION_MISMATCH", expect.stringContaining("5.00")],
      ["OVER_REFUND", expect.stringContaining("10.00")],
    ]);
  });

  it("suggested: the over-refund alone, or NOT_PAID when nothing was collected", () => {
    expect(
      errorsOf(calculate(partlyPaid, request({ lineItems: [unit("a")] }))).map((e) => e.code),
    ).toEqual(["OVER_REFUND"]);
    const unpaid = { ...partlyPaid, invoices: [] };
    expect(
      errorsOf(calculate(unpaid, request({ lineItems: [unit("a")] }))).map((e) => e.code),
    ).toEqual(["NOT_PAID"]);
  });

  it("invoiceId on an invoice with less left than the total: the invoice's over-refund", () => {
    // 10.00 collected on two invoices, 6.00 and 4.00; a 5.00 line asked of the second.
    const two = order({
      id: "q",
      lineItems: [line("a", 1, "5.00"), line("b", 1, "5.00")],
      invoices: [invoice("i1", "6.00"), invoice("i2", "4.00")],
    });
    const errors = errorsOf(calculate(two, request({ lineItems: [unit("a")], invoiceId: "i2" })));
    expect(errors).toEqual([
      expect.objectContaining({ code: "OVER_REFUND", subject: "invoice", path: "invoiceId" }),
    ]);
    // Suggested instead: 5.00 out of the first invoice, which has 6.00.
    expect(payouts(memoOf(calculate(two, request({ lineItems: [unit("a")] }))))).toEqual([
      "i1 5.00 of 6.00 true",
    ]);
  });

  it("a result that applyRefund records is the memo calculate gives", () => {
    const r = request({ lineItems: [unit("a")], shipping: { fullRefund: true } });
    const shop = order({
      id: "z",
      lineItems: [line("a", 2, "10.00")],
      shippingLines: [shippingLine("s", "3.00", { taxLines: [tax("0.30")] })],
      invoices: [invoice("i", "23.30")],
    });
    const applied = applyRefund(shop, r);
    if (applied._tag === "Left") throw new Error("rejected");
    expect(applied.right.creditMemo).toEqual(memoOf(calculate(shop, r)));
    // 10.00 + 3.00 + 0.30.
    expect(show(applied.right.creditMemo.total)).toBe("13.30");
  });
});

describe("the payout answered without payOut's checks, and next to it the cases payOut answers", () => {
  // Two lines of 11.00 USD / 10.00 EUR; the invoice collected 20.00 EUR,
  // settled as 21.00 USD: its rate (21/20) is not the lines' (11/10).
  const euro = order({
    id: "e",
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("11.00", "10.00")), line("b", 1, bag("11.00", "10.00"))],
    invoices: [invoice("i", bag("21.00", "20.00"))],
  });
  const transactionsOf = (memo: CreditMemo) =>
    memo.transactions.map(
      (t) =>
        `${t.invoiceId} ${show(t.amount, "USD", "EUR")} of ${show(t.maximumRefundable, "USD", "EUR")}`,
    );

  it("one invoice, two currencies: the shop side at the invoice's rate, the gap as exchangeDifference", () => {
    const memo = memoOf(calculate(euro, request({ lineItems: [unit("a")] })));
    expect(show(memo.total, "USD", "EUR")).toBe("11.00/10.00");
    // 10.00 EUR of the 20.00 left: round(10.00 · 21.00 / 20.00) = 10.50 USD.
    expect(transactionsOf(memo)).toEqual(["i 10.50/10.00 of 21.00/20.00"]);
    // 10.50 paid against a shop total of 11.00: −0.50.
    expect(memo.exchangeDifference).toBe(-50n);
  });

  it("the rest of the invoice's presentment money takes the rest of its shop money", () => {
    const after = orderAfter(euro, request({ lineItems: [unit("a")] }));
    const memo = memoOf(calculate(after, request({ lineItems: [unit("b")] })));
    // 10.00 EUR is all of the 20.00 − 10.00 left: all of the 21.00 − 10.50 = 10.50 USD.
    expect(transactionsOf(memo)).toEqual(["i 10.50/10.00 of 10.50/10.00"]);
    expect(memo.exchangeDifference).toBe(-50n);
    expect(memo.id).toBe("e-2");
  });

  it("two invoices: the first up to what it has left, the rest out of the second", () => {
    const two = order({
      id: "t",
      lineItems: [line("a", 1, "6.00"), line("b", 1, "5.00")],
      invoices: [invoice("i1", "4.00"), invoice("i2", "10.00", false)],
    });
    const memo = memoOf(calculate(two, request({ lineItems: [unit("a"), unit("b")] })));
    // 6.00 + 5.00 = 11.00: 4.00 (all of i1), then 7.00 of i2's 10.00; 14.00 left on the order.
    expect(show(memo.total)).toBe("11.00");
    expect(payouts(memo)).toEqual(["i1 4.00 of 4.00 true", "i2 7.00 of 10.00 false"]);
    expect(show(memo.maximumRefundable)).toBe("14.00");
    expect(memo.exchangeDifference).toBe(0n);
  });

  it("a used key and a stated amount that is not the total: DUPLICATE_REFUND, then AMOUNT_MISMATCH", () => {
    const keyed = orderAfter(euro, request({ lineItems: [unit("a")], idempotencyKey: "k" }));
    const errors = errorsOf(
      calculate(
        keyed,
        request({
          lineItems: [unit("b")],
          amount: dec("9.99"),
          currency: "EUR",
          idempotencyKey: "k",
        }),
      ),
    );
    // The total is 10.00 EUR, which the one invoice holds: only these two errors.
    expect(errors.map((e) => e.code)).toEqual(["DUPLICATE_REFUND", "AMOUNT_MISMATCH"]);
  });
});

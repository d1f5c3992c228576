/**
 * §3.4–§3.8 and §5, the request checks one by one, with their paths, data
 * and messages (messages pinned by snapshot: a support agent reads them).
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { RefundError } from "../../src/errors.js";
import { allocateByLargestRemainder } from "../../src/money/largestRemainder.js";
import { orderAfter, unit } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  duty,
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

const brief = (errors: readonly RefundError[]) =>
  errors.map((e) => ({
    code: e.code,
    ...("path" in e ? { path: e.path } : {}),
    message: e.message,
  }));

const multi = order({
  currency: "USD",
  presentmentCurrency: "EUR",
  lineItems: [line("a", 2, bag("10.00", "9.00"))],
  shippingLines: [shippingLine("s", bag("5.00", "4.00"))],
  invoices: [invoice("i", bag("25.00", "22.00"))],
});

describe("§3.8 free amounts: which field lacks a currency, and where a bad amount is", () => {
  it.each([
    ["shipping.amount", request({ shipping: { fullRefund: false, amount: dec("1.00") } })],
    ["adjustmentPositive", request({ lineItems: [unit("a")], adjustmentPositive: dec("1.00") })],
    ["adjustmentNegative", request({ lineItems: [unit("a")], adjustmentNegative: dec("1.00") })],
    ["amount", request({ amount: dec("1.00") })],
    [
      "transactions.amount",
      request({ lineItems: [unit("a")], transactions: [{ invoiceId: "i", amount: dec("9.00") }] }),
    ],
  ])("MISSING_CURRENCY names %s", (field, r) => {
    expect(errorsOf(calculate(multi, r))).toEqual([
      expect.objectContaining({ code: "MISSING_CURRENCY", path: "currency", field }),
    ]);
  });

  it("CURRENCY_MISMATCH is at currency, expecting the presentment currency", () => {
    expect(errorsOf(calculate(multi, request({ amount: dec("1.00"), currency: "USD" })))).toEqual([
      expect.objectContaining({
        code: "CURRENCY_MISMATCH",
        path: "currency",
        expected: "EUR",
        actual: "USD",
      }),
    ]);
  });

  it("too many fraction digits and negative amounts are INVALID_INPUT at each amount's path", () => {
    const tooFine = { coefficient: 1n, scale: 3 };
    const negative = { coefficient: -100n, scale: 2 };
    const bad = (a: typeof tooFine) =>
      request({
        currency: "EUR",
        shipping: { fullRefund: false, amount: a },
        adjustmentPositive: a,
        adjustmentNegative: a,
        amount: a,
        transactions: [
          { invoiceId: "i", amount: dec("1.00") },
          { invoiceId: "i", amount: a },
        ],
      });
    const paths = [
      "shipping.amount",
      "adjustmentPositive",
      "adjustmentNegative",
      "amount",
      "transactions[1].amount",
    ];
    const fine = errorsOf(calculate(multi, bad(tooFine)));
    expect(
      fine.filter((e) => e.code === "INVALID_INPUT").map((e) => ("path" in e ? e.path : "")),
    ).toEqual(expect.arrayContaining(paths));
    const neg = errorsOf(calculate(multi, bad(negative)));
    expect(
      neg.filter((e) => e.code === "INVALID_INPUT").map((e) => ("path" in e ? e.path : "")),
    ).toEqual(expect.arrayContaining(paths));
    expect(brief(fine)).toMatchSnapshot();
    expect(brief(neg)).toMatchSnapshot();
  });
});

describe("§3.6 full refund: only on its own", () => {
  it.each([
    ["lineItems", request({ full: true, lineItems: [unit("a")] })],
    ["shipping", request({ full: true, shipping: { fullRefund: true } })],
    ["amount", request({ full: true, amount: dec("1.00"), currency: "EUR" })],
  ])("full with %s is INVALID_INPUT at full", (_, r) => {
    expect(brief(errorsOf(calculate(multi, r)))).toEqual([
      {
        code: "INVALID_INPUT",
        path: "full",
        message: "The value at full cannot be combined with lineItems, shipping or amount.",
      },
    ]);
  });
});

describe("§4 idempotency keys", () => {
  it("a key used by a memo of the order is DUPLICATE_REFUND, whether it is the memo's key or its id", () => {
    const o = order({ lineItems: [line("a", 3, "1.00")], invoices: [invoice("i", "3.00")] });
    const after = orderAfter(o, request({ lineItems: [unit("a")], idempotencyKey: "k" }));
    expect(
      errorsOf(calculate(after, request({ lineItems: [unit("a")], idempotencyKey: "k" }))),
    ).toEqual([
      expect.objectContaining({
        code: "DUPLICATE_REFUND",
        path: "idempotencyKey",
        idempotencyKey: "k",
      }),
    ]);
    // A memo recorded elsewhere with key "k2" under another id still holds the key.
    const memo = after.refunds[0] as CreditMemo;
    const imported = { ...after, refunds: [{ ...memo, id: "imported-1", idempotencyKey: "k2" }] };
    expect(
      errorsOf(calculate(imported, request({ lineItems: [unit("a")], idempotencyKey: "k2" }))),
    ).toEqual([expect.objectContaining({ code: "DUPLICATE_REFUND", idempotencyKey: "k2" })]);
    // The memo id "1-2" of an unkeyed memo is taken too.
    const unkeyed = orderAfter(o, request({ lineItems: [unit("a")] }));
    expect(
      errorsOf(calculate(unkeyed, request({ lineItems: [unit("a")], idempotencyKey: "1-1" }))),
    ).toEqual([expect.objectContaining({ code: "DUPLICATE_REFUND" })]);
    // Unused keys are fine, and a memo without a key does not block a keyed request.
    expect(
      memoOf(calculate(unkeyed, request({ lineItems: [unit("a")], idempotencyKey: "new" }))).id,
    ).toBe("new");
  });
});

describe("§3.4 amount as a check or as an amount-only refund, with shipping", () => {
  const o = order({
    lineItems: [line("a", 1, "10.00")],
    shippingLines: [shippingLine("s", "5.00")],
    invoices: [invoice("i", "15.00")],
  });
  it("with a full shipping refund, amount checks the total (5.00), no goodwill", () => {
    const memo = memoOf(
      calculate(o, request({ shipping: { fullRefund: true }, amount: dec("5.00") })),
    );
    expect([show(memo.shipping.amount), show(memo.adjustmentPositive), show(memo.total)]).toEqual([
      "5.00",
      "0.00",
      "5.00",
    ]);
    expect(
      errorsOf(calculate(o, request({ shipping: { fullRefund: true }, amount: dec("4.00") }))),
    ).toEqual([
      expect.objectContaining({ code: "AMOUNT_MISMATCH", expected: "5.00", actual: "4.00" }),
    ]);
  });
  it("with a shipping amount, amount checks the total", () => {
    const memo = memoOf(
      calculate(
        o,
        request({ shipping: { fullRefund: false, amount: dec("2.00") }, amount: dec("2.00") }),
      ),
    );
    expect([show(memo.shipping.amount), show(memo.adjustmentPositive), show(memo.total)]).toEqual([
      "2.00",
      "0.00",
      "2.00",
    ]);
  });
  it("with a zero shipping amount, nothing is refunded but the amount: amount-only", () => {
    const memo = memoOf(
      calculate(
        o,
        request({ shipping: { fullRefund: false, amount: dec("0") }, amount: dec("3.00") }),
      ),
    );
    expect([show(memo.shipping.amount), show(memo.adjustmentPositive), show(memo.total)]).toEqual([
      "0.00",
      "3.00",
      "3.00",
    ]);
  });
});

describe("§3.7 payout checks", () => {
  const o = order({
    lineItems: [line("a", 1, "10.00"), line("free", 1, "0.00")],
    invoices: [invoice("on", "6.00", true), invoice("off", "4.00", false, "cash")],
  });
  it("invoiceId with transactions, unknown and offline invoices, non-positive transactions: each at its path", () => {
    const errors = errorsOf(
      calculate(
        o,
        request({
          lineItems: [unit("a")],
          invoiceId: "on",
          transactions: [
            { invoiceId: "nope", amount: dec("1.00") },
            { invoiceId: "on", amount: dec("0") },
          ],
        }),
      ),
    );
    expect(errors.map((e) => [e.code, "path" in e ? e.path : undefined])).toEqual([
      ["INVALID_INPUT", "transactions"],
      ["UNKNOWN_INVOICE", "transactions[0].invoiceId"],
      ["INVALID_INPUT", "transactions[1].amount"],
      // v2 (§5): the payout's errors do not hide the total's: 1.00 + 0 is not the 10.00 total.
      ["TRANSACTION_MISMATCH", "transactions"],
    ]);
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "nope" })))).toEqual([
      expect.objectContaining({ code: "UNKNOWN_INVOICE", path: "invoiceId", invoiceId: "nope" }),
    ]);
    // 10.00 through "off" (4.00 left): its limit is not reported, the invoice must change anyway.
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "off" })))).toEqual([
      expect.objectContaining({ code: "OFFLINE_INVOICE", path: "invoiceId", invoiceId: "off" }),
    ]);
    expect(brief(errors)).toMatchSnapshot();
  });
  it("a zero total pays nothing out, also through a named invoice", () => {
    const memo = memoOf(calculate(o, request({ lineItems: [unit("free")], invoiceId: "on" })));
    expect(show(memo.total)).toBe("0.00");
    expect(memo.transactions).toEqual([]);
  });
  it("suggested transactions skip invoices with nothing left and stop when the total is covered", () => {
    const after = orderAfter(o, request({ amount: dec("6.00") }));
    const memo = memoOf(calculate(after, request({ amount: dec("3.00") })));
    expect(memo.transactions.map((t) => [t.invoiceId, show(t.amount), t.online])).toEqual([
      ["off", "3.00", false],
    ]);
  });
});

describe("§3.5 NEGATIVE_TOTAL is reported alone, before any payout check", () => {
  it("a negative shop side with a presentment side above the money left reports only the negative total", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("0.10", "9.00"))],
      invoices: [invoice("i", bag("10.00", "5.00"))],
    });
    // adjustmentNegative 1.00 EUR of 10.00 USD / 5.00 EUR left: 2.00 USD; total −1.90 USD / 8.00 EUR (> 5.00 left).
    const errors = errorsOf(
      calculate(
        o,
        request({ lineItems: [unit("a")], adjustmentNegative: dec("1.00"), currency: "EUR" }),
      ),
    );
    expect(errors.map((e) => e.code)).toEqual(["NEGATIVE_TOTAL"]);
  });
});

describe("§5 restocking bounds read from the history", () => {
  const o = order({
    lineItems: [line("a", 6, "1.00", { fulfilledQuantity: 3 })],
    invoices: [invoice("i", "6.00")],
  });
  it("returns: 3 fulfilled, 1 + 1 returned in two memos, 1 left to return", () => {
    const after = orderAfter(
      orderAfter(o, request({ lineItems: [unit("a", 1, "return")] })),
      request({ lineItems: [unit("a", 1, "return")] }),
    );
    expect(errorsOf(calculate(after, request({ lineItems: [unit("a", 2, "return")] })))).toEqual([
      expect.objectContaining({
        code: "RESTOCK_EXCEEDS_FULFILLED",
        path: "lineItems[0].quantity",
        requested: 2,
        maximum: 1,
      }),
    ]);
    expect(
      memoOf(calculate(after, request({ lineItems: [unit("a", 1, "return")] }))).lineItems[0]
        ?.restock,
    ).toBe("return");
  });
  it("cancels: 3 unfulfilled, 1 + 1 cancelled in two memos, 1 left to cancel", () => {
    const after = orderAfter(
      orderAfter(o, request({ lineItems: [unit("a", 1, "cancel")] })),
      request({ lineItems: [unit("a", 1, "cancel")] }),
    );
    expect(errorsOf(calculate(after, request({ lineItems: [unit("a", 2, "cancel")] })))).toEqual([
      expect.objectContaining({
        code: "RESTOCK_EXCEEDS_FULFILLED",
        path: "lineItems[0].quantity",
        requested: 2,
        maximum: 1,
      }),
    ]);
  });
  it("OVER_REFUND of units is at the line's quantity", () => {
    expect(errorsOf(calculate(o, request({ lineItems: [unit("a", 7)] })))).toEqual([
      expect.objectContaining({
        code: "OVER_REFUND",
        subject: "quantity",
        path: "lineItems[0].quantity",
        requested: 7,
        maximum: 6,
      }),
    ]);
  });
});

describe("§3.3 duties of a line whose units are all refunded", () => {
  const o = order({
    lineItems: [line("a", 1, "10.00", { duties: [duty("d", "2.00", [tax("0.20")])] })],
    invoices: [invoice("i", "13.00")],
  });
  it("quantity 0 with refundDuties refunds the duties left; without duties left it is INVALID_QUANTITY", () => {
    const after = orderAfter(o, request({ lineItems: [unit("a")] }));
    const memo = memoOf(
      calculate(after, request({ lineItems: [unit("a", 0)], refundDuties: true })),
    );
    expect([
      memo.lineItems[0]?.quantity,
      show(memo.duties),
      show(memo.tax),
      show(memo.total),
    ]).toEqual([0, "2.00", "0.20", "2.20"]);
    const done = orderAfter(after, request({ lineItems: [unit("a", 0)], refundDuties: true }));
    expect(
      errorsOf(calculate(done, request({ lineItems: [unit("a", 0)], refundDuties: true }))),
    ).toEqual([
      expect.objectContaining({ code: "INVALID_QUANTITY", path: "lineItems[0].quantity" }),
    ]);
    expect(errorsOf(calculate(after, request({ lineItems: [unit("a", 0)] })))).toEqual([
      expect.objectContaining({ code: "INVALID_QUANTITY" }),
    ]);
    expect(
      errorsOf(calculate(after, request({ lineItems: [unit("a", -1)], refundDuties: true }))),
    ).toEqual([expect.objectContaining({ code: "INVALID_QUANTITY" })]);
  });
  it("a duty whose amount is refunded but not its tax still has duties left", () => {
    const after = orderAfter(o, request({ lineItems: [unit("a")], refundDuties: true }));
    const memo = after.refunds[0] as CreditMemo;
    const lineRefund = memo.lineItems[0]!;
    const taxKept = {
      ...after,
      refunds: [
        {
          ...memo,
          lineItems: [
            {
              ...lineRefund,
              duties: lineRefund.duties.map((d) => ({
                ...d,
                taxLines: d.taxLines.map((t) => ({ ...t, amount: { shop: 0n, presentment: 0n } })),
              })),
            },
          ],
        },
      ],
    };
    const again = memoOf(
      calculate(taxKept, request({ lineItems: [unit("a", 0)], refundDuties: true })),
    );
    expect([show(again.duties), show(again.tax)]).toEqual(["0.00", "0.20"]);
  });
});

describe("§3.1 the share is clamped to [0, X − R] when the history ran ahead", () => {
  it("a recorded memo that took the whole discount for 1 of 3 units leaves 0 for the next unit", () => {
    const o = order({
      lineItems: [line("a", 3, "1.00", { discountAllocations: [discount("0.30")] })],
      invoices: [invoice("i", "3.00")],
    });
    const after = orderAfter(o, request({ lineItems: [unit("a")] }));
    const memo = after.refunds[0] as CreditMemo;
    const l = memo.lineItems[0]!;
    const ranAhead = {
      ...after,
      refunds: [
        {
          ...memo,
          lineItems: [
            {
              ...l,
              discountAllocations: [{ title: "Discount", amount: { shop: 30n, presentment: 30n } }],
            },
          ],
        },
      ],
    };
    // round(30·2/3) − 30 = −10 → 0.
    expect(show(memoOf(calculate(ranAhead, request({ lineItems: [unit("a")] }))).discount)).toBe(
      "0.00",
    );
  });
});

describe("largest remainder ties go to the earlier part", () => {
  it("2 over five equal weights: the first two; 3 over 1/1/2/1/1: the 2 first, then the first 1s", () => {
    expect(allocateByLargestRemainder(2n, [1n, 1n, 1n, 1n, 1n])).toEqual([1n, 1n, 0n, 0n, 0n]);
    expect(allocateByLargestRemainder(3n, [1n, 1n, 1n, 1n, 1n, 1n, 1n])).toEqual([
      1n,
      1n,
      1n,
      0n,
      0n,
      0n,
      0n,
    ]);
    // 3 over 1/1/2/1/1 (sum 6): exact 0.5/0.5/1/0.5/0.5 → floors 0/0/1/0/0, remainders 3/3/0/3/3 sixths.
    expect(allocateByLargestRemainder(3n, [1n, 1n, 2n, 1n, 1n])).toEqual([1n, 1n, 1n, 0n, 0n]);
  });
});

describe("§6 memo lines carry the titles and rates of what they refund", () => {
  it("discount titles (or none) and tax titles and rates (or none)", () => {
    const o = order({
      lineItems: [
        line("a", 2, "10.00", {
          discountAllocations: [
            discount("1.00", "SALE"),
            { amount: { shop: 100n, presentment: 100n } },
          ],
          taxLines: [
            tax("1.00", "VAT", "0.1"),
            { title: "Fee", amount: { shop: 50n, presentment: 50n } },
          ],
        }),
      ],
      invoices: [invoice("i", "20.00")],
    });
    const l = memoOf(calculate(o, request({ lineItems: [unit("a")] }))).lineItems[0]!;
    // Strict: a title or rate the order line lacks is absent, not undefined.
    expect(l.discountAllocations).toStrictEqual([
      { title: "SALE", amount: { shop: 50n, presentment: 50n } },
      { amount: { shop: 50n, presentment: 50n } },
    ]);
    expect(l.taxLines).toStrictEqual([
      { title: "VAT", rate: "0.1", amount: { shop: 50n, presentment: 50n } },
      { title: "Fee", amount: { shop: 25n, presentment: 25n } },
    ]);
  });
});

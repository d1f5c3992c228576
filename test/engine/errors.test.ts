/**
 * Every error code of §5, with its data, and independent errors reported together.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { RefundErrorCode } from "../../src/errors.js";
import { unit } from "../support/apply.js";
import {
  dec,
  discount,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  shippingLine,
} from "../support/builders.js";

const base = order({
  id: "o",
  lineItems: [
    line("a", 3, "10.00", { sku: "SKU-A", fulfilledQuantity: 2 }),
    line("b", 1, "5.00", { sku: "DUP" }),
    line("c", 1, "5.00", { sku: "DUP" }),
  ],
  shippingLines: [shippingLine("s", "4.00")],
  invoices: [invoice("card", "30.00", true), invoice("cash", "9.00", false, "cash")],
});
const seen = new Set<RefundErrorCode>();
/** The errors of a Left, each code counted as seen (the last test checks every code was). */
function errorsSeen(result: ReturnType<typeof calculate>): ReturnType<typeof errorsOf> {
  const errors = errorsOf(result);
  for (const e of errors) seen.add(e.code);
  return errors;
}
function codes(result: ReturnType<typeof calculate>): RefundErrorCode[] {
  const list = errorsOf(result).map((e) => e.code);
  for (const c of list) seen.add(c);
  return list;
}

describe("§5 typed errors", () => {
  it("INVALID_INPUT: ambiguous sku, a line named by nothing, invoiceId with transactions", () => {
    expect(
      errorsSeen(
        calculate(
          base,
          request({ lineItems: [{ sku: "DUP", quantity: 1, restock: "no_restock" }] }),
        ),
      ),
    ).toMatchObject([{ code: "INVALID_INPUT", path: "lineItems[0].sku" }]);
    expect(
      codes(calculate(base, request({ lineItems: [{ quantity: 1, restock: "no_restock" }] }))),
    ).toEqual(["INVALID_INPUT"]);
    expect(
      errorsSeen(
        calculate(
          base,
          request({
            amount: dec("1.00"),
            invoiceId: "card",
            transactions: [{ invoiceId: "card", amount: dec("1.00") }],
          }),
        ),
      ),
    ).toMatchObject([{ code: "INVALID_INPUT", path: "transactions" }]);
  });
  it("INCONSISTENT_ORDER: repeated ids, discounts above gross, a history that refunds too much", () => {
    const repeated = { ...base, lineItems: [line("a", 1, "1.00"), line("a", 1, "1.00")] };
    expect(errorsSeen(calculate(repeated, request({ amount: dec("1.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[1].id" },
    ]);
    const overDiscounted = {
      ...base,
      lineItems: [line("a", 2, "1.00", { discountAllocations: [discount("2.01")] })],
    };
    expect(codes(calculate(overDiscounted, request({ amount: dec("1.00") })))).toEqual([
      "INCONSISTENT_ORDER",
    ]);
    const memo = memoOf(calculate(base, request({ lineItems: [unit("b")] })));
    const twice = { ...base, refunds: [memo, { ...memo, id: "o-2" }] };
    expect(errorsSeen(calculate(twice, request({ amount: dec("1.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[1].quantity" },
    ]);
    const badQuantity = { ...base, lineItems: [line("z", 1.5, "1.00")] };
    expect(errorsSeen(calculate(badQuantity, request({ amount: dec("1.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[0].quantity" },
    ]);
    const unknownCurrency = { ...base, currency: "ZZZ", presentmentCurrency: "ZZZ" };
    expect(codes(calculate(unknownCurrency, request({ amount: dec("1") })))).toContain(
      "INVALID_INPUT",
    );
  });
  it("UNKNOWN_LINE_ITEM by id and by sku", () => {
    expect(errorsSeen(calculate(base, request({ lineItems: [unit("zzz")] })))).toMatchObject([
      { code: "UNKNOWN_LINE_ITEM", lineItemId: "zzz", path: "lineItems[0].lineItemId" },
    ]);
    expect(
      codes(
        calculate(
          base,
          request({ lineItems: [{ sku: "NOPE", quantity: 1, restock: "no_restock" }] }),
        ),
      ),
    ).toEqual(["UNKNOWN_LINE_ITEM"]);
  });
  it("DUPLICATE_LINE_ITEM, also when named once by id and once by sku", () => {
    expect(
      errorsSeen(
        calculate(
          base,
          request({ lineItems: [unit("a"), { sku: "SKU-A", quantity: 1, restock: "no_restock" }] }),
        ),
      ),
    ).toMatchObject([{ code: "DUPLICATE_LINE_ITEM", lineItemId: "a", path: "lineItems[1]" }]);
    expect(codes(calculate(base, request({ lineItems: [unit("a"), unit("a")] })))).toEqual([
      "DUPLICATE_LINE_ITEM",
    ]);
  });
  it("UNKNOWN_INVOICE for invoiceId", () => {
    expect(
      errorsSeen(calculate(base, request({ amount: dec("1.00"), invoiceId: "nope" }))),
    ).toMatchObject([{ code: "UNKNOWN_INVOICE", invoiceId: "nope", path: "invoiceId" }]);
  });
  it("INVALID_QUANTITY: zero, negative, fractional, NaN", () => {
    for (const quantity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(
        errorsSeen(calculate(base, request({ lineItems: [unit("a", quantity)] }))),
      ).toMatchObject([
        { code: "INVALID_QUANTITY", lineItemId: "a", path: "lineItems[0].quantity" },
      ]);
    }
  });
  it("OVER_REFUND of units, with the maximum left after the history", () => {
    expect(errorsSeen(calculate(base, request({ lineItems: [unit("a", 4)] })))).toMatchObject([
      { code: "OVER_REFUND", subject: "quantity", lineItemId: "a", requested: 4, maximum: 3 },
    ]);
    const applied = applyRefund(base, request({ lineItems: [unit("a", 2)] }));
    if (applied._tag === "Left") throw new Error("refund failed");
    expect(
      errorsSeen(calculate(applied.right.order, request({ lineItems: [unit("a", 2)] }))),
    ).toMatchObject([{ code: "OVER_REFUND", subject: "quantity", requested: 2, maximum: 1 }]);
  });
  it("OFFLINE_INVOICE", () => {
    expect(codes(calculate(base, request({ amount: dec("1.00"), invoiceId: "cash" })))).toEqual([
      "OFFLINE_INVOICE",
    ]);
  });
  it("MISSING_CURRENCY and CURRENCY_MISMATCH", () => {
    const multi = {
      ...base,
      lineItems: [],
      shippingLines: [],
      presentmentCurrency: "EUR",
      invoices: [invoice("i", { shop: 100n, presentment: 90n })],
    };
    expect(
      errorsSeen(calculate(multi, request({ adjustmentPositive: dec("0.50") }))),
    ).toMatchObject([{ code: "MISSING_CURRENCY", field: "adjustmentPositive", path: "currency" }]);
    expect(
      codes(calculate(multi, request({ adjustmentPositive: dec("0.50"), currency: "GBP" }))),
    ).toEqual(["CURRENCY_MISMATCH"]);
  });
  it("NEGATIVE_TOTAL", () => {
    expect(
      errorsSeen(
        calculate(base, request({ lineItems: [unit("b")], adjustmentNegative: dec("5.01") })),
      ),
    ).toMatchObject([{ code: "NEGATIVE_TOTAL", total: "-0.01", currency: "USD" }]);
  });
  it("EMPTY_REFUND: no lines and a zero total", () => {
    expect(codes(calculate(base, request({})))).toEqual(["EMPTY_REFUND"]);
    expect(codes(calculate(base, request({ amount: dec("0") })))).toEqual(["EMPTY_REFUND"]);
    expect(
      codes(
        calculate(
          base,
          request({ adjustmentPositive: dec("1.00"), adjustmentNegative: dec("1.00") }),
        ),
      ),
    ).toEqual(["EMPTY_REFUND"]);
  });
  it("AMOUNT_MISMATCH", () => {
    expect(
      codes(calculate(base, request({ lineItems: [unit("b")], amount: dec("5.01") }))),
    ).toEqual(["AMOUNT_MISMATCH"]);
  });
  it("TRANSACTION_MISMATCH", () => {
    expect(
      codes(
        calculate(
          base,
          request({
            lineItems: [unit("b")],
            transactions: [{ invoiceId: "card", amount: dec("4.00") }],
          }),
        ),
      ),
    ).toEqual(["TRANSACTION_MISMATCH"]);
  });
  it("NOT_PAID", () => {
    expect(
      codes(calculate({ ...base, invoices: [] }, request({ lineItems: [unit("b")] }))),
    ).toEqual(["NOT_PAID"]);
  });
  it("DUPLICATE_REFUND for a used idempotency key; the memo id is the key", () => {
    const applied = applyRefund(base, request({ lineItems: [unit("b")], idempotencyKey: "k-1" }));
    if (applied._tag === "Left") throw new Error("refund failed");
    expect(applied.right.creditMemo.id).toBe("k-1");
    expect(
      errorsSeen(
        calculate(applied.right.order, request({ lineItems: [unit("c")], idempotencyKey: "k-1" })),
      ),
    ).toMatchObject([{ code: "DUPLICATE_REFUND", idempotencyKey: "k-1" }]);
  });
  it("RESTOCK_EXCEEDS_FULFILLED for return beyond fulfilled and cancel beyond unfulfilled", () => {
    // a: 3 ordered, 2 fulfilled. Returning 3 exceeds the 2 fulfilled; cancelling 2 exceeds the 1 unfulfilled.
    expect(
      errorsSeen(calculate(base, request({ lineItems: [unit("a", 3, "return")] }))),
    ).toMatchObject([
      { code: "RESTOCK_EXCEEDS_FULFILLED", lineItemId: "a", requested: 3, maximum: 2 },
    ]);
    expect(
      errorsSeen(calculate(base, request({ lineItems: [unit("a", 2, "cancel")] }))),
    ).toMatchObject([
      { code: "RESTOCK_EXCEEDS_FULFILLED", lineItemId: "a", requested: 2, maximum: 1 },
    ]);
    // after returning 2, no more can be returned; the third unit can still be cancelled.
    const applied = applyRefund(base, request({ lineItems: [unit("a", 2, "return")] }));
    if (applied._tag === "Left") throw new Error("refund failed");
    expect(
      errorsSeen(calculate(applied.right.order, request({ lineItems: [unit("a", 1, "return")] }))),
    ).toMatchObject([{ code: "RESTOCK_EXCEEDS_FULFILLED", maximum: 0 }]);
    expect(
      memoOf(calculate(applied.right.order, request({ lineItems: [unit("a", 1, "cancel")] })))
        .lineItems[0]?.restock,
    ).toBe("cancel");
  });
  it("reports independent problems together: two bad lines give two errors, plus a currency problem", () => {
    const errors = errorsSeen(
      calculate(
        base,
        request({
          lineItems: [unit("zzz"), unit("a", 0)],
          currency: "EUR",
          adjustmentPositive: dec("1.00"),
        }),
      ),
    );
    expect(errors.map((e) => e.code).sort()).toEqual([
      "CURRENCY_MISMATCH",
      "INVALID_QUANTITY",
      "UNKNOWN_LINE_ITEM",
    ]);
  });
  it("every error has a sentence a support agent can read", () => {
    const errors = errorsSeen(calculate(base, request({ lineItems: [unit("a", 9)] })));
    expect(errors[0]?.message).toBe('Only 3 of item "a" can still be refunded, not 9.');
  });
  it("covers every code of the catalogue", () => {
    const all = [
      "INVALID_INPUT",
      "INCONSISTENT_ORDER",
      "UNKNOWN_LINE_ITEM",
      "DUPLICATE_LINE_ITEM",
      "UNKNOWN_INVOICE",
      "INVALID_QUANTITY",
      "OVER_REFUND",
      "OFFLINE_INVOICE",
      "MISSING_CURRENCY",
      "CURRENCY_MISMATCH",
      "NEGATIVE_TOTAL",
      "EMPTY_REFUND",
      "AMOUNT_MISMATCH",
      "TRANSACTION_MISMATCH",
      "NOT_PAID",
      "DUPLICATE_REFUND",
      "RESTOCK_EXCEEDS_FULFILLED",
    ] as const satisfies readonly RefundErrorCode[];
    // the list is the whole catalogue: a code missing from it fails to compile.
    const complete: [Exclude<RefundErrorCode, (typeof all)[number]>] extends [never]
      ? true
      : false = true;
    expect(complete).toBe(true);
    expect([...seen].sort()).toEqual([...all].sort());
  });
});

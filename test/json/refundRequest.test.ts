import { describe, expect, test } from "vitest";
import { decodeRefundRequest, encodeRefundRequest, type RefundRequest } from "../../src/index.js";
import { pathOf } from "./helpers.js";

const errorsOf = (json: unknown) => {
  const result = decodeRefundRequest(json);
  return result._tag === "Left" ? result.left.map((e) => `${e.code} ${pathOf(e)}`) : [];
};

describe("decodeRefundRequest", () => {
  test("reads the request of spec §4 with its defaults", () => {
    expect(
      decodeRefundRequest({
        lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }],
        reason: "wrong size",
        notify: true,
      }),
    ).toEqual({
      _tag: "Right",
      right: {
        lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }],
        refundDuties: false,
        full: false,
        reason: "wrong size",
        notify: true,
      },
    });
  });

  test("an empty object is a request with every default (the engine decides it is empty)", () => {
    expect(decodeRefundRequest({})).toEqual({
      _tag: "Right",
      right: { lineItems: [], refundDuties: false, full: false, notify: false },
    });
  });

  test("reads every field", () => {
    const result = decodeRefundRequest({
      lineItems: [{ sku: "MS09", quantity: 2 }],
      shipping: { fullRefund: true, amount: "2.00" },
      refundDuties: true,
      adjustmentPositive: "1",
      adjustmentNegative: 0.5,
      amount: "10.00",
      full: false,
      currency: "EUR",
      invoiceId: "inv-1",
      transactions: [{ invoiceId: "inv-2", amount: "3.5" }],
      note: "n",
      idempotencyKey: "k-1",
    });
    const expected: RefundRequest = {
      lineItems: [{ sku: "MS09", quantity: 2, restock: "no_restock" }],
      shipping: { fullRefund: true, amount: { coefficient: 200n, scale: 2 } },
      refundDuties: true,
      adjustmentPositive: { coefficient: 1n, scale: 0 },
      adjustmentNegative: { coefficient: 5n, scale: 1 },
      amount: { coefficient: 1000n, scale: 2 },
      full: false,
      currency: "EUR",
      invoiceId: "inv-1",
      transactions: [{ invoiceId: "inv-2", amount: { coefficient: 35n, scale: 1 } }],
      note: "n",
      notify: false,
      idempotencyKey: "k-1",
    };
    expect(result).toEqual({ _tag: "Right", right: expected });
  });

  test("shipping defaults fullRefund to false", () => {
    const result = decodeRefundRequest({ shipping: { amount: "0" } });
    expect(result._tag === "Right" && result.right.shipping).toEqual({
      fullRefund: false,
      amount: { coefficient: 0n, scale: 0 },
    });
  });

  test.each([[0], [-1], [1.5], [Number("1e999")], [2 ** 60]])(
    "a numeric quantity %s passes unchanged (the engine reports INVALID_QUANTITY)",
    (quantity) => {
      const result = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity }] });
      expect(result._tag === "Right" && result.right.lineItems[0]?.quantity).toBe(quantity);
    },
  );

  test("cross-field rules are left to the engine", () => {
    expect(
      errorsOf({
        full: true,
        lineItems: [{ lineItemId: "1", quantity: 1 }],
        invoiceId: "a",
        transactions: [{ invoiceId: "b", amount: "1" }],
      }),
    ).toEqual([]);
  });

  test.each([
    [{ lineItems: [{ quantity: 1 }] }, "lineItems[0]"],
    [{ lineItems: [{ lineItemId: null, sku: null, quantity: 1 }] }, "lineItems[0]"],
    [{ lineItems: [{ lineItemId: "3" }] }, "lineItems[0].quantity"],
    [{ lineItems: [{ lineItemId: "3", quantity: "1" }] }, "lineItems[0].quantity"],
    [{ lineItems: [{ lineItemId: "3", quantity: null, amount: null }] }, "lineItems[0].quantity"],
    [{ lineItems: [{ lineItemId: "3", amount: "5,50" }] }, "lineItems[0].amount"],
    [{ lineItems: [{ lineItemId: "3", quantity: 1, amount: {} }] }, "lineItems[0].amount"],
    [{ lineItems: [{ lineItemId: 3, quantity: 1 }] }, "lineItems[0].lineItemId"],
    [{ lineItems: [{ lineItemId: "3", quantity: 1, restock: "restock" }] }, "lineItems[0].restock"],
    [{ lineItems: [{ lineItemId: "3", quantity: 1, locationId: 7 }] }, "lineItems[0].locationId"],
    [{ lineItems: {} }, "lineItems"],
    [{ shipping: true }, "shipping"],
    [{ shipping: { fullRefund: "true" } }, "shipping.fullRefund"],
    [{ shipping: { amount: "-2.00" } }, "shipping.amount"],
    [{ refundDuties: 1 }, "refundDuties"],
    [{ full: "yes" }, "full"],
    [{ notify: [] }, "notify"],
    [{ adjustmentPositive: "1,00" }, "adjustmentPositive"],
    [{ adjustmentNegative: {} }, "adjustmentNegative"],
    [{ amount: 1e21 }, "amount"],
    [{ currency: "usd" }, "currency"],
    [{ invoiceId: "" }, "invoiceId"],
    [{ transactions: [{ invoiceId: "i" }] }, "transactions[0].amount"],
    [{ transactions: [{ amount: "1" }] }, "transactions[0].invoiceId"],
    [{ reason: 1 }, "reason"],
    [{ note: false }, "note"],
    [{ idempotencyKey: {} }, "idempotencyKey"],
    [{ idempotencyKey: "" }, "idempotencyKey"],
  ])("%j is invalid at %s", (json, path) => {
    expect(errorsOf(json)).toEqual([`INVALID_INPUT ${path}`]);
  });

  test("an empty idempotency key is refused: it would become an empty memo id (issue 12, finding 7)", () => {
    const result = decodeRefundRequest({ amount: "1.00", idempotencyKey: "" });
    expect(result._tag === "Left" && result.left[0]?.message).toBe(
      'The value at idempotencyKey must be a non-empty string such as "rma-77": it becomes the credit memo\'s id.',
    );
  });

  test("§3.9: a line may give an amount with or without a quantity", () => {
    const result = decodeRefundRequest({
      lineItems: [
        { lineItemId: "3", amount: "5.50" },
        { sku: "MS09", quantity: 1, amount: 2 },
      ],
    });
    expect(result._tag === "Right" && result.right.lineItems).toEqual([
      { lineItemId: "3", amount: { coefficient: 550n, scale: 2 }, restock: "no_restock" },
      { sku: "MS09", quantity: 1, amount: { coefficient: 2n, scale: 0 }, restock: "no_restock" },
    ]);
    const line = result._tag === "Right" ? result.right.lineItems[0] : undefined;
    expect(line !== undefined && "quantity" in line).toBe(false);
  });

  test("a line with neither quantity nor amount says what to give", () => {
    const result = decodeRefundRequest({ lineItems: [{ lineItemId: "3" }] });
    expect(result._tag === "Left" && result.left[0]?.message).toBe(
      'The value at lineItems[0].quantity is required unless the line gives an "amount"; it must be a number such as 1.',
    );
  });

  test("a line naming no item says how to name one", () => {
    const result = decodeRefundRequest({ lineItems: [{ quantity: 1 }] });
    expect(result._tag === "Left" && result.left[0]?.message).toBe(
      'The value at lineItems[0] must name the item to refund with "lineItemId" or "sku".',
    );
  });

  test("accumulates problems across lines", () => {
    expect(
      errorsOf({ lineItems: [{ quantity: 1 }, { lineItemId: "2", quantity: "x" }], amount: "abc" }),
    ).toEqual([
      "INVALID_INPUT lineItems[0]",
      "INVALID_INPUT lineItems[1].quantity",
      "INVALID_INPUT amount",
    ]);
  });
});

describe("encodeRefundRequest", () => {
  test("writes defaults and free amounts with their own digits", () => {
    const request: RefundRequest = {
      lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }],
      shipping: { fullRefund: false, amount: { coefficient: 25n, scale: 1 } },
      refundDuties: false,
      amount: { coefficient: 5n, scale: 3 },
      full: false,
      notify: false,
    };
    expect(encodeRefundRequest(request)).toEqual({
      lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }],
      shipping: { fullRefund: false, amount: "2.5" },
      refundDuties: false,
      amount: "0.005",
      full: false,
      notify: false,
    });
  });
});

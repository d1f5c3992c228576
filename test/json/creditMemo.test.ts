import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import {
  type CreditMemo,
  decodeCreditMemo,
  decodeOrder,
  encodeCreditMemo,
} from "../../src/index.js";
import { pathOf } from "./helpers.js";

/** The credit memo of spec §6, as JSON. */
const specMemo = {
  id: "5-1",
  orderId: "5",
  currency: "USD",
  lineItems: [
    {
      lineItemId: "3",
      quantity: 1,
      price: "22.00",
      gross: "22.00",
      discount: "2.20",
      subtotal: "19.80",
      tax: "1.64",
      discountAllocations: [{ title: "SUMMER20", amount: "2.20" }],
      taxLines: [{ title: "State Tax", rate: "0.0825", amount: "1.64" }],
      duties: [],
      total: "21.44",
      restock: "return",
      locationId: "wh-1",
    },
  ],
  shipping: {
    amount: "0.00",
    tax: "0.00",
    maximumRefundable: "15.00",
    lines: [{ shippingLineId: "s1", amount: "0.00", taxLines: [] }],
  },
  adjustmentPositive: "0.00",
  adjustmentNegative: "0.00",
  subtotal: "19.80",
  discount: "2.20",
  tax: "1.64",
  duties: "0.00",
  total: "21.44",
  maximumRefundable: "59.37",
  transactions: [
    {
      invoiceId: "inv-1",
      gateway: "banktransfer",
      online: false,
      amount: "21.44",
      maximumRefundable: "59.37",
    },
  ],
  reason: "wrong size",
  note: null,
  notify: true,
  idempotencyKey: null,
};

const bag = (minor: bigint) => ({ shop: minor, presentment: minor });
const Z = bag(0n);

const specMemoDecoded: CreditMemo = {
  id: "5-1",
  orderId: "5",
  currency: "USD",
  presentmentCurrency: "USD",
  taxesIncluded: false,
  lineItems: [
    {
      lineItemId: "3",
      quantity: 1,
      amount: null,
      price: bag(2200n),
      gross: bag(2200n),
      discount: bag(220n),
      subtotal: bag(1980n),
      tax: bag(164n),
      discountAllocations: [{ title: "SUMMER20", amount: bag(220n) }],
      taxLines: [{ title: "State Tax", rate: "0.0825", amount: bag(164n) }],
      duties: [],
      total: bag(2144n),
      restock: "return",
      locationId: "wh-1",
    },
  ],
  shipping: {
    amount: Z,
    tax: Z,
    maximumRefundable: bag(1500n),
    lines: [{ shippingLineId: "s1", amount: Z, taxLines: [] }],
  },
  adjustmentPositive: Z,
  adjustmentNegative: Z,
  subtotal: bag(1980n),
  discount: bag(220n),
  tax: bag(164n),
  duties: Z,
  total: bag(2144n),
  maximumRefundable: bag(5937n),
  transactions: [
    {
      invoiceId: "inv-1",
      gateway: "banktransfer",
      online: false,
      amount: bag(2144n),
      maximumRefundable: bag(5937n),
    },
  ],
  exchangeDifference: 0n,
  reason: "wrong size",
  note: null,
  notify: true,
  idempotencyKey: null,
};

const errorsOf = (json: unknown, order?: { currency: string; presentmentCurrency: string }) => {
  const result = decodeCreditMemo(json, order);
  return result._tag === "Left" ? result.left.map((e) => `${e.code} ${pathOf(e)}`) : [];
};

describe("decodeCreditMemo / encodeCreditMemo", () => {
  test("read the memo of spec §6", () => {
    expect(decodeCreditMemo(specMemo)).toEqual({ _tag: "Right", right: specMemoDecoded });
  });

  test("write it back exactly, without presentmentCurrency on a single-currency memo", () => {
    // v2 (§6): the spec's v1 memo is written back with the fields v2 adds,
    // `taxesIncluded` and each line's `amount` (null: refunded by units).
    const [line] = specMemo.lineItems;
    expect(encodeCreditMemo(specMemoDecoded)).toEqual({
      ...specMemo,
      taxesIncluded: false,
      lineItems: [{ ...line, amount: null }],
    });
    expect(Object.keys(encodeCreditMemo(specMemoDecoded))).not.toContain("presentmentCurrency");
  });

  test("null and absent nullable fields decode to null; lists default to empty", () => {
    const {
      note: _n,
      reason: _r,
      idempotencyKey: _i,
      transactions: _t,
      notify: _no,
      ...rest
    } = specMemo;
    const line = {
      ...specMemo.lineItems[0],
      locationId: undefined,
      restock: undefined,
      duties: undefined,
    };
    const result = decodeCreditMemo({
      ...rest,
      lineItems: [line],
      transactions: [{ ...specMemo.transactions[0], gateway: null }],
    });
    expect(result._tag === "Right" && result.right).toMatchObject({
      note: null,
      reason: null,
      idempotencyKey: null,
      notify: false,
      lineItems: [{ locationId: null, restock: "no_restock", duties: [] }],
      transactions: [{ gateway: null }],
    });
  });

  test("a multi-currency memo carries presentmentCurrency and bags", () => {
    const memo: CreditMemo = {
      ...specMemoDecoded,
      presentmentCurrency: "EUR",
      total: { shop: 2144n, presentment: 1990n },
    };
    const json = encodeCreditMemo(memo);
    expect(json["presentmentCurrency"]).toBe("EUR");
    expect(json["total"]).toEqual({ shop: "21.44", presentment: "19.90" });
    expect(json["subtotal"]).toEqual({ shop: "19.80", presentment: "19.80" });
    expect(decodeCreditMemo(json)).toEqual({ _tag: "Right", right: memo });
  });

  test("exchangeDifference (§3.8, §6 v2): signed shop money on every multi-currency memo", () => {
    const memo: CreditMemo = {
      ...specMemoDecoded,
      presentmentCurrency: "EUR",
      total: { shop: 2144n, presentment: 1990n },
      exchangeDifference: -1n,
    };
    const json = encodeCreditMemo(memo) as unknown as Record<string, unknown>;
    // Shop money alone, in USD, with its sign: not a bag.
    expect(json["exchangeDifference"]).toBe("-0.01");
    expect(decodeCreditMemo(json)).toEqual({ _tag: "Right", right: memo });
    // Zero is written too on a multi-currency memo, so it reads on its own.
    expect(encodeCreditMemo({ ...memo, exchangeDifference: 0n }).exchangeDifference).toBe("0.00");
    // A v1 memo without it reads as zero.
    const { exchangeDifference: _e, ...v1 } = json;
    const decoded = decodeCreditMemo(v1);
    expect(decoded._tag === "Right" && decoded.right.exchangeDifference).toBe(0n);
    // More fraction digits than the shop currency has is invalid input, at its path.
    expect(errorsOf({ ...json, exchangeDifference: "0.001" })).toEqual([
      "INVALID_INPUT exchangeDifference",
    ]);
  });

  test("a single-currency memo leaves a zero exchangeDifference out, and writes any other", () => {
    expect(Object.keys(encodeCreditMemo(specMemoDecoded))).not.toContain("exchangeDifference");
    const odd = { ...specMemoDecoded, exchangeDifference: 5n };
    expect(encodeCreditMemo(odd)["exchangeDifference"]).toBe("0.05");
    expect(decodeCreditMemo(encodeCreditMemo(odd))).toEqual({ _tag: "Right", right: odd });
  });

  test("memo line duties are {dutyId, amount, taxLines}", () => {
    const json = {
      ...specMemo,
      lineItems: [
        {
          ...specMemo.lineItems[0],
          duties: [{ dutyId: "d1", amount: "0.75", taxLines: [{ title: "VAT", amount: "0.15" }] }],
        },
      ],
    };
    const result = decodeCreditMemo(json);
    expect(result._tag === "Right" && result.right.lineItems[0]?.duties).toEqual([
      { dutyId: "d1", amount: bag(75n), taxLines: [{ title: "VAT", amount: bag(15n) }] },
    ]);
    expect(
      errorsOf({
        ...json,
        lineItems: [{ ...json.lineItems[0], duties: [{ id: "d1", amount: "0.75" }] }],
      }),
    ).toEqual(["INVALID_INPUT lineItems[0].duties[0].dutyId"]);
  });

  test.each([
    [{ id: undefined }, "id"],
    [{ currency: "US" }, "currency"],
    [{ total: "21.444" }, "total"],
    [{ shipping: "0.00" }, "shipping"],
    [
      { shipping: { ...specMemo.shipping, lines: [{ amount: "0.00" }] } },
      "shipping.lines[0].shippingLineId",
    ],
    [{ transactions: [{ ...specMemo.transactions[0], online: null }] }, "transactions[0].online"],
    [{ notify: "yes" }, "notify"],
    [{ note: 5 }, "note"],
    [{ lineItems: [{ ...specMemo.lineItems[0], restock: "restock" }] }, "lineItems[0].restock"],
    [{ lineItems: [{ ...specMemo.lineItems[0], quantity: -1 }] }, "lineItems[0].quantity"],
    [{ lineItems: [{ ...specMemo.lineItems[0], quantity: 1.5 }] }, "lineItems[0].quantity"],
    [{ lineItems: [{ ...specMemo.lineItems[0], tax: "-1.64" }] }, "lineItems[0].tax"],
    [{ total: "-21.44" }, "total"],
  ])("%j is invalid at %s", (change, path) => {
    expect(errorsOf({ ...specMemo, ...change })).toEqual([`INVALID_INPUT ${path}`]);
  });

  test("a memo line may have quantity 0 (duties refunded after the units) and a negative subtotal", () => {
    // Quantity 0: a line whose units were refunded earlier gets its remaining duties (see decisions).
    // Negative subtotal: three discounts of 0.01 on three 0.01 units, each rounded on its own (§3.1),
    // give back 0.03 of discount on the second unit's 0.01 gross: subtotal and total −0.02.
    const line = { ...specMemo.lineItems[0], quantity: 0, subtotal: "-0.02", total: "-0.02" };
    const decoded = decodeCreditMemo({ ...specMemo, lineItems: [line], subtotal: "-0.02" });
    expect(E.isRight(decoded)).toBe(true);
    if (E.isRight(decoded)) {
      expect(decoded.right.lineItems[0]?.quantity).toBe(0);
      expect(decoded.right.lineItems[0]?.subtotal).toEqual({ shop: -2n, presentment: -2n });
      expect(encodeCreditMemo(decoded.right)).toMatchObject({
        subtotal: "-0.02",
        lineItems: [{ total: "-0.02" }],
      });
    }
  });

  test("against an order, a memo in other currencies is an inconsistent order", () => {
    expect(errorsOf(specMemo, { currency: "EUR", presentmentCurrency: "EUR" })).toEqual([
      "INCONSISTENT_ORDER currency",
    ]);
    expect(errorsOf(specMemo, { currency: "USD", presentmentCurrency: "EUR" })).toContain(
      "INCONSISTENT_ORDER presentmentCurrency",
    );
    expect(errorsOf(specMemo, { currency: "USD", presentmentCurrency: "USD" })).toEqual([]);
  });

  test("an order's refunds are memos in the order's currencies", () => {
    const order = {
      id: "5",
      currency: "USD",
      refunds: [specMemo, { ...specMemo, id: "5-2", currency: "CAD" }],
    };
    const result = decodeOrder(order);
    expect(result._tag === "Left" && result.left).toEqual([
      {
        code: "INCONSISTENT_ORDER",
        path: "refunds[1].currency",
        message:
          "The order contradicts itself at refunds[1].currency: the refund is in CAD but the order is in USD.",
      },
    ]);
    const ok = decodeOrder({ ...order, refunds: [specMemo] });
    expect(ok._tag === "Right" && ok.right.refunds).toEqual([specMemoDecoded]);
  });

  test("a multi-currency order's refunds must be bags", () => {
    const order = {
      id: "5",
      currency: "USD",
      presentmentCurrency: "EUR",
      refunds: [{ ...specMemo, presentmentCurrency: "EUR" }],
    };
    const result = decodeOrder(order);
    expect(result._tag === "Left" && result.left.map((e) => pathOf(e))).toContain(
      "refunds[0].total",
    );
  });
});

describe("§6 v2 memo fields: taxesIncluded and the line amount", () => {
  const v1 = {
    id: "m",
    orderId: "o",
    currency: "EUR",
    lineItems: [
      {
        lineItemId: "a",
        quantity: 1,
        price: "10.00",
        gross: "10.00",
        discount: "0.00",
        subtotal: "10.00",
        tax: "1.67",
        total: "10.00",
        locationId: null,
      },
    ],
    shipping: { amount: "0.00", tax: "0.00", maximumRefundable: "0.00" },
    adjustmentPositive: "0.00",
    adjustmentNegative: "0.00",
    subtotal: "10.00",
    discount: "0.00",
    tax: "1.67",
    duties: "0.00",
    total: "10.00",
    maximumRefundable: "10.00",
    reason: null,
    note: null,
    idempotencyKey: null,
  };

  test("a v1 memo on its own: taxesIncluded false, line amount null", () => {
    const memo = decodeCreditMemo(v1);
    expect(E.isRight(memo) && [memo.right.taxesIncluded, memo.right.lineItems[0]?.amount]).toEqual([
      false,
      null,
    ]);
  });

  test("a v1 memo in an order's refunds takes the order's taxesIncluded", () => {
    const order = decodeOrder({
      id: "o",
      currency: "EUR",
      taxesIncluded: true,
      lineItems: [
        { id: "a", quantity: 1, price: "10.00", taxLines: [{ title: "VAT", amount: "1.67" }] },
      ],
      invoices: [{ id: "i", amount: "10.00", online: true }],
      refunds: [v1],
    });
    expect(E.isRight(order) && order.right.refunds[0]?.taxesIncluded).toBe(true);
  });

  test("v2 fields are read and written back: taxesIncluded and a line amount", () => {
    const json = {
      ...v1,
      taxesIncluded: true,
      lineItems: [{ ...v1.lineItems[0], quantity: 0, amount: "10.00" }],
    };
    const decoded = decodeCreditMemo(json);
    if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
    expect(decoded.right.taxesIncluded).toBe(true);
    expect(decoded.right.lineItems[0]?.amount).toEqual({ shop: 1000n, presentment: 1000n });
    const encoded = encodeCreditMemo(decoded.right);
    expect(encoded["taxesIncluded"]).toBe(true);
    expect((encoded.lineItems as unknown as { amount: unknown }[])[0]?.amount).toBe("10.00");
    expect(decodeCreditMemo(encoded)).toEqual(decoded);
    // A bad line amount is reported at its path.
    const bad = decodeCreditMemo({
      ...json,
      lineItems: [{ ...json.lineItems[0], amount: "1.001" }],
    });
    expect(E.isLeft(bad) && bad.left.map((e) => ("path" in e ? e.path : ""))).toEqual([
      "lineItems[0].amount",
    ]);
  });
});

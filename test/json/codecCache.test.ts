/**
 * The codecs of a document are built once per pair of currencies and reused
 * (`memoized` in src/json/codec.ts, `contextKey` in src/json/amount.ts).
 * Reuse must be invisible: every document decodes and encodes as if its
 * codecs were built for it alone.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import {
  calculate,
  decodeCreditMemo,
  decodeOrder,
  decodeRefundRequest,
  encodeCreditMemo,
  encodeOrder,
  type Order,
} from "../../src/index.js";
import { contextKey, currencyForEncoding } from "../../src/json/amount.js";
import { memoized } from "../../src/json/codec.js";
import { pathOf } from "./helpers.js";

const usdOrder = {
  id: "5",
  currency: "USD",
  lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
  invoices: [{ id: "inv-1", amount: "44.00", online: true }],
};

describe("memoized", () => {
  test("builds once per key and never for an undefined key", () => {
    let built = 0;
    const cached = memoized<{ n: number }>();
    const build = () => ({ n: ++built });
    const a = cached("k", build);
    expect(cached("k", build)).toBe(a);
    expect(built).toBe(1);
    const b = cached(undefined, build);
    const c = cached(undefined, build);
    expect(b).not.toBe(c);
    expect(built).toBe(3);
    expect(cached("other", build).n).toBe(4);
  });
});

describe("contextKey", () => {
  test("names the registry's currencies and refuses a currency made up for writing", () => {
    const usd = currencyForEncoding("USD");
    expect(contextKey({ shop: usd, presentment: usd, multi: false })).toBe("USD USD false");
    expect(contextKey({ shop: undefined, presentment: usd, multi: "unknown" })).toBe(
      "? USD unknown",
    );
    // "XYZ" is not a known code: written with 2 digits, never cached.
    const made = currencyForEncoding("XYZ");
    expect(contextKey({ shop: made, presentment: made, multi: false })).toBeUndefined();
  });
});

describe("decoding and encoding with cached codecs", () => {
  test("an order decodes the same before and after others in its currencies, valid or not", () => {
    const first = decodeOrder(usdOrder);
    const bad = decodeOrder({
      ...usdOrder,
      lineItems: [{ id: "3", quantity: 2, price: "22.001" }],
    });
    const again = decodeOrder(usdOrder);
    expect(E.isRight(first)).toBe(true);
    expect(again).toEqual(first);
    expect(E.isLeft(bad) ? bad.left.map(pathOf) : []).toEqual(["lineItems[0].price"]);
  });

  test("a memo checked against an order is not read with the codecs of a memo on its own", () => {
    const order = decodeOrder(usdOrder);
    if (E.isLeft(order)) throw new Error("the order must decode");
    const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }] });
    if (E.isLeft(request)) throw new Error("the request must decode");
    const memo = calculate(order.right, request.right);
    if (E.isLeft(memo)) throw new Error("the refund must be computed");
    const memoJson: unknown = JSON.parse(JSON.stringify(encodeCreditMemo(memo.right)));
    const own = decodeCreditMemo(memoJson);
    const againstEur = decodeCreditMemo(memoJson, { currency: "EUR", presentmentCurrency: "EUR" });
    const againstUsd = decodeCreditMemo(memoJson, order.right);
    const ownAgain = decodeCreditMemo(memoJson);
    expect(own).toEqual(E.right(memo.right));
    expect(E.isLeft(againstEur) ? againstEur.left.map((e) => e.code) : []).toContain(
      "INCONSISTENT_ORDER",
    );
    expect(againstUsd).toEqual(own);
    expect(ownAgain).toEqual(own);
    // Encoded again with the cached encoder: the same JSON.
    if (E.isRight(own)) expect(encodeCreditMemo(own.right)).toEqual(encodeCreditMemo(own.right));
  });

  test("an order in a made-up currency is written with 2 digits, and a known one after it with its own", () => {
    const order = decodeOrder(usdOrder);
    if (E.isLeft(order)) throw new Error("the order must decode");
    const yen = decodeOrder({
      ...usdOrder,
      currency: "JPY",
      lineItems: [{ id: "3", quantity: 2, price: "2200" }],
      invoices: [{ id: "inv-1", amount: "4400", online: true }],
    });
    if (E.isLeft(yen)) throw new Error("the yen order must decode");
    const madeUp: Order = { ...order.right, currency: "XYZ", presentmentCurrency: "XYZ" };
    // 2200 minor units: "22.00" in USD and in a made-up currency (2 digits), "2200" in JPY.
    expect(encodeOrder(madeUp)["lineItems"]).toMatchObject([{ price: "22.00" }]);
    expect(encodeOrder(yen.right)["lineItems"]).toMatchObject([{ price: "2200" }]);
    expect(encodeOrder(order.right)["lineItems"]).toMatchObject([{ price: "22.00" }]);
  });
});

/**
 * Round trips that broke (issue 12, finding 12): what a reader accepts
 * must encode and decode again — or be refused when it is read, with a
 * message that says why.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { canonicalRate } from "../../src/adapters/platformCodecs.js";
import {
  decodeOrder,
  decodeRefundRequest,
  encodeOrder,
  fromMagentoOrder,
  fromShopifyOrder,
  type Order,
} from "../../src/index.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

function problems<T>(
  result: E.Either<readonly { code: string; path?: string; message: string }[], T>,
) {
  if (E.isRight(result)) throw new Error("expected errors");
  return result.left.map((e) => [e.code, e.path, e.message]);
}

const roundTrips = (order: Order) =>
  expect(decodeOrder(encodeOrder(order))).toEqual(E.right(order));

describe("amounts are bounded at 10^18 minor units when decoded (§1)", () => {
  const withPrice = (price: string) => ({
    id: "1",
    currency: "USD",
    lineItems: [{ id: "a", quantity: 1, price }],
  });

  it("10^18 minor units (10^16 dollars) is read and written back", () => {
    const order = decodeOrder(withPrice("10000000000000000.00"));
    if (E.isLeft(order)) throw new Error(order.left[0].message);
    expect(order.right.lineItems[0]?.price.shop).toBe(10n ** 18n);
    roundTrips(order.right);
  });

  it("one minor unit more, and a 62-digit amount, are refused with the limit", () => {
    const message =
      "The value at lineItems[0].price is more than 10^18 minor units of USD, the largest amount refund-core keeps exact (§1).";
    expect(problems(decodeOrder(withPrice("10000000000000000.01")))).toEqual([
      ["INVALID_INPUT", "lineItems[0].price", message],
    ]);
    // 62 digits decoded before, then were written back as 65 characters
    // ("…00.00"), past the 64 a decimal may have.
    expect(problems(decodeOrder(withPrice("9".repeat(62))))).toEqual([
      ["INVALID_INPUT", "lineItems[0].price", message],
    ]);
  });

  it("a free amount whose digits pass 10^18 is refused too", () => {
    expect(problems(decodeRefundRequest({ amount: `1${"0".repeat(18)}.1` }))).toEqual([
      [
        "INVALID_INPUT",
        "amount",
        "The value at amount is more than 10^18 minor units, the largest amount refund-core keeps exact (§1).",
      ],
    ]);
    expect(E.isRight(decodeRefundRequest({ amount: `1${"0".repeat(16)}.00` }))).toBe(true);
  });
});

describe("Shopify tax rates become decimal strings (§1)", () => {
  const withRate = (rate: unknown) => {
    const json = fixture("shopify-order-450789469.json") as {
      order: { line_items: { tax_lines: { rate: unknown }[] }[] };
    };
    const line = json.order.line_items[0];
    const tax = line?.tax_lines[0];
    if (tax === undefined) throw new Error("fixture");
    tax.rate = rate;
    return json;
  };

  it("1e-7 is read as 0.0000001, and the order round-trips", () => {
    const order = fromShopifyOrder(withRate(1e-7));
    if (E.isLeft(order)) throw new Error(order.left[0].message);
    expect(order.right.lineItems[0]?.taxLines[0]?.rate).toBe("0.0000001");
    roundTrips(order.right);
  });

  it("a negative rate is refused where it is written", () => {
    const result = problems(fromShopifyOrder(withRate(-0.06)));
    expect(result).toHaveLength(1);
    expect(result[0]?.[0]).toBe("INVALID_INPUT");
    expect(result[0]?.[1]).toBe("line_items[0].tax_lines[0].rate");
    expect(result[0]?.[2]).toContain("must not be negative");
  });

  it.each([
    ["0.06", "0.06"],
    ["1e-7", "0.0000001"],
    ["1.5e-10", "0.00000000015"],
    ["1e+21", "1000000000000000000000"],
    ["2.5E2", "250"],
    ["-0.06", undefined],
    ["abc", undefined],
    ["1e-70", undefined],
  ])("canonicalRate(%j) is %j", (text, expected) => {
    expect(canonicalRate(text)).toBe(expected);
  });
});

describe("a Magento credit memo with a negative total is refused when read", () => {
  it("instead of making an order that does not decode again", () => {
    // One tee (22.00 − 2.20 discount + 1.64 tax = 21.44) refunded with an
    // adjustment_negative of 30.00: 21.44 − 30.00 = −8.56.
    const base = fixture("magento-order-5.json") as { items: Record<string, unknown>[] };
    const json = {
      ...base,
      items: base.items.map((item, i) => (i === 0 ? { ...item, qty_refunded: 1 } : item)),
      creditmemos: [
        {
          entity_id: 7,
          items: [{ order_item_id: 3, qty: 1, discount_amount: 2.2, tax_amount: 1.64 }],
          adjustment_negative: 30,
          grand_total: -8.56,
        },
      ],
    };
    const result = problems(fromMagentoOrder(json));
    expect(result).toContainEqual([
      "INVALID_INPUT",
      "creditmemos[0]",
      "The value at creditmemos[0] refunds a negative total (its negative adjustment is more than it refunds); a refund's total is never negative.",
    ]);
  });
});

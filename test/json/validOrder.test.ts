/**
 * The decoders' fast path (`src/json/validOrder.ts`) against the codec it
 * stands in for: whatever it accepts, the codec accepts and reads to the
 * same order (values, keys and their order); whatever the codec refuses, it
 * leaves to the codec. On random valid orders, on the same orders with one
 * value replaced by junk, and on hand-picked amounts.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Order } from "../../src/domain/order.js";
import { orderShapeError } from "../../src/domain/shapes.js";
import {
  decodeOrder,
  decodeOrderByCodec,
  decodeOrderForAudit,
  encodeOrder,
} from "../../src/json/order.js";
import { readValidOrder } from "../../src/json/validOrder.js";
import { orderArb } from "./arbitraries.js";

/** `value` with every key, in order, and bigints tagged: equal only for the same keys in the same order. */
function ordered(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).map(([k, v]) => [k, ordered(v)]);
  return value;
}

/** The fast path agrees with the codec on `json`, for both decoders; returns whether it read it. */
function agrees(json: unknown): boolean {
  const fast = readValidOrder(json);
  for (const forAudit of [false, true]) {
    const codec = decodeOrderByCodec(json, forAudit);
    const decoded = forAudit ? decodeOrderForAudit(json) : decodeOrder(json);
    expect(decoded).toStrictEqual(codec);
    // The audit does not check the shape of an order the decoder read again.
    if (decoded._tag === "Right") expect(orderShapeError(decoded.right)).toBeUndefined();
    if (fast === undefined) continue;
    expect(codec._tag).toBe("Right");
    if (codec._tag !== "Right") continue;
    expect(fast).toStrictEqual(codec.right);
    expect(ordered(fast)).toEqual(ordered(codec.right));
  }
  return fast !== undefined;
}

/** The JSON of `order` as a file holds it. */
const jsonOf = (order: Order): unknown => JSON.parse(JSON.stringify(encodeOrder(order)));

/** `value` with every bigint cut to 12 digits: amounts the fast path reads (it leaves longer ones to the codec). */
function smallAmounts<T>(value: T): T {
  if (typeof value === "bigint") return (value % 10n ** 12n) as T;
  if (Array.isArray(value)) return value.map(smallAmounts) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, smallAmounts(v)])) as T;
  return value;
}

/** All paths into a JSON value (arrays by index, objects by key). */
function paths(json: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(json)) return here.concat(...json.map((v, i) => paths(v, [...prefix, i])));
  if (typeof json === "object" && json !== null)
    return here.concat(...Object.entries(json).map(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

const DELETE = Symbol("delete");

/** A copy of `json` with the value at `path` replaced (or, for {@link DELETE}, removed). */
function replaceAt(json: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(json)) return json.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k !== head) copy[k] = v;
    else if (!(rest.length === 0 && value === DELETE)) copy[k] = replaceAt(v, rest, value);
  }
  return copy;
}

/** Values the fast path must refuse, leave to the codec, or read as the codec does. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    DELETE,
    -1,
    0,
    1,
    2.5,
    1e21,
    Number.NaN,
    "",
    "0",
    "00",
    "01.00",
    "1.",
    ".5",
    "1..0",
    "-0.00",
    "-1.00",
    "--1.00",
    "-",
    "+1.00",
    " 1.00",
    "1.00 ",
    "1e3",
    "1.000",
    "1.0000",
    "999999999999999",
    "9999999999999.99",
    "99999999999999.99",
    "1000000000000000000",
    "١٢",
    "USD",
    "EUR",
    "JPY",
    "usd",
    "no_restock",
    "cancel",
    "return",
    true,
    false,
    [],
    {},
    { shop: "1.00", presentment: "2.00" },
    { shop: "1.00" },
    { shop: "-1.00", presentment: "-1.00" },
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
);

describe("the fast path of decodeOrder", () => {
  test.prop([orderArb.map(smallAmounts)])(
    "reads every valid order it is given, as the codec does",
    (order) => {
      expect(agrees(jsonOf(order))).toBe(true);
    },
  );

  test.prop([orderArb])("agrees with the codec on orders with amounts up to 10^18", (order) => {
    agrees(jsonOf(order));
  });

  test.prop([
    orderArb.map(smallAmounts).chain((order) => {
      const json = jsonOf(order);
      const all = paths(json);
      return fc
        .tuple(fc.integer({ min: 0, max: all.length - 1 }), junk)
        .map(([i, value]) => replaceAt(json, all[i] ?? [], value));
    }),
  ])("agrees with the codec when one value is junk or missing", (json) => {
    agrees(json);
  });

  test.prop([fc.jsonValue(), fc.anything({ withNullPrototype: true, withBigInt: true })])(
    "agrees with the codec on any value",
    (json, anything) => {
      agrees(json);
      agrees(anything);
    },
  );
});

/** A one-line order in `currency` with `price` and a refund of it whose subtotal is `subtotal`. */
function orderWith(currency: string, price: unknown, extra: Record<string, unknown> = {}): unknown {
  return {
    id: "1",
    currency,
    lineItems: [{ id: "a", quantity: 1, price }],
    invoices: [{ id: "i", amount: price, online: true }],
    ...extra,
  };
}

describe("amounts, worked by hand", () => {
  it("reads a decimal string as minor units of the order's currency", () => {
    const cases: [string, string, bigint][] = [
      ["USD", "105.00", 10_500n],
      ["USD", "105", 10_500n],
      ["USD", "0.5", 50n],
      ["JPY", "1500", 1_500n],
      ["KWD", "1.25", 1_250n],
      ["KWD", "0.001", 1n],
      ["USD", "9999999999999.99", 999_999_999_999_999n],
    ];
    for (const [currency, price, minor] of cases) {
      const json = orderWith(currency, price);
      expect(agrees(json)).toBe(true);
      expect(readValidOrder(json)?.lineItems[0]?.price).toEqual({
        shop: minor,
        presentment: minor,
      });
    }
  });

  it("leaves valid forms it does not read to the codec: numbers, 16 digits and more", () => {
    for (const price of [22, 2.5, "99999999999999.99", "1000000000000000"]) {
      const json = orderWith("USD", price);
      expect(readValidOrder(json)).toBeUndefined();
      expect(decodeOrder(json)._tag).toBe("Right");
      agrees(json);
    }
  });

  it("refuses what the codec refuses", () => {
    for (const price of ["1.001", "01.00", "1.", ".5", "-1.00", "+1", " 1", "1e3", "", null]) {
      const json = orderWith("USD", price);
      expect(readValidOrder(json)).toBeUndefined();
      expect(decodeOrder(json)._tag).toBe("Left");
    }
  });

  it("reads a bag of two currencies on a multi-currency order, and only a bag", () => {
    const bag = { shop: "10.00", presentment: "1200" };
    const json = orderWith("USD", bag, { presentmentCurrency: "JPY" });
    expect(agrees(json)).toBe(true);
    expect(readValidOrder(json)?.invoices[0]?.amount).toEqual({
      shop: 1_000n,
      presentment: 1_200n,
    });
    expect(
      readValidOrder(orderWith("USD", "10.00", { presentmentCurrency: "JPY" })),
    ).toBeUndefined();
  });

  it("reads a memo's signed amounts with their sign, and a memo in other currencies by the codec", () => {
    const order = orderWith("USD", "1.00");
    const memo = {
      id: "r1",
      orderId: "1",
      currency: "USD",
      lineItems: [],
      shipping: { amount: "0.00", tax: "0.00", maximumRefundable: "0.00" },
      adjustmentPositive: "0.00",
      adjustmentNegative: "0.00",
      subtotal: "-0.01",
      discount: "0.01",
      tax: "0.00",
      duties: "0.00",
      total: "0.00",
      maximumRefundable: "1.00",
      exchangeDifference: "-0.02",
    };
    const json = { ...(order as object), refunds: [memo] };
    expect(agrees(json)).toBe(true);
    const read = readValidOrder(json)?.refunds[0];
    expect(read?.subtotal).toEqual({ shop: -1n, presentment: -1n });
    expect(read?.exchangeDifference).toBe(-2n);
    expect(read?.taxesIncluded).toBe(false);
    // An unsigned amount with a sign is the codec's to refuse.
    expect(
      readValidOrder({ ...(order as object), refunds: [{ ...memo, total: "-0.01" }] }),
    ).toBeUndefined();
    // A memo in euros on a dollar order: the audit reads it in euros, decodeOrder refuses it.
    const foreign = { ...(order as object), refunds: [{ ...memo, currency: "EUR" }] };
    expect(readValidOrder(foreign)).toBeUndefined();
    expect(decodeOrderForAudit(foreign)._tag).toBe("Right");
    expect(decodeOrder(foreign)._tag).toBe("Left");
    agrees(foreign);
  });
});

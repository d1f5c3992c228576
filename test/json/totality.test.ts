import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  decodeCreditMemo,
  decodeOrder,
  decodeRefundRequest,
  encodeCreditMemo,
  encodeOrder,
  encodeRefundRequest,
  type RefundError,
} from "../../src/index.js";
import { currenciesArb, memoArb, orderArb, requestArb } from "./arbitraries.js";
import { pathOf } from "./helpers.js";

type Decoder = (json: unknown) => { _tag: "Left"; left: RefundError[] } | { _tag: "Right" };

const decoders: Record<string, Decoder> = {
  decodeOrder,
  decodeRefundRequest,
  decodeCreditMemo: (json) => decodeCreditMemo(json),
  "decodeCreditMemo in an order": (json) =>
    decodeCreditMemo(json, { currency: "USD", presentmentCurrency: "EUR" }),
};

/** Every error a decoder returns is an input error with a sentence, never the "unreadable" fallback. */
function expectWellFormedResult(result: ReturnType<Decoder>): void {
  if (result._tag === "Right") return;
  expect(result.left.length).toBeGreaterThan(0);
  for (const error of result.left) {
    expect(["INVALID_INPUT", "INCONSISTENT_ORDER"]).toContain(error.code);
    expect(error.message).toMatch(/^The (value at \S|input |order contradicts).*\.$/s);
    expect(error.message).not.toMatch(/could not be read as JSON data/);
  }
}

/** All paths into a JSON value (arrays by index, objects by key). */
function paths(json: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(json)) return here.concat(...json.map((v, i) => paths(v, [...prefix, i])));
  if (typeof json === "object" && json !== null) {
    return here.concat(...Object.entries(json).map(([k, v]) => paths(v, [...prefix, k])));
  }
  return here;
}

/** A copy of `json` with the value at `path` replaced (or, for "delete", removed). */
function replaceAt(json: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(json)) {
    return json.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
  }
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k !== head) copy[k] = v;
    else if (!(rest.length === 0 && value === DELETE)) copy[k] = replaceAt(v, rest, value);
  }
  return copy;
}
const DELETE = Symbol("delete");

const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    -1,
    1e21,
    1e-7,
    0.1 + 0.2,
    "",
    "-1.00",
    "1e3",
    " 1.00",
    "x".repeat(100_000),
    [],
    {},
    DELETE,
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
);

/** Valid documents with one value replaced by junk or removed. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return valid.chain((json) => {
    const all = paths(json);
    return fc
      .tuple(fc.integer({ min: 0, max: all.length - 1 }), junk)
      .map(([i, value]) => replaceAt(json, all[i] ?? [], value));
  });
}

const validJson: Record<string, fc.Arbitrary<unknown>> = {
  decodeOrder: orderArb.map(encodeOrder),
  decodeRefundRequest: requestArb.map(encodeRefundRequest),
  decodeCreditMemo: currenciesArb.chain(memoArb).map(encodeCreditMemo),
  "decodeCreditMemo in an order": memoArb({ currency: "USD", presentmentCurrency: "EUR" }).map(
    encodeCreditMemo,
  ),
};

describe.each(Object.entries(decoders))("%s is total", (name, decode) => {
  test.prop([fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true })])(
    "never throws on any value",
    (value) => {
      expectWellFormedResult(decode(value));
    },
  );

  test.prop([fc.jsonValue()])("never throws on any JSON value", (value) => {
    expectWellFormedResult(decode(value));
  });

  test.prop([mutated(validJson[name] ?? fc.constant(null))])(
    "reports input errors for mutated valid documents",
    (value) => {
      expectWellFormedResult(decode(value));
    },
  );
});

describe("hostile inputs", () => {
  test("__proto__ and constructor keys neither pollute nor leak into the result", () => {
    const text =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "id": "5", "currency": "USD",' +
      ' "lineItems": [{"__proto__": {"quantity": 3}, "id": "1", "quantity": 1, "price": "1.00"}]}';
    const result = decodeOrder(JSON.parse(text));
    expect(result._tag).toBe("Right");
    if (result._tag !== "Right") return;
    expect(Object.getPrototypeOf(result.right)).toBe(Object.prototype);
    expect(Object.hasOwn(result.right, "__proto__")).toBe(false);
    expect(Object.hasOwn(result.right, "constructor")).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(result.right.lineItems[0]?.quantity).toBe(1);
  });

  test("inherited properties are not read as fields", () => {
    const proto = { id: "5", currency: "USD" };
    const result = decodeOrder(Object.create(proto));
    expect(result._tag).toBe("Left");
    if (result._tag === "Left")
      expect(result.left.map((e) => pathOf(e))).toEqual(["id", "currency"]);
  });

  test("a getter that throws is reported as unreadable input, not thrown", () => {
    const evil = {
      get id(): string {
        throw new Error("boom");
      },
    };
    const result = decodeOrder(evil);
    expect(result).toEqual({
      _tag: "Left",
      left: [
        { code: "INVALID_INPUT", path: "", message: "The input could not be read as JSON data." },
      ],
    });
  });

  test("a 10 MB string where an amount is expected is refused quickly", () => {
    const big = "9".repeat(10_000_000);
    const started = performance.now();
    const result = decodeRefundRequest({
      amount: big,
      note: big,
      lineItems: [{ sku: big, quantity: 1 }],
    });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result._tag).toBe("Left");
    if (result._tag === "Left") expect(result.left.map((e) => pathOf(e))).toEqual(["amount"]);
  });

  test("deeply nested junk is not walked", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = decodeOrder({ id: "1", currency: "USD", lineItems: deep, refunds: { a: deep } });
    expect(result._tag).toBe("Left");
    if (result._tag === "Left") {
      expect(result.left.map((e) => pathOf(e))).toEqual(["lineItems[0]", "refunds"]);
    }
  });

  test("null everywhere: required fields report null, optional ones are absent", () => {
    const result = decodeOrder({
      id: null,
      currency: null,
      presentmentCurrency: null,
      taxesIncluded: null,
      lineItems: null,
      shippingLines: null,
      invoices: null,
      refunds: null,
    });
    expect(result._tag).toBe("Left");
    if (result._tag === "Left") {
      expect(result.left.map((e) => pathOf(e))).toEqual(["id", "currency"]);
      expect(result.left[0]?.message).toMatch(/not null/);
    }
  });
});

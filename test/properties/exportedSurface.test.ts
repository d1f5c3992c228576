/**
 * The whole exported surface is total for JavaScript callers (issue 12,
 * finding 11): every function exported from the package root — found by
 * enumerating the module, so that a function added later is covered
 * without touching this file — returns for arbitrary JavaScript values,
 * Proxies whose traps throw, objects whose getters throw, valid documents
 * and domain values with one part replaced by any of those, and any number
 * of arguments. It never throws.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as api from "../../src/index.js";
import { applied, unitRequest } from "../support/apply.js";
import { magentoOrder, shopifyOrder } from "../support/fixtures.js";
import { RUNS } from "./support.js";

/**
 * Every function among the root's exports, and every function one level
 * inside an exported object (the `refundErrors` builders, each platform of
 * `PLATFORMS`), named `object.member` or `object.key.member`.
 */
function exportedFunctions(): [string, (...args: unknown[]) => unknown][] {
  const found: [string, (...args: unknown[]) => unknown][] = [];
  const visit = (name: string, value: unknown, depth: number) => {
    if (typeof value === "function") found.push([name, value as (...args: unknown[]) => unknown]);
    else if (depth < 2 && typeof value === "object" && value !== null && !Array.isArray(value))
      for (const [key, inner] of Object.entries(value)) visit(`${name}.${key}`, inner, depth + 1);
  };
  for (const [name, value] of Object.entries(api)) visit(name, value, 0);
  return found;
}

const boom = (): never => {
  throw new Error("hostile");
};

/** A Proxy of `target` all of whose traps throw. */
function throwingProxy(target: object): object {
  return new Proxy(target, {
    get: boom,
    has: boom,
    ownKeys: boom,
    getOwnPropertyDescriptor: boom,
    getPrototypeOf: boom,
    defineProperty: boom,
    set: boom,
    deleteProperty: boom,
    isExtensible: boom,
    preventExtensions: boom,
    setPrototypeOf: boom,
  });
}

/** The field names the library reads, each a getter that throws (plus toString/valueOf/toJSON). */
const FIELDS = [
  "id",
  "currency",
  "presentmentCurrency",
  "taxesIncluded",
  "lineItems",
  "shippingLines",
  "invoices",
  "refunds",
  "amount",
  "shop",
  "presentment",
  "coefficient",
  "scale",
  "code",
  "exponent",
  "idempotencyKey",
  "full",
  "shipping",
  "transactions",
  "line_items",
  "refund_line_items",
  "items",
  "order",
  "toString",
  "valueOf",
  "toJSON",
] as const;

function throwingGetters(keys: readonly string[]): object {
  const o = {};
  for (const key of keys) Object.defineProperty(o, key, { get: boom, enumerable: true });
  return o;
}

/**
 * A hostile value, described: fast-check reads the values it generates (to
 * clone and to print them), which a throwing Proxy or getter would not
 * survive, so the property builds them from these descriptions.
 */
type Hostile =
  | { readonly proxy: "object" | "array" | "function" }
  | { readonly getters: readonly string[] }
  | { readonly nullPrototype: true }
  | { readonly symbol: true };

const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  fc.constantFrom("object", "array", "function").map((proxy) => ({ proxy }) as const),
  fc.subarray([...FIELDS], { minLength: 1 }).map((getters) => ({ getters })),
  fc.constant({ nullPrototype: true } as const),
  fc.constant({ symbol: true } as const),
);

function buildHostile(h: Hostile): unknown {
  if ("proxy" in h)
    return throwingProxy(h.proxy === "array" ? [] : h.proxy === "function" ? () => undefined : {});
  if ("getters" in h) return throwingGetters(h.getters);
  if ("nullPrototype" in h) return Object.create(null);
  return Symbol("s");
}

/** The Magento tutorial's order after one tee refunded, and that refund's memo. */
const refunded = applied(magentoOrder, unitRequest("3"));

const SAMPLES: readonly unknown[] = [
  magentoOrder,
  refunded.order,
  refunded.memo,
  api.encodeCreditMemo(refunded.memo),
  shopifyOrder,
  api.encodeOrder(magentoOrder),
  {
    lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }],
    refundDuties: true,
    full: false,
    notify: false,
  },
  { lineItems: [], refundDuties: false, full: true, notify: false },
  { amount: "1.00" },
  { coefficient: 1999n, scale: 2 },
  { code: "USD", exponent: 2 },
  "19.99",
  "USD",
  1999n,
  "default",
];

/** A copy of `value` with the value at one path (picked by `pick`) replaced by `replacement`. */
function replacedAt(value: unknown, pick: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number) => {
    paths.push(path);
    if (depth > 5 || typeof v !== "object" || v === null) return;
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i], depth + 1);
    else for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(value, [], 0);
  const path = paths[pick % paths.length] ?? [];
  const set = (v: unknown, rest: (string | number)[]): unknown => {
    if (rest.length === 0) return replacement;
    const [head, ...tail] = rest;
    if (Array.isArray(v)) return v.map((x, i) => (i === head ? set(x, tail) : x));
    const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    copy[head as string] = set(copy[head as string], tail);
    return copy;
  };
  return set(value, path);
}

const plainArb = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** An argument, described: a plain value, a hostile one, a sample, or a sample with one part replaced. */
type Value =
  | { readonly plain: unknown }
  | { readonly hostile: Hostile }
  | { readonly sample: number }
  | { readonly sample: number; readonly pick: number; readonly part: Value };

const leafArb: fc.Arbitrary<Value> = fc.oneof(
  plainArb.map((plain) => ({ plain })),
  hostileArb.map((hostile) => ({ hostile })),
);

const valueArb: fc.Arbitrary<Value> = fc.oneof(
  leafArb,
  fc.nat({ max: SAMPLES.length - 1 }).map((sample) => ({ sample })),
  fc
    .record({ sample: fc.nat({ max: SAMPLES.length - 1 }), pick: fc.nat(), part: leafArb })
    .map((v) => v),
);

function build(v: Value): unknown {
  if ("plain" in v) return v.plain;
  if ("hostile" in v) return buildHostile(v.hostile);
  const sample = SAMPLES[v.sample];
  return "part" in v ? replacedAt(sample, v.pick, build(v.part)) : sample;
}

const argsArb = fc.array(valueArb, { maxLength: 4 });

describe("the exported surface", () => {
  const functions = exportedFunctions();

  test("is enumerated (the root exports functions)", () => {
    expect(functions.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "calculate",
        "applyRefund",
        "audit",
        "decodeOrder",
        "encodeOrder",
        "refundErrors.moneyOverRefund",
        "PLATFORMS.shopify.emitRequest",
      ]),
    );
  });

  describe.each(functions)("%s", (_name, f) => {
    test.prop([argsArb], RUNS)("returns for any arguments, never throws", (args) => {
      let thrown: unknown;
      try {
        f(...args.map(build));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeUndefined();
    });
  });
});

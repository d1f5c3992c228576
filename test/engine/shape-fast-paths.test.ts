/**
 * The shape check's fast paths (src/domain/shapes.ts, issue 15 part 2):
 * hand-written predicates for the per-line records answer "sound" without
 * the compiled check, which runs only on what they refuse. A predicate that
 * said yes to a wrong field would let it through silently, so every field
 * they read is spoilt here, one at a time, in an order with one of each
 * record (a line with a discount, tax line and duty with a tax line, a
 * shipping line, an invoice; a request line with every field), and must be
 * `INVALID_INPUT` at that field's path — the compiled check's message.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { currenciesShapeError } from "../../src/domain/shapes.js";
import { calculate, isMultiCurrency, type Order, type RefundRequest } from "../../src/index.js";
import {
  dec,
  discount,
  duty,
  invoice,
  line,
  order,
  request,
  shippingLine,
  tax,
} from "../support/builders.js";

const sound: Order = order({
  lineItems: [
    line("a", 1, "1.00", { sku: "A" }),
    line("b", 2, "10.00", {
      sku: "B",
      title: "Bee",
      discountAllocations: [discount("1.00")],
      taxLines: [tax("1.80", "VAT", "0.1")],
      duties: [duty("d", "0.50", [tax("0.05")])],
    }),
  ],
  shippingLines: [
    shippingLine("s", "5.00", {
      title: "Post",
      discountAllocations: [discount("1.00")],
      taxLines: [tax("0.40")],
    }),
  ],
  invoices: [invoice("i", "30.00")],
});

const soundRequest: RefundRequest = request({
  lineItems: [
    { lineItemId: "a", sku: "A", quantity: 1, restock: "no_restock", locationId: "l" },
    { lineItemId: "b", amount: dec("1.00"), restock: "no_restock" },
  ],
});

/** `path` set to `value` in a deep copy of `root` (path as the error spells it, after the argument). */
function spoilt<T>(root: T, path: readonly (string | number)[], value: unknown): T {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy as T;
}

const spell = (argument: string, path: readonly (string | number)[]) =>
  path.reduce<string>(
    (text, step) => (typeof step === "number" ? `${text}[${step}]` : `${text}.${step}`),
    argument,
  );

function invalidPaths(result: ReturnType<typeof calculate>): (string | undefined)[] {
  if (E.isRight(result)) return [];
  return result.left.filter((e) => e.code === "INVALID_INPUT").map((e) => e.path);
}

// [path, a wrong value]: required fields also get `undefined`, optional ones `null`.
const BAG = { shop: 1n, presentment: 1 };
const orderFields: [readonly (string | number)[], unknown][] = [
  [["id"], 1],
  [["currency"], undefined],
  [["presentmentCurrency"], 2],
  [["taxesIncluded"], "no"],
  [["lineItems"], {}],
  [["lineItems", 1], null],
  [["lineItems", 1, "id"], undefined],
  [["lineItems", 1, "sku"], null],
  [["lineItems", 1, "title"], 3],
  [["lineItems", 1, "quantity"], "2"],
  [["lineItems", 1, "price"], BAG],
  [
    ["lineItems", 1, "price"],
    [1n, 1n],
  ],
  [["lineItems", 1, "discountAllocations"], undefined],
  [["lineItems", 1, "discountAllocations", 0, "amount"], 1n],
  [["lineItems", 1, "discountAllocations", 0, "title"], null],
  [["lineItems", 1, "taxLines", 0], "tax"],
  [["lineItems", 1, "taxLines", 0, "title"], undefined],
  [["lineItems", 1, "taxLines", 0, "rate"], 0.1],
  [["lineItems", 1, "taxLines", 0, "amount"], BAG],
  [["lineItems", 1, "duties"], "none"],
  [["lineItems", 1, "duties", 0, "id"], 7],
  [["lineItems", 1, "duties", 0, "amount"], null],
  [["lineItems", 1, "duties", 0, "taxLines"], undefined],
  [["lineItems", 1, "duties", 0, "taxLines", 0, "amount"], BAG],
  [["lineItems", 1, "fulfilledQuantity"], undefined],
  [["shippingLines"], null],
  [["shippingLines", 0, "id"], undefined],
  [["shippingLines", 0, "title"], null],
  [["shippingLines", 0, "price"], BAG],
  [["shippingLines", 0, "discountAllocations", 0, "amount"], BAG],
  [["shippingLines", 0, "taxLines", 0, "title"], 1],
  [["invoices", 0], []],
  [["invoices", 0, "id"], 1],
  [["invoices", 0, "amount"], undefined],
  [["invoices", 0, "gateway"], null],
  [["invoices", 0, "online"], 1],
  [["refunds"], undefined],
];

const requestFields: [readonly (string | number)[], unknown][] = [
  [["lineItems"], undefined],
  [["lineItems", 0], 1],
  [["lineItems", 0, "lineItemId"], null],
  [["lineItems", 0, "sku"], 1],
  [["lineItems", 0, "quantity"], "1"],
  [["lineItems", 1, "amount"], "1.00"],
  [["lineItems", 1, "amount"], { coefficient: 100, scale: 2 }],
  [["lineItems", 0, "restock"], "restock"],
  [["lineItems", 0, "locationId"], 9],
  [["refundDuties"], undefined],
  [["full"], "yes"],
  [["notify"], null],
  [["amount"], 5],
];

// Every optional request field present, for the fields after `lineItems`
// (the fast path that reads them by name, issue 15 part 2, perf3).
const fullRequest: RefundRequest = request({
  lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }],
  shipping: { fullRefund: false, amount: dec("1.00") },
  adjustmentPositive: dec("0.50"),
  adjustmentNegative: dec("0.50"),
  amount: dec("2.00"),
  currency: "USD",
  transactions: [{ invoiceId: "i", amount: dec("2.00") }],
  reason: "r",
  note: "n",
  idempotencyKey: "k",
});

const restFields: [readonly (string | number)[], unknown][] = [
  [["shipping"], null],
  [["shipping"], 1],
  [["shipping", "fullRefund"], undefined],
  [["shipping", "amount"], "1.00"],
  [["adjustmentPositive"], null],
  [["adjustmentNegative"], 1],
  [["amount"], { coefficient: 200n, scale: "2" }],
  [["currency"], null],
  [["invoiceId"], 1],
  [["transactions"], {}],
  [["transactions", 0], "i"],
  [["transactions", 0, "invoiceId"], undefined],
  [["transactions", 0, "amount"], 2],
  [["reason"], 1],
  [["note"], null],
  [["notify"], "no"],
  [["idempotencyKey"], 5],
];

describe("shape fast paths (issue 15 part 2)", () => {
  it("the request with every optional field has no INVALID_INPUT", () => {
    expect(invalidPaths(calculate(sound, fullRequest))).toEqual([]);
  });

  it.each(restFields)("request.%j spoilt is INVALID_INPUT at its path", (path, value) => {
    expect(invalidPaths(calculate(sound, spoilt(fullRequest, path, value)))).toEqual([
      spell("request", path),
    ]);
  });

  it("the sound order and request pass", () => {
    expect(invalidPaths(calculate(sound, soundRequest))).toEqual([]);
  });

  it.each(orderFields)("order.%j spoilt is INVALID_INPUT at its path", (path, value) => {
    expect(invalidPaths(calculate(spoilt(sound, path, value), soundRequest))).toEqual([
      spell("order", path),
    ]);
  });

  it.each(requestFields)("request.%j spoilt is INVALID_INPUT at its path", (path, value) => {
    expect(invalidPaths(calculate(sound, spoilt(soundRequest, path, value)))).toEqual([
      spell("request", path),
    ]);
  });
});

describe("the currencies fast path (issue 15 part 2)", () => {
  const both = { currency: "USD", presentmentCurrency: "EUR" };

  it("a value with both codes has no error, and is multi-currency when they differ", () => {
    expect(currenciesShapeError(both)).toBeUndefined();
    expect(isMultiCurrency(both)).toBe(true);
    expect(isMultiCurrency({ ...both, presentmentCurrency: "USD" })).toBe(false);
  });

  it.each([
    ["currency missing", { presentmentCurrency: "EUR" }, "order.currency", "a string"],
    ["currency a number", { ...both, currency: 1 }, "order.currency", "a string"],
    [
      "presentmentCurrency null",
      { ...both, presentmentCurrency: null },
      "order.presentmentCurrency",
      "a string",
    ],
    ["an array with both codes", Object.assign([], both), "order", "a document with currencies"],
    ["null", null, "order", "a document with currencies"],
  ])("%s: INVALID_INPUT at its path, and not multi-currency", (_, value, path, expected) => {
    expect(currenciesShapeError(value)).toMatchObject({ code: "INVALID_INPUT", path });
    expect(currenciesShapeError(value)?.message).toContain(`must be ${expected}`);
    expect(isMultiCurrency(value as typeof both)).toBe(false);
  });
});

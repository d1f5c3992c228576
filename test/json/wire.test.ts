/**
 * The wire types (`OrderJson`, `CreditMemoJson`, `RefundRequestJson`) say
 * what the encoders write: every key an encoder writes is a key of its type,
 * of the kind the type gives, and every required key is written. The shapes
 * below are checked against the types at compile time (a key the type gains
 * or loses breaks `satisfies`), and against the encoders' output here.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type {
  CreditMemoFieldsJson,
  CreditMemoLineJson,
  DiscountJson,
  DutyJson,
  DutyRefundJson,
  InvoiceJson,
  LineItemJson,
  OrderJson,
  RefundLineRequestJson,
  RefundRequestJson,
  RefundTransactionJson,
  ShippingLineJson,
  ShippingLineRefundJson,
  ShippingRefundJson,
  ShippingRequestJson,
  TaxLineJson,
  TransactionRequestJson,
} from "../../src/index.js";
import { encodeCreditMemo, encodeOrder, encodeRefundRequest } from "../../src/index.js";
import { currenciesArb, memoArb, orderArb, requestArb } from "./arbitraries.js";

/** What a field holds; a trailing `?` marks a key the encoder may leave out. */
type Kind =
  | "string"
  | "string?"
  | "string|null"
  | "number"
  | "number?"
  | "boolean"
  | "amount"
  | "amount|null"
  | "restock"
  | { readonly list: Shape }
  | { readonly object: Shape; readonly optional?: true };

interface Shape {
  readonly [key: string]: Kind;
}

/** A shape with exactly the keys of `T`. */
type ShapeOf<T> = { readonly [K in keyof Required<T>]: Kind };

const taxLine = { title: "string", rate: "string?", amount: "amount" } satisfies ShapeOf<
  TaxLineJson<string>
>;
const discount = { title: "string?", amount: "amount" } satisfies ShapeOf<DiscountJson<string>>;
const duty = { id: "string", amount: "amount", taxLines: { list: taxLine } } satisfies ShapeOf<
  DutyJson<string>
>;
const lineItem = {
  id: "string",
  sku: "string?",
  title: "string?",
  quantity: "number",
  price: "amount",
  discountAllocations: { list: discount },
  taxLines: { list: taxLine },
  duties: { list: duty },
  fulfilledQuantity: "number",
} satisfies ShapeOf<LineItemJson<string>>;
const shippingLine = {
  id: "string",
  title: "string?",
  price: "amount",
  discountAllocations: { list: discount },
  taxLines: { list: taxLine },
} satisfies ShapeOf<ShippingLineJson<string>>;
const invoice = {
  id: "string",
  amount: "amount",
  gateway: "string?",
  online: "boolean",
} satisfies ShapeOf<InvoiceJson<string>>;
const dutyRefund = {
  dutyId: "string",
  amount: "amount",
  taxLines: { list: taxLine },
} satisfies ShapeOf<DutyRefundJson<string>>;
const memoLine = {
  lineItemId: "string",
  quantity: "number",
  price: "amount",
  gross: "amount",
  discount: "amount",
  subtotal: "amount",
  tax: "amount",
  discountAllocations: { list: discount },
  taxLines: { list: taxLine },
  duties: { list: dutyRefund },
  total: "amount",
  restock: "restock",
  locationId: "string|null",
  amount: "amount|null",
} satisfies ShapeOf<CreditMemoLineJson<string>>;
const shippingLineRefund = {
  shippingLineId: "string",
  amount: "amount",
  taxLines: { list: taxLine },
} satisfies ShapeOf<ShippingLineRefundJson<string>>;
const shippingRefund = {
  amount: "amount",
  tax: "amount",
  maximumRefundable: "amount",
  lines: { list: shippingLineRefund },
} satisfies ShapeOf<ShippingRefundJson<string>>;
const transaction = {
  invoiceId: "string",
  gateway: "string|null",
  online: "boolean",
  amount: "amount",
  maximumRefundable: "amount",
} satisfies ShapeOf<RefundTransactionJson<string>>;
const memoFields = {
  id: "string",
  orderId: "string",
  currency: "string",
  lineItems: { list: memoLine },
  shipping: { object: shippingRefund },
  adjustmentPositive: "amount",
  adjustmentNegative: "amount",
  subtotal: "amount",
  discount: "amount",
  tax: "amount",
  duties: "amount",
  total: "amount",
  maximumRefundable: "amount",
  transactions: { list: transaction },
  reason: "string|null",
  note: "string|null",
  notify: "boolean",
  idempotencyKey: "string|null",
  exchangeDifference: "string?",
  taxesIncluded: "boolean",
} satisfies ShapeOf<CreditMemoFieldsJson<string>>;
/** A memo: single-currency ones have no `presentmentCurrency`, multi-currency ones have it. */
const memo: Shape = { ...memoFields, presentmentCurrency: "string?" };
const order = {
  id: "string",
  currency: "string",
  presentmentCurrency: "string",
  taxesIncluded: "boolean",
  lineItems: { list: lineItem },
  shippingLines: { list: shippingLine },
  invoices: { list: invoice },
  refunds: { list: memo },
} satisfies ShapeOf<OrderJson<string>>;
const lineRequest = {
  lineItemId: "string?",
  sku: "string?",
  quantity: "number?",
  amount: "string?",
  restock: "restock",
  locationId: "string?",
} satisfies ShapeOf<RefundLineRequestJson>;
const shippingRequest = {
  fullRefund: "boolean",
  amount: "string?",
} satisfies ShapeOf<ShippingRequestJson>;
const transactionRequest = {
  invoiceId: "string",
  amount: "string",
} satisfies ShapeOf<TransactionRequestJson>;
const request = {
  lineItems: { list: lineRequest },
  shipping: { object: shippingRequest, optional: true },
  refundDuties: "boolean",
  adjustmentPositive: "string?",
  adjustmentNegative: "string?",
  amount: "string?",
  full: "boolean",
  currency: "string?",
  invoiceId: "string?",
  transactions: { list: transactionRequest },
  reason: "string?",
  note: "string?",
  notify: "boolean",
  idempotencyKey: "string?",
} satisfies ShapeOf<RefundRequestJson>;

const isAmount = (value: unknown, multi: boolean): boolean => {
  if (!multi) return typeof value === "string";
  if (typeof value !== "object" || value === null) return false;
  const bag = value as Record<string, unknown>;
  return (
    Object.keys(bag).sort().join() === "presentment,shop" &&
    typeof bag["shop"] === "string" &&
    typeof bag["presentment"] === "string"
  );
};

/** Where `value` departs from `shape`: `path: problem` lines, empty when it conforms. */
function departures(value: unknown, shape: Shape, multi: boolean, path = "$"): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return [`${path}: not an object`];
  const record = value as Record<string, unknown>;
  const problems = Object.keys(record)
    .filter((key) => !(key in shape))
    .map((key) => `${path}.${key}: written but not in the type`);
  for (const [key, kind] of Object.entries(shape)) {
    const at = `${path}.${key}`;
    const field = record[key];
    const present = Object.hasOwn(record, key);
    if (typeof kind === "string") {
      const optional = kind.endsWith("?");
      if (!present) {
        if (!optional) problems.push(`${at}: missing`);
        continue;
      }
      const ok = {
        string: typeof field === "string",
        "string?": typeof field === "string",
        "string|null": typeof field === "string" || field === null,
        number: typeof field === "number",
        "number?": typeof field === "number",
        boolean: typeof field === "boolean",
        amount: isAmount(field, multi),
        "amount|null": field === null || isAmount(field, multi),
        restock: field === "no_restock" || field === "cancel" || field === "return",
      }[kind];
      if (!ok) problems.push(`${at}: ${JSON.stringify(field)} is not ${kind}`);
    } else if ("list" in kind) {
      if (!present) {
        // Only the request's `transactions` may be absent; the type says so.
        if (key !== "transactions" || "orderId" in shape) problems.push(`${at}: missing`);
      } else if (!Array.isArray(field)) problems.push(`${at}: not a list`);
      else
        for (const [i, item] of field.entries())
          problems.push(...departures(item, kind.list, multi, `${at}[${i}]`));
    } else if (!present) {
      if (kind.optional !== true) problems.push(`${at}: missing`);
    } else problems.push(...departures(field, kind.object, multi, at));
  }
  return problems;
}

describe("the wire types describe what the encoders write", () => {
  test.prop([orderArb])("encodeOrder writes an OrderJson", (decoded) => {
    const json: OrderJson = encodeOrder(decoded);
    const multi = decoded.currency !== decoded.presentmentCurrency;
    expect(departures(json, order, multi)).toEqual([]);
  });

  test.prop([currenciesArb.chain(memoArb)])("encodeCreditMemo writes a CreditMemoJson", (m) => {
    const json = encodeCreditMemo(m);
    const multi = m.currency !== m.presentmentCurrency;
    expect(departures(json, memo, multi)).toEqual([]);
    // The discriminant of CreditMemoJson: presentmentCurrency is written exactly when multi.
    expect(json.presentmentCurrency !== undefined).toBe(multi);
  });

  test.prop([requestArb])("encodeRefundRequest writes a RefundRequestJson", (decoded) => {
    expect(departures(encodeRefundRequest(decoded), request, false)).toEqual([]);
  });

  test("the checker finds a key the type does not have, a missing key and a wrong kind", () => {
    // A memo line with three defects: an extra key, a missing total, a quantity as a string.
    const line = { ...Object.fromEntries(Object.keys(memoLine).map((k) => [k, "x"])) };
    const bad = { ...line, quantity: "1", extra: true } as Record<string, unknown>;
    delete bad["total"];
    expect(departures(bad, memoLine, false).filter((p) => !p.includes("is not"))).toEqual([
      "$.extra: written but not in the type",
      "$.discountAllocations: not a list",
      "$.taxLines: not a list",
      "$.duties: not a list",
      "$.total: missing",
    ]);
    expect(departures(bad, memoLine, false)).toContain('$.quantity: "1" is not number');
    expect(departures({ a: { shop: "1.00" } }, { a: "amount" }, true)).toEqual([
      '$.a: {"shop":"1.00"} is not amount',
    ]);
    expect(isAmount({ shop: "1.00" }, true)).toBe(false);
    expect(isAmount("1.00", true)).toBe(false);
  });

  test("typed reads need no cast", () => {
    fc.assert(
      fc.property(currenciesArb.chain(memoArb), (m) => {
        const json = encodeCreditMemo(m);
        const total: string =
          json.presentmentCurrency === undefined ? json.total : json.total.presentment;
        expect(typeof total).toBe("string");
      }),
      { numRuns: 20 },
    );
  });
});

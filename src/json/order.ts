/**
 * The order in JSON ([§2](../../docs/specification.md#2-order)).
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { Duty, Invoice, LineItem, Order, ShippingLine } from "../domain/order.js";
import { orderShapeError } from "../domain/shapes.js";
import type { RefundError } from "../errors.js";
import type { AmountContext } from "./amount.js";
import { amountContext, contextKey, currencyCode, moneyBag } from "./amount.js";
import type { Codec, FieldProblem } from "./codec.js";
import {
  array,
  boolean,
  id,
  integer,
  isObject,
  map,
  memoized,
  optional,
  ownField,
  runPreparedDecoder,
  string,
  struct,
  withDefault,
} from "./codec.js";
import type { MemoCurrencies } from "./creditMemo.js";
import {
  auditedMemoCodec,
  creditMemoCodec,
  discountCodec,
  encodingContext,
  taxLineCodec,
} from "./creditMemo.js";
import { failureDocument } from "./json.js";
import { readValidOrder } from "./validOrder.js";
import type { OrderJson } from "./wire.js";

function lineItemCodec(ctx: AmountContext): Codec<LineItem> {
  const taxLines = withDefault(array(taxLineCodec(ctx), "a list of tax lines"), []);
  const duty: Codec<Duty> = struct(
    'a duty (a JSON object such as {"id": "d1", "amount": "1.50"})',
    {
      id,
      amount: moneyBag(ctx),
      taxLines,
    },
  );
  const fields = struct(
    'an order line (a JSON object such as {"id": "3", "quantity": 2, "price": "22.00"})',
    {
      id,
      sku: optional(string),
      title: optional(string),
      quantity: integer(1),
      price: moneyBag(ctx),
      discountAllocations: withDefault(array(discountCodec(ctx), "a list of discounts"), []),
      taxLines,
      duties: withDefault(array(duty, "a list of duties"), []),
      fulfilledQuantity: optional(integer(0)),
    },
    (f): FieldProblem[] =>
      f.quantity !== undefined &&
      f.fulfilledQuantity !== undefined &&
      f.fulfilledQuantity > f.quantity
        ? [
            {
              field: "fulfilledQuantity",
              problem: `must be a whole number from 0 to the line's quantity (${f.quantity})`,
            },
          ]
        : [],
  );
  return map(
    fields,
    (u): u is LineItem => isObject(u) && typeof u["fulfilledQuantity"] === "number",
    (f): LineItem => ({ ...f, fulfilledQuantity: f.fulfilledQuantity ?? f.quantity }),
    (line) => line,
  );
}

function shippingLineCodec(ctx: AmountContext): Codec<ShippingLine> {
  return struct('a shipping line (a JSON object such as {"id": "s1", "price": "15.00"})', {
    id,
    title: optional(string),
    price: moneyBag(ctx),
    discountAllocations: withDefault(array(discountCodec(ctx), "a list of discounts"), []),
    taxLines: withDefault(array(taxLineCodec(ctx), "a list of tax lines"), []),
  });
}

function invoiceCodec(ctx: AmountContext): Codec<Invoice> {
  return struct(
    'an invoice (a JSON object such as {"id": "inv-1", "amount": "59.37", "online": false})',
    {
      id,
      amount: moneyBag(ctx),
      gateway: optional(string),
      online: boolean,
    },
  );
}

/**
 * The order codec with amounts read in `ctx`; refunds must be in
 * `history`'s currencies (`memoCodec`: read otherwise, for an audit), and a
 * refund without `taxesIncluded` (a v1 memo) takes `taxesIncluded`, the
 * order's own.
 */
function orderCodec(
  ctx: AmountContext,
  history: MemoCurrencies | undefined,
  memoCodec: typeof creditMemoCodec = creditMemoCodec,
  taxesIncluded = false,
): Codec<Order> {
  const fields = struct('an order (a JSON object such as {"id": "5", "currency": "USD", ...})', {
    id,
    currency: currencyCode,
    presentmentCurrency: optional(currencyCode),
    taxesIncluded: withDefault(boolean, false),
    lineItems: withDefault(array(lineItemCodec(ctx), "a list of order lines"), []),
    shippingLines: withDefault(array(shippingLineCodec(ctx), "a list of shipping lines"), []),
    invoices: withDefault(array(invoiceCodec(ctx), "a list of invoices"), []),
    refunds: withDefault(
      array(
        memoCodec(ctx, history, taxesIncluded),
        "a list of credit memos (the refunds already made)",
      ),
      [],
    ),
  });
  return map(
    fields,
    (u): u is Order => isObject(u) && typeof u["presentmentCurrency"] === "string",
    (f): Order => {
      const { presentmentCurrency, ...rest } = f;
      return {
        id: rest.id,
        currency: rest.currency,
        presentmentCurrency: presentmentCurrency ?? rest.currency,
        taxesIncluded: rest.taxesIncluded,
        lineItems: rest.lineItems,
        shippingLines: rest.shippingLines,
        invoices: rest.invoices,
        refunds: rest.refunds,
      };
    },
    (order) => order,
  );
}

const orderDecoders = memoized<Codec<Order>>();
const auditOrderDecoders = memoized<Codec<Order>>();
const orderEncoders = memoized<Codec<Order>>();

/**
 * Reads an order in the JSON format of [§2](../../docs/specification.md#2-order).
 *
 * `presentmentCurrency` defaults to `currency`, `taxesIncluded` to `false`,
 * the lists to empty and a line's `fulfilledQuantity` to its `quantity`.
 * On a single-currency order amounts are decimal strings such as `"22.00"`
 * (or JSON numbers of that shape); on a multi-currency order every amount is
 * `{"shop": "10.00", "presentment": "9.12"}`. `refunds` are credit memos in
 * the format of [§6](../../docs/specification.md#6-credit-memo). Unknown keys are ignored, `null` counts as absent for
 * optional fields. Only the shape and format are checked here; the engine
 * checks that the order is consistent (repeated ids, discounts above the
 * gross amount, …).
 *
 * @param json - any value, typically from `JSON.parse`.
 * @returns the order, or every problem found: `INVALID_INPUT` with the JSON
 * path of the value (`lineItems[2].price`, `lineItems[0].price.shop`), and
 * `INCONSISTENT_ORDER` for a refund in other currencies than the order's.
 * Never throws.
 * @example
 * ```ts
 * import { decodeOrder } from "refund-core";
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   invoices: [{ id: "inv-1", amount: "44.00", online: true }],
 * });
 * order._tag; // => "Right"
 * const bad = decodeOrder({ id: "5", currency: "USD", lineItems: [{ id: "3", quantity: 2, price: "1.234" }] });
 * const problems = bad._tag === "Left" ? bad.left.map((e) => e.message) : [];
 * problems.length; // => 1
 * problems[0]?.startsWith("The value at lineItems[0].price has 3 fraction digits but USD has at most 2"); // => true
 * ```
 * @category Codecs
 */
export function decodeOrder(json: unknown): Either<NonEmptyArray<RefundError>, Order> {
  return decodeOrderWith(json, creditMemoCodec, orderDecoders);
}

/**
 * {@link decodeOrder} for an audit ([§9.2](../../docs/specification.md#92-audit)): a refund in other currencies
 * than the order's is read in its own instead of making the order
 * `INCONSISTENT_ORDER`, so that `audit` reports it as that memo's problem
 * and audits the others. Used by `refund-core audit`.
 * @internal
 */
export function decodeOrderForAudit(json: unknown): Either<NonEmptyArray<RefundError>, Order> {
  return decodeOrderWith(json, auditedMemoCodec, auditOrderDecoders);
}

function decodeOrderWith(
  json: unknown,
  memoCodec: typeof creditMemoCodec,
  decoders: typeof orderDecoders,
): Either<NonEmptyArray<RefundError>, Order> {
  // An order in the common form is read without the codec; anything else,
  // every problem included, by the codec (`validOrder.ts`).
  const valid = readValidOrder(json);
  if (valid !== undefined) return E.right(valid);
  return decodeWithCodec(json, memoCodec, decoders);
}

/**
 * {@link decodeOrder} (`forAudit`: {@link decodeOrderForAudit}) by the codec
 * alone, without the fast path of `validOrder.ts`: what the fast path is
 * tested against.
 * @internal
 */
export function decodeOrderByCodec(
  json: unknown,
  forAudit: boolean,
): Either<NonEmptyArray<RefundError>, Order> {
  return forAudit
    ? decodeWithCodec(json, auditedMemoCodec, auditOrderDecoders)
    : decodeWithCodec(json, creditMemoCodec, orderDecoders);
}

function decodeWithCodec(
  json: unknown,
  memoCodec: typeof creditMemoCodec,
  decoders: typeof orderDecoders,
): Either<NonEmptyArray<RefundError>, Order> {
  return runPreparedDecoder(json, (input) => {
    const currency = ownField(input, "currency");
    const presentment = ownField(input, "presentmentCurrency");
    const ctx = amountContext(currency, presentment);
    const history =
      typeof currency === "string" && ctx.shop !== undefined && ctx.presentment !== undefined
        ? { currency, presentmentCurrency: ctx.presentment.code }
        : undefined;
    // A v1 memo without `taxesIncluded` takes the order's (§6).
    const taxesIncluded = ownField(input, "taxesIncluded") === true;
    // `history` follows from `ctx` (it is set exactly when both codes are known).
    const key = contextKey(ctx);
    return {
      codec: decoders(key === undefined ? undefined : `${key} ${taxesIncluded}`, () =>
        orderCodec(ctx, history, memoCodec, taxesIncluded),
      ),
      input,
    };
  });
}

/**
 * Writes an order as the plain JSON of [§2](../../docs/specification.md#2-order): amounts as strings with exactly
 * the currency's fraction digits, bags `{"shop", "presentment"}` on a
 * multi-currency order, every default written out, refunds as credit memos
 * ([§6](../../docs/specification.md#6-credit-memo)). `decodeOrder(encodeOrder(order))` gives back `order`.
 *
 * @param order - an order, as `decodeOrder` or `applyRefund` returns it.
 * @returns a JSON object ready for `JSON.stringify`. A value that is not an
 * order (a JavaScript caller's wrong type, a getter that throws) is written
 * as the failure document of [§8](../../docs/specification.md#8-command-line), `{"ok": false, "errors": [...]}`, with an
 * `INVALID_INPUT` error naming the first wrong field: never a throw, and
 * never a document that decodes as an order.
 * @example
 * ```ts
 * import { decodeOrder, encodeOrder } from "refund-core";
 * const decoded = decodeOrder({ id: "7", currency: "JPY", lineItems: [{ id: "1", quantity: 1, price: 1500 }] });
 * if (decoded._tag === "Right") {
 *   const json = encodeOrder(decoded.right);
 *   json["presentmentCurrency"]; // => "JPY"
 *   json["lineItems"]; // => [{ id: "1", quantity: 1, price: "1500", discountAllocations: [], taxLines: [], duties: [], fulfilledQuantity: 1 }]
 *   decodeOrder(json); // => decoded
 * }
 * ```
 * @category Codecs
 */
export function encodeOrder(order: Order): OrderJson {
  const invalid = orderShapeError(order);
  if (invalid !== undefined) return failureDocument(invalid) as unknown as OrderJson;
  const ctx = encodingContext(order);
  return orderEncoders(contextKey(ctx), () => orderCodec(ctx, undefined)).encode(
    order,
  ) as unknown as OrderJson;
}

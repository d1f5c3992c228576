/**
 * The credit memo in JSON ([§6](../../docs/specification.md#6-credit-memo)): the output of a refund and the format of an
 * order's refund history.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import * as t from "io-ts/lib/index.js";
import type {
  CreditMemo,
  CreditMemoLine,
  DiscountRefund,
  DutyRefund,
  RefundTransaction,
  ShippingLineRefund,
  ShippingRefund,
  TaxLineRefund,
} from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { memoShapeError } from "../domain/shapes.js";
import type { RefundError } from "../errors.js";
import { parseDecimal } from "../money/decimal.js";
import type { AmountContext } from "./amount.js";
import {
  amountContext,
  contextKey,
  currencyCode,
  currencyForEncoding,
  moneyBag,
  signedShopAmount,
} from "./amount.js";
import type { Codec, FieldProblem } from "./codec.js";
import {
  array,
  boolean,
  guarded,
  id,
  integer,
  isObject,
  map,
  memoized,
  nullable,
  oneOf,
  optional,
  ownField,
  runPreparedDecoder,
  string,
  struct,
  withDefault,
} from "./codec.js";
import { failureDocument, type JsonValue } from "./json.js";
import type { CreditMemoJson } from "./wire.js";

/**
 * The restock types of [§4](../../docs/specification.md#4-refund-request).
 * @internal
 */
export const restockType = oneOf(["no_restock", "cancel", "return"] as const);

/**
 * A tax line's informational rate: a decimal string such as `"0.0825"` (kept as written).
 * @internal
 */
export const rate: Codec<string> = guarded(
  'a decimal string such as "0.0825"',
  (u): u is string => typeof u === "string" && parseDecimal(u) !== undefined,
  () => 'must be a decimal string such as "0.0825" (the rate is informational)',
);

/**
 * A tax line (order) or a refunded share of one (memo): same shape.
 * @internal
 */
export function taxLineCodec(ctx: AmountContext): Codec<TaxLineRefund> {
  return struct('a tax line (a JSON object such as {"title": "VAT", "amount": "1.00"})', {
    title: string,
    rate: optional(rate),
    amount: moneyBag(ctx),
  });
}

/**
 * A discount allocation (order) or a refunded share of one (memo): same shape.
 * @internal
 */
export function discountCodec(ctx: AmountContext): Codec<DiscountRefund> {
  return struct('a discount allocation (a JSON object such as {"amount": "4.40"})', {
    title: optional(string),
    amount: moneyBag(ctx),
  });
}

function memoLineCodec(ctx: AmountContext): Codec<CreditMemoLine> {
  const bag = moneyBag(ctx);
  // §3.1 rounds each discount allocation on its own, so a refund of a line
  // whose discounts cover (nearly) all of it can give back a minor unit more
  // discount than gross: its subtotal and total may then be negative.
  const signedBag = moneyBag(ctx, true);
  const taxLines = withDefault(array(taxLineCodec(ctx), "a list of tax lines"), []);
  const duty: Codec<DutyRefund> = struct("a refunded duty (a JSON object)", {
    dutyId: id,
    amount: bag,
    taxLines,
  });
  return struct("a credit memo line (a JSON object)", {
    lineItemId: id,
    quantity: integer(0),
    // §3.9, v2: a v1 memo line has no amount (null: refunded by units).
    amount: nullable(bag),
    price: bag,
    // §3.9: a line refunded by amount has `gross = subtotal + discount`, and its
    // subtotal (`amount` less its tax share) is negative when the tax share,
    // rounded on its own, passes the amount on a line with (nearly) no price.
    gross: signedBag,
    discount: bag,
    subtotal: signedBag,
    tax: bag,
    discountAllocations: withDefault(array(discountCodec(ctx), "a list of discounts"), []),
    taxLines,
    duties: withDefault(array(duty, "a list of refunded duties"), []),
    total: signedBag,
    restock: withDefault(restockType, "no_restock"),
    locationId: nullable(string),
  });
}

function shippingRefundCodec(ctx: AmountContext): Codec<ShippingRefund> {
  const bag = moneyBag(ctx);
  const line: Codec<ShippingLineRefund> = struct("a refunded shipping line (a JSON object)", {
    shippingLineId: id,
    amount: bag,
    taxLines: withDefault(array(taxLineCodec(ctx), "a list of tax lines"), []),
  });
  return struct(
    'the refunded shipping (a JSON object such as {"amount": "0.00", "tax": "0.00", "maximumRefundable": "15.00", "lines": []})',
    {
      amount: bag,
      tax: bag,
      maximumRefundable: bag,
      lines: withDefault(array(line, "a list of refunded shipping lines"), []),
    },
  );
}

function transactionCodec(ctx: AmountContext): Codec<RefundTransaction> {
  const bag = moneyBag(ctx);
  return struct("a refund transaction (a JSON object)", {
    invoiceId: id,
    gateway: nullable(string),
    online: boolean,
    amount: bag,
    maximumRefundable: bag,
  });
}

/**
 * The currencies of the order a memo belongs to.
 * @internal
 */
export type MemoCurrencies = Pick<Order, "currency" | "presentmentCurrency">;

/**
 * The memo codec with amounts read in `ctx`. With `expected`, the memo's
 * currencies must be the order's (`INCONSISTENT_ORDER` otherwise). A memo
 * without `taxesIncluded` (written before v2) gets `taxesIncluded`: the
 * order's when the memo is read as part of an order, else `false`.
 * @internal
 */
export function creditMemoCodec(
  ctx: AmountContext,
  expected: MemoCurrencies | undefined,
  taxesIncluded = false,
): Codec<CreditMemo> {
  const bag = moneyBag(ctx);
  const signedBag = moneyBag(ctx, true); // a memo subtotal may be negative, see memoLineCodec
  const fields = struct(
    'a credit memo (a JSON object such as {"id": "5-1", "orderId": "5", "currency": "USD", ...})',
    {
      id,
      orderId: id,
      currency: currencyCode,
      presentmentCurrency: optional(currencyCode),
      taxesIncluded: withDefault(boolean, taxesIncluded),
      lineItems: withDefault(array(memoLineCodec(ctx), "a list of credit memo lines"), []),
      shipping: shippingRefundCodec(ctx),
      adjustmentPositive: bag,
      adjustmentNegative: bag,
      subtotal: signedBag,
      discount: bag,
      tax: bag,
      duties: bag,
      total: bag,
      maximumRefundable: bag,
      transactions: withDefault(array(transactionCodec(ctx), "a list of transactions"), []),
      exchangeDifference: optional(signedShopAmount(ctx)),
      reason: nullable(string),
      note: nullable(string),
      notify: withDefault(boolean, false),
      idempotencyKey: nullable(string),
    },
    (f): FieldProblem[] => {
      if (expected === undefined || f.currency === undefined) return [];
      const problems: FieldProblem[] = [];
      if (f.currency !== expected.currency) {
        problems.push({
          field: "currency",
          problem: `the refund is in ${f.currency} but the order is in ${expected.currency}`,
          inconsistent: true,
        });
      }
      const presentment = f.presentmentCurrency ?? f.currency;
      if (presentment !== expected.presentmentCurrency && f.currency === expected.currency) {
        problems.push({
          field: "presentmentCurrency",
          problem: `the refund's presentment currency is ${presentment} but the order's is ${expected.presentmentCurrency}`,
          inconsistent: true,
        });
      }
      return problems;
    },
  );
  return map(
    fields,
    (u): u is CreditMemo =>
      isObject(u) &&
      typeof u["presentmentCurrency"] === "string" &&
      typeof u["exchangeDifference"] === "bigint",
    (f): CreditMemo => {
      // A memo written before v2 has no exchangeDifference: zero (§6).
      const { presentmentCurrency, exchangeDifference, ...rest } = f;
      return {
        ...rest,
        presentmentCurrency: presentmentCurrency ?? f.currency,
        exchangeDifference: exchangeDifference ?? 0n,
      };
    },
    (memo) => {
      // exchangeDifference is written on every multi-currency memo, and on a
      // single-currency one only when it is not zero (it never is, from the engine).
      const { presentmentCurrency, exchangeDifference, ...rest } = memo;
      const single = presentmentCurrency === memo.currency;
      const difference = single && exchangeDifference === 0n ? {} : { exchangeDifference };
      return single ? { ...rest, ...difference } : { ...rest, presentmentCurrency, ...difference };
    },
  );
}

const memoDecoders = memoized<Codec<CreditMemo>>();
const memoDecodersForOrder = memoized<Codec<CreditMemo>>();
const memoEncoders = memoized<Codec<CreditMemo>>();

/**
 * The memo codec of an order's refunds for an audit ([§9.2](../../docs/specification.md#92-audit)): a memo in the
 * order's currencies is read as {@link creditMemoCodec} reads it; a memo in
 * other (known) currencies is read in its own instead of being refused as
 * `INCONSISTENT_ORDER`, so that the audit reports it as that memo's problem
 * (`CURRENCY_MISMATCH`) and audits the others.
 * @internal
 */
export function auditedMemoCodec(
  ctx: AmountContext,
  expected: MemoCurrencies | undefined,
  taxesIncluded = false,
): Codec<CreditMemo> {
  const inOrderCurrencies = creditMemoCodec(ctx, expected, taxesIncluded);
  return new t.Type<CreditMemo, JsonValue, unknown>(
    inOrderCurrencies.name,
    inOrderCurrencies.is,
    (u, c) => {
      const currency = ownField(u, "currency");
      const presentment = ownField(u, "presentmentCurrency") ?? currency;
      const own = amountContext(currency, presentment);
      const foreign =
        expected !== undefined &&
        own.shop !== undefined &&
        own.presentment !== undefined &&
        (own.shop.code !== expected.currency ||
          own.presentment.code !== expected.presentmentCurrency);
      return foreign
        ? creditMemoCodec(own, undefined, taxesIncluded).validate(u, c)
        : inOrderCurrencies.validate(u, c);
    },
    inOrderCurrencies.encode,
  );
}

/**
 * Reads a credit memo in the JSON format of [§6](../../docs/specification.md#6-credit-memo), such as a memo stored by a
 * service or one entry of an order's `refunds`.
 *
 * Amounts are read in the memo's own `currency` and `presentmentCurrency`
 * (which defaults to `currency`), or, when `order` is given, in the order's
 * currencies; a memo in other currencies than its order's is then
 * `INCONSISTENT_ORDER`. `note`, `reason`, `idempotencyKey`, `locationId` and
 * `gateway` may be `null`; lists default to empty, `restock` to
 * `"no_restock"`, `notify` to `false`. Unknown keys are ignored. A memo
 * written before v2 still reads: a line without `amount` was refunded by
 * units (`null`), and a memo without `taxesIncluded` reads as `false` (a
 * memo read with its order by `decodeOrder` takes the order's instead).
 *
 * @param json - any value, typically from `JSON.parse`.
 * @param order - the order the memo belongs to (its currencies), if known.
 * @returns the memo, or every problem found: `INVALID_INPUT` with the JSON
 * path of the value (`lineItems[0].total`), `INCONSISTENT_ORDER` at
 * `currency` or `presentmentCurrency`. Never throws.
 * @example
 * ```ts
 * import { calculate, decodeCreditMemo, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "refund-core";
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   invoices: [{ id: "inv-1", amount: "44.00", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }] });
 * if (order._tag === "Right" && request._tag === "Right") {
 *   const memo = calculate(order.right, request.right);
 *   if (memo._tag === "Right") {
 *     const stored: unknown = JSON.parse(JSON.stringify(encodeCreditMemo(memo.right)));
 *     decodeCreditMemo(stored, order.right); // => { _tag: "Right", right: memo.right }
 *     const other = decodeCreditMemo(stored, { currency: "EUR", presentmentCurrency: "EUR" });
 *     other._tag === "Left" ? other.left[0]?.code : undefined; // => "INCONSISTENT_ORDER"
 *   }
 * }
 * ```
 * @category Codecs
 */
export function decodeCreditMemo(
  json: unknown,
  order?: Pick<Order, "currency" | "presentmentCurrency">,
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  return runPreparedDecoder(json, (input) => {
    const ctx =
      order === undefined
        ? amountContext(ownField(input, "currency"), ownField(input, "presentmentCurrency"))
        : amountContext(order.currency, order.presentmentCurrency);
    // Cached when the order's codes are the context's own (then they add nothing to its key).
    const key =
      order === undefined ||
      (order.currency === ctx.shop?.code && order.presentmentCurrency === ctx.presentment?.code)
        ? contextKey(ctx)
        : undefined;
    const decoders = order === undefined ? memoDecoders : memoDecodersForOrder;
    const codec = decoders(key, () =>
      // The codes only: a cached codec must not hold on to the caller's order.
      creditMemoCodec(
        ctx,
        order === undefined
          ? undefined
          : { currency: order.currency, presentmentCurrency: order.presentmentCurrency },
      ),
    );
    return { codec, input };
  });
}

/**
 * The amount context for writing a document in `currency` / `presentmentCurrency`.
 * @internal
 */
export function encodingContext(doc: MemoCurrencies): AmountContext {
  return {
    shop: currencyForEncoding(doc.currency),
    presentment: currencyForEncoding(doc.presentmentCurrency),
    multi: doc.currency !== doc.presentmentCurrency,
  };
}

/**
 * Writes a credit memo as the plain JSON of [§6](../../docs/specification.md#6-credit-memo): amounts as strings with
 * exactly the currency's fraction digits (`"21.44"`), bags
 * `{"shop", "presentment"}` on multi-currency memos (which also carry
 * `presentmentCurrency`), `taxesIncluded` always, each line's `amount`
 * ([§3.9](../../docs/specification.md#39-line-amounts-v2)) or `null`, `null` for absent `note`, `reason`,
 * `idempotencyKey`, `locationId` and `gateway`.
 * `decodeCreditMemo(encodeCreditMemo(memo))` gives back `memo`.
 *
 * @param memo - a credit memo, as `calculate` returns it.
 * @returns a JSON object ready for `JSON.stringify`; for a value that is not
 * a credit memo, the failure document of [§8](../../docs/specification.md#8-command-line) (see {@link encodeOrder}).
 * @example
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "refund-core";
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "KWD",
 *   lineItems: [{ id: "3", quantity: 4, price: "1.25" }],
 *   invoices: [{ id: "inv-1", amount: "5", gateway: "knet", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }], note: "damaged" });
 * if (order._tag === "Right" && request._tag === "Right") {
 *   const memo = calculate(order.right, request.right);
 *   if (memo._tag === "Right") {
 *     const json = encodeCreditMemo(memo.right);
 *     json["total"]; // => "1.250"
 *     json["note"]; // => "damaged"
 *     json["reason"]; // => null
 *   }
 * }
 * ```
 * @category Codecs
 */
export function encodeCreditMemo(memo: CreditMemo): CreditMemoJson {
  const invalid = memoShapeError(memo);
  if (invalid !== undefined) return failureDocument(invalid) as unknown as CreditMemoJson;
  const ctx = encodingContext(memo);
  return memoEncoders(contextKey(ctx), () => creditMemoCodec(ctx, undefined)).encode(
    memo,
  ) as unknown as CreditMemoJson;
}

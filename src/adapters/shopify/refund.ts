/**
 * Shopify's `refunds/calculate` (and `refunds`) request → our
 * {@link RefundRequest}, and our {@link CreditMemo} → JSON shaped like
 * Shopify's calculate response.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type * as t from "io-ts/lib/index.js";
import type { CreditMemo } from "../../domain/creditMemo.js";
import type { Order } from "../../domain/order.js";
import type { RefundRequest, TransactionRequest } from "../../domain/refundRequest.js";
import { memoShapeError } from "../../domain/shapes.js";
import { type RefundError, refundErrors } from "../../errors.js";
import {
  array,
  boolean,
  integer,
  leaf,
  oneOf,
  optional,
  runDecoder,
  string,
  struct,
  withDefault,
} from "../../json/codec.js";
import type { JsonObject, JsonValue } from "../../json/json.js";
import { failureDocument } from "../../json/json.js";
import { findCurrency } from "../../money/currency.js";
import { type DecimalAmount, formatMinorUnits } from "../../money/decimal.js";
import type { MoneyBag } from "../../money/moneyBag.js";
import { Problems, platformId, platformMoney, type SignedDecimal } from "../platformCodecs.js";
import { refundLineItemFields, restockOf } from "./refundLineItem.js";

const refundLineItem = struct("a Shopify refund line item", refundLineItemFields);

/** The body of `POST /orders/{id}/refunds/calculate.json` (or of `refunds.json`). @category Adapters */
export const shopifyRefundRequestCodec = struct("a Shopify refund", {
  currency: optional(string),
  notify: withDefault(boolean, false),
  note: optional(string),
  shipping: optional(
    struct("Shopify refund shipping", {
      full_refund: withDefault(boolean, false),
      amount: optional(platformMoney),
    }),
  ),
  refund_line_items: withDefault(array(refundLineItem, "a list of refund line items"), []),
  refund_duties: withDefault(
    array(
      struct("a duty to refund", {
        duty_id: platformId,
        refund_type: withDefault(oneOf(["FULL", "PROPORTIONAL"] as const), "FULL"),
      }),
      "a list of duties to refund",
    ),
    [],
  ),
  transactions: optional(
    array(
      struct("a Shopify refund transaction", {
        parent_id: platformId,
        amount: platformMoney,
        kind: optional(string),
        gateway: optional(string),
      }),
      "a list of transactions",
    ),
  ),
});
type ShopifyRefund = t.TypeOf<typeof shopifyRefundRequestCodec>;

/** Shopify's global id (`gid://shopify/LineItem/518995019`) or a plain id → the plain id. */
export const shopifyGidId = leaf<string>(
  'an id such as "gid://shopify/LineItem/518995019" or 518995019',
  (u): u is string => typeof u === "string" && u !== "",
  (u) => {
    if (typeof u === "number")
      return Number.isSafeInteger(u) && u >= 0
        ? E.right(String(u))
        : E.left("must be a whole number id");
    if (typeof u !== "string" || u === "")
      return E.left('must be an id such as "gid://shopify/LineItem/518995019"');
    const gid = /^gid:\/\/shopify\/[A-Za-z]+\/([^/?]+)(\?.*)?$/.exec(u);
    if (u.startsWith("gid://") && gid?.[1] === undefined)
      return E.left('must be a Shopify global id such as "gid://shopify/LineItem/518995019"');
    return E.right(gid?.[1] ?? u);
  },
  (a) => a,
);

const GRAPHQL_RESTOCK = {
  NO_RESTOCK: "no_restock",
  CANCEL: "cancel",
  RETURN: "return",
  LEGACY_RESTOCK: "legacy_restock",
} as const;

/** The GraphQL Admin `RefundInput` (the `input` of `refundCreate` / `suggestedRefund`), the fields read. @category Adapters */
export const shopifyRefundInputCodec = struct("a Shopify RefundInput", {
  orderId: optional(shopifyGidId),
  currency: optional(string),
  notify: withDefault(boolean, false),
  note: optional(string),
  shipping: optional(
    struct("a RefundShippingInput", {
      fullRefund: withDefault(boolean, false),
      amount: optional(platformMoney),
      shippingRefundAmount: optional(
        struct("a MoneyInput", { amount: platformMoney, currencyCode: optional(string) }),
      ),
    }),
  ),
  refundLineItems: withDefault(
    array(
      struct("a RefundLineItemInput", {
        lineItemId: shopifyGidId,
        quantity: integer(0),
        restockType: withDefault(
          oneOf(["NO_RESTOCK", "CANCEL", "RETURN", "LEGACY_RESTOCK"] as const),
          "NO_RESTOCK",
        ),
        locationId: optional(shopifyGidId),
      }),
      "a list of refund line items",
    ),
    [],
  ),
  refundDuties: withDefault(
    array(
      struct("a RefundDutyInput", {
        dutyId: shopifyGidId,
        refundType: withDefault(oneOf(["FULL", "PROPORTIONAL"] as const), "FULL"),
      }),
      "a list of duties to refund",
    ),
    [],
  ),
  transactions: optional(
    array(
      struct("an OrderTransactionInput", {
        parentId: shopifyGidId,
        amount: platformMoney,
        kind: optional(string),
        gateway: optional(string),
      }),
      "a list of transactions",
    ),
  ),
});
type ShopifyRefundInput = t.TypeOf<typeof shopifyRefundInputCodec>;

/** Where the fields of a request sit in the document read, for errors. */
interface RequestPaths {
  readonly shippingAmount: string;
  readonly transactionAmount: (i: number) => string;
}

const REST_PATHS: RequestPaths = {
  shippingAmount: "shipping.amount",
  transactionAmount: (i) => `transactions[${i}].amount`,
};

function unsigned(d: SignedDecimal, path: string, problems: Problems): DecimalAmount {
  if (d.negative) problems.invalid(path, "must not be negative");
  return d.amount;
}

/** The exact sum of decimals (at the largest scale among them). */
function sumDecimals(amounts: readonly DecimalAmount[]): DecimalAmount {
  let scale = 0;
  for (const a of amounts) if (a.scale > scale) scale = a.scale;
  let coefficient = 0n;
  for (const a of amounts) coefficient += a.coefficient * 10n ** BigInt(scale - a.scale);
  return { coefficient, scale };
}

function toRequest(
  raw: ShopifyRefund,
  paths: RequestPaths = REST_PATHS,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const problems = new Problems();
  const shippingAmount =
    raw.shipping?.amount === undefined
      ? undefined
      : unsigned(raw.shipping.amount, paths.shippingAmount, problems);
  const transactions: TransactionRequest[] | undefined = raw.transactions?.map((tr, i) => ({
    invoiceId: tr.parent_id,
    amount: unsigned(tr.amount, paths.transactionAmount(i), problems),
  }));
  const lineItems = raw.refund_line_items
    .filter((l) => l.quantity > 0)
    .map((l) => ({
      lineItemId: l.line_item_id,
      quantity: l.quantity,
      restock: restockOf(l.restock_type),
      ...(l.location_id === undefined ? {} : { locationId: l.location_id }),
    }));
  // A refund of transactions only (no items, shipping or duties) returns their money: amount-only (§3.4).
  const amountOnly =
    lineItems.length === 0 &&
    raw.shipping === undefined &&
    raw.refund_duties.length === 0 &&
    transactions !== undefined &&
    transactions.length > 0;
  return problems.result(() => ({
    lineItems,
    ...(raw.shipping === undefined
      ? {}
      : {
          shipping:
            shippingAmount === undefined
              ? { fullRefund: raw.shipping.full_refund }
              : { fullRefund: raw.shipping.full_refund, amount: shippingAmount },
        }),
    refundDuties: raw.refund_duties.length > 0,
    ...(amountOnly && transactions !== undefined
      ? { amount: sumDecimals(transactions.map((tr) => tr.amount)) }
      : {}),
    full: false,
    ...(raw.currency === undefined ? {} : { currency: raw.currency }),
    ...(transactions === undefined ? {} : { transactions }),
    ...(raw.note === undefined ? {} : { note: raw.note }),
    notify: raw.notify,
  }));
}

/** A GraphQL `RefundInput` in the REST body's terms, and where its fields are. */
function fromRefundInput(
  input: ShopifyRefundInput,
  prefix: string,
): { readonly raw: ShopifyRefund; readonly paths: RequestPaths } {
  const shippingAmount = input.shipping?.amount ?? input.shipping?.shippingRefundAmount?.amount;
  const raw: ShopifyRefund = {
    ...(input.currency === undefined ? {} : { currency: input.currency }),
    notify: input.notify,
    ...(input.note === undefined ? {} : { note: input.note }),
    ...(input.shipping === undefined
      ? {}
      : {
          shipping: {
            full_refund: input.shipping.fullRefund,
            ...(shippingAmount === undefined ? {} : { amount: shippingAmount }),
          },
        }),
    refund_line_items: input.refundLineItems.map((l) => ({
      line_item_id: l.lineItemId,
      quantity: l.quantity,
      restock_type: GRAPHQL_RESTOCK[l.restockType],
      ...(l.locationId === undefined ? {} : { location_id: l.locationId }),
    })),
    refund_duties: input.refundDuties.map((d) => ({
      duty_id: d.dutyId,
      refund_type: d.refundType,
    })),
    ...(input.transactions === undefined
      ? {}
      : {
          transactions: input.transactions.map((tr) => ({
            parent_id: tr.parentId,
            amount: tr.amount,
            ...(tr.kind === undefined ? {} : { kind: tr.kind }),
            ...(tr.gateway === undefined ? {} : { gateway: tr.gateway }),
          })),
        }),
  };
  const shippingField =
    input.shipping?.amount === undefined ? "shippingRefundAmount.amount" : "amount";
  return {
    raw,
    paths: {
      shippingAmount: `${prefix}shipping.${shippingField}`,
      transactionAmount: (i) => `${prefix}transactions[${i}].amount`,
    },
  };
}

const graphqlVariables = struct("the variables of refundCreate", {
  input: shopifyRefundInputCodec,
});

const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u);

/** Whether a request document is in GraphQL's terms: `{"input": …}` or a bare `RefundInput`. */
function graphqlForm(json: Readonly<Record<string, unknown>>): "variables" | "input" | undefined {
  if (Object.hasOwn(json, "input")) return "variables";
  for (const key of ["refundLineItems", "orderId", "refundDuties"])
    if (Object.hasOwn(json, key)) return "input";
  return undefined;
}

/**
 * Reads a Shopify refund request as a {@link RefundRequest}: the REST body
 * of `refunds/calculate.json` or `refunds.json`, bare or wrapped as
 * `{"refund": {...}}`, or the GraphQL Admin `RefundInput` — the variables
 * `{"input": {...}}` of `refundCreate` or `suggestedRefund`, or the input
 * itself (global ids such as `gid://shopify/LineItem/518995019` read as
 * `518995019`, `restockType` in capitals, `shipping.amount` or
 * `shipping.shippingRefundAmount.amount`).
 *
 * `refund_line_items` keep their `restock_type` (`legacy_restock` reads as
 * `return`) and `location_id`; lines of quantity 0 are dropped;
 * `shipping.amount` wins over `full_refund` ([§3.2](../../../docs/specification.md#32-shipping)); any `refund_duties`
 * entry sets `refundDuties` (duties of the refunded lines are prorated;
 * Shopify's per-duty `FULL`/`PROPORTIONAL` choice is not modelled);
 * `transactions[]` become explicit payouts against their `parent_id`. A
 * refund of transactions only (no line items, shipping or duties) returns
 * their sum as an amount-only refund ([§3.4](../../../docs/specification.md#34-adjustments-and-amount-only-refunds)).
 *
 * @param json - the parsed JSON.
 * @param order - the order refunded, when known: a GraphQL `orderId` that
 *   names another order is `INVALID_INPUT` at `input.orderId`.
 * @returns the request, or `INVALID_INPUT` errors with the document's paths
 *   (`refund_line_items[0].quantity`, `input.refundLineItems[0].quantity`).
 *   Never throws.
 * @example
 * ```ts
 * import { fromShopifyRefundRequest } from "refund-core";
 * fromShopifyRefundRequest({ refund: { shipping: { full_refund: true },
 *   refund_line_items: [{ line_item_id: 518995019, quantity: 1, restock_type: "no_restock" }] } });
 * const graphql = fromShopifyRefundRequest({ input: { orderId: "gid://shopify/Order/450789469",
 *   refundLineItems: [{ lineItemId: "gid://shopify/LineItem/518995019", quantity: 1, restockType: "RETURN" }] } });
 * graphql._tag === "Right" && graphql.right.lineItems[0]?.lineItemId; // => "518995019"
 * ```
 * @category Adapters
 */
export function fromShopifyRefundRequest(
  json: unknown,
  order?: Order,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const fromInput = (input: ShopifyRefundInput, prefix: string) => {
    if (order !== undefined && input.orderId !== undefined && input.orderId !== order.id)
      return E.left<NonEmptyArray<RefundError>, RefundRequest>([
        refundErrors.invalidInput(
          `${prefix}orderId`,
          `names order ${input.orderId}, but the order read is ${order.id}`,
        ),
      ]);
    const { raw, paths } = fromRefundInput(input, prefix);
    return toRequest(raw, paths);
  };
  try {
    const form = isPlainObject(json) ? graphqlForm(json) : undefined;
    if (form === "variables")
      return pipe(
        runDecoder(graphqlVariables, json),
        E.chain(({ input }) => fromInput(input, "input.")),
      );
    if (form === "input")
      return pipe(
        runDecoder(shopifyRefundInputCodec, json),
        E.chain((input) => fromInput(input, "")),
      );
    const unwrapped = isPlainObject(json) && Object.hasOwn(json, "refund") ? json["refund"] : json;
    return pipe(
      runDecoder(shopifyRefundRequestCodec, unwrapped),
      E.chain((raw) => toRequest(raw)),
    );
  } catch {
    return E.left([refundErrors.invalidInput("", "could not be read")]);
  }
}

/**
 * A credit memo as JSON shaped like Shopify's `refunds/calculate` response
 * (`{"refund": {...}}`): amounts are presentment money, written as strings;
 * on a multi-currency order each amount also has its `*_set`.
 *
 * Per line: `price`, `subtotal` (after discounts), `total_tax`,
 * `discounted_price` (= `price`) and `discounted_total_price` (= price ×
 * quantity), and `total_cart_discount_amount` (= the line's discount), so
 * that `subtotal = discounted_total_price − total_cart_discount_amount` as
 * Shopify states; refund-core does not tell line-level from order-level
 * discounts, so every discount is reported as a cart discount. Shipping has
 * `amount`, `tax` and `maximum_refundable`; transactions are of kind
 * `suggested_refund` with `parent_id` and `maximum_refundable`.
 *
 * @param memo - the memo {@link calculate} returned.
 * @returns the JSON value.
 * @example
 * ```ts
 * import { calculate, fromShopifyOrder, fromShopifyRefundRequest, toShopifyCalculateResponse } from "refund-core";
 * const shopifyOrder = {
 *   id: 450789469, currency: "USD", taxes_included: false,
 *   line_items: [{ id: 518995019, sku: "IPOD2008RED", quantity: 1, price: "199.00",
 *                  discount_allocations: [{ amount: "3.33" }],
 *                  tax_lines: [{ title: "State Tax", rate: 0.06, price: "3.98" }] }],
 *   shipping_lines: [{ id: 369256396, title: "Free Shipping", price: "5.00", tax_lines: [] }],
 *   transactions: [{ id: 801038806, kind: "capture", status: "success", amount: "250.94", gateway: "bogus" }],
 *   refunds: [],
 * };
 * const order = fromShopifyOrder(shopifyOrder);
 * const request = fromShopifyRefundRequest({
 *   refund: { shipping: { full_refund: true },
 *             refund_line_items: [{ line_item_id: 518995019, quantity: 1, restock_type: "no_restock" }] },
 * });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error();
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const response = toShopifyCalculateResponse(memo.right);
 * JSON.stringify(response).includes('"204.65"'); // => true
 * ```
 * @category Adapters
 */
export function toShopifyCalculateResponse(memo: CreditMemo): JsonObject {
  const invalid = memoShapeError(memo);
  if (invalid !== undefined) return failureDocument(invalid);
  const multi = memo.currency !== memo.presentmentCurrency;
  const fmt = (code: string, minor: bigint) =>
    formatMinorUnits(minor, findCurrency(code) ?? { code, exponent: 2 });
  const amount = (bag: MoneyBag) => fmt(memo.presentmentCurrency, bag.presentment);
  const set = (bag: MoneyBag): JsonObject => ({
    shop_money: { amount: fmt(memo.currency, bag.shop), currency_code: memo.currency },
    presentment_money: {
      amount: fmt(memo.presentmentCurrency, bag.presentment),
      currency_code: memo.presentmentCurrency,
    },
  });
  const money = (name: string, bag: MoneyBag): Record<string, JsonValue> =>
    multi ? { [name]: amount(bag), [`${name}_set`]: set(bag) } : { [name]: amount(bag) };
  return {
    refund: {
      currency: memo.presentmentCurrency,
      duties: memo.lineItems.flatMap((l) =>
        l.duties
          .filter((d) => d.amount.presentment > 0n || d.amount.shop > 0n)
          .map((d) => ({ duty_id: d.dutyId, ...money("amount", d.amount) })),
      ),
      shipping: {
        ...money("amount", memo.shipping.amount),
        ...money("tax", memo.shipping.tax),
        ...money("maximum_refundable", memo.shipping.maximumRefundable),
      },
      refund_line_items: memo.lineItems.map((l) => ({
        quantity: l.quantity,
        line_item_id: l.lineItemId,
        location_id: l.locationId,
        restock_type: l.restock,
        ...money("price", l.price),
        ...money("subtotal", l.subtotal),
        ...money("total_tax", l.tax),
        ...money("discounted_price", l.price),
        ...money("discounted_total_price", l.gross),
        ...money("total_cart_discount_amount", l.discount),
      })),
      transactions: memo.transactions.map((tr) => ({
        order_id: memo.orderId,
        kind: "suggested_refund",
        gateway: tr.gateway,
        parent_id: tr.invoiceId,
        ...money("amount", tr.amount),
        currency: memo.presentmentCurrency,
        ...money("maximum_refundable", tr.maximumRefundable),
      })),
    },
  };
}

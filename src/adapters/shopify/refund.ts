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
import type { RefundRequest, TransactionRequest } from "../../domain/refundRequest.js";
import { memoShapeError } from "../../domain/shapes.js";
import type { RefundError } from "../../errors.js";
import {
  array,
  boolean,
  oneOf,
  optional,
  runPreparedDecoder,
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

function unsigned(d: SignedDecimal, path: string, problems: Problems): DecimalAmount {
  if (d.negative) problems.invalid(path, "must not be negative");
  return d.amount;
}

function toRequest(raw: ShopifyRefund): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const problems = new Problems();
  const shippingAmount =
    raw.shipping?.amount === undefined
      ? undefined
      : unsigned(raw.shipping.amount, "shipping.amount", problems);
  const transactions: TransactionRequest[] | undefined = raw.transactions?.map((tr, i) => ({
    invoiceId: tr.parent_id,
    amount: unsigned(tr.amount, `transactions[${i}].amount`, problems),
  }));
  return problems.result(() => ({
    lineItems: raw.refund_line_items
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        lineItemId: l.line_item_id,
        quantity: l.quantity,
        restock: restockOf(l.restock_type),
        ...(l.location_id === undefined ? {} : { locationId: l.location_id }),
      })),
    ...(raw.shipping === undefined
      ? {}
      : {
          shipping:
            shippingAmount === undefined
              ? { fullRefund: raw.shipping.full_refund }
              : { fullRefund: raw.shipping.full_refund, amount: shippingAmount },
        }),
    refundDuties: raw.refund_duties.length > 0,
    full: false,
    ...(raw.currency === undefined ? {} : { currency: raw.currency }),
    ...(transactions === undefined ? {} : { transactions }),
    ...(raw.note === undefined ? {} : { note: raw.note }),
    notify: raw.notify,
  }));
}

/**
 * Reads a Shopify refund request — the body of `refunds/calculate.json` or
 * `refunds.json`, bare or wrapped as `{"refund": {...}}` — as a
 * {@link RefundRequest}.
 *
 * `refund_line_items` keep their `restock_type` (`legacy_restock` reads as
 * `return`) and `location_id`; lines of quantity 0 are dropped;
 * `shipping.amount` wins over `full_refund` (§3.2); any `refund_duties`
 * entry sets `refundDuties` (duties of the refunded lines are prorated;
 * Shopify's per-duty `FULL`/`PROPORTIONAL` choice is not modelled);
 * `transactions[]` become explicit payouts against their `parent_id`.
 *
 * @param json - the parsed JSON.
 * @returns the request, or `INVALID_INPUT` errors with paths such as
 *   `refund_line_items[0].quantity`. Never throws.
 * @example
 * ```ts
 * import { fromShopifyRefundRequest } from "refund-core";
 * fromShopifyRefundRequest({ refund: { shipping: { full_refund: true },
 *   refund_line_items: [{ line_item_id: 518995019, quantity: 1, restock_type: "no_restock" }] } });
 * ```
 * @category Adapters
 */
export function fromShopifyRefundRequest(
  json: unknown,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const unwrap = (u: unknown) =>
    typeof u === "object" && u !== null && !Array.isArray(u) && "refund" in u
      ? (u as { refund: unknown }).refund
      : u;
  return pipe(
    runPreparedDecoder(json, (u) => ({ codec: shopifyRefundRequestCodec, input: unwrap(u) })),
    E.chain(toRequest),
  );
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

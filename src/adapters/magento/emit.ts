/**
 * A computed credit memo → what Magento 2 takes and keeps: the body of
 * `POST /V1/order/{orderId}/refund` (offline) or
 * `POST /V1/invoice/{invoiceId}/refund` (online, `isOnline`), and the credit
 * memo entity Magento would store for it (`salesDataCreditmemoInterface`,
 * with its `base_*` side).
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { CreditMemo } from "../../domain/creditMemo.js";
import type { Order } from "../../domain/order.js";
import { type RefundError, refundErrors } from "../../errors.js";
import type { JsonObject, JsonValue } from "../../json/json.js";
import { findCurrency } from "../../money/currency.js";
import { formatMinorUnits } from "../../money/decimal.js";
import { isZeroBag, type MoneyBag, sumBy } from "../../money/moneyBag.js";
import { divideRounded } from "../../money/rounding.js";
import { lineAmountPaths, memoRequest, writerArgumentsError } from "../memoRequest.js";
import { platformIdJson, platformNumber } from "../platformCodecs.js";
import type { PlatformResult as Result } from "../platforms.js";
import { shippingNetAndPrice } from "./order.js";

/**
 * Magento's shipping amount before its discount for a net shipping refund
 * `net` (one side): the smallest `a` whose `round(a × orderNet / orderPrice)`
 * is `net` — the conversion {@link fromMagentoRefundRequest} reads back.
 */
export function grossShipping(net: bigint, orderNet: bigint, orderPrice: bigint): bigint {
  if (net <= 0n || orderNet <= 0n || orderNet >= orderPrice) return net;
  const back = (a: bigint) => divideRounded(a * orderNet, orderPrice, "halfAwayFromZero");
  // round(net · price / orderNet) reads back within one unit of `net`: a few steps settle it.
  let a = divideRounded(net * orderPrice, orderNet, "halfAwayFromZero");
  for (let i = 0; i < 4 && a > 0n && back(a - 1n) >= net; i++) a -= 1n;
  for (let i = 0; i < 4 && back(a) < net; i++) a += 1n;
  return a;
}

/** Where a Magento refund goes, decided by the memo's payout. */
type Target = { readonly kind: "order" } | { readonly kind: "invoice"; readonly invoiceId: string };

function targetOf(memo: CreditMemo, order: Order, suggestedPayout: boolean): Result<Target> {
  const [only, ...others] = memo.transactions;
  if (only !== undefined && others.length === 0 && only.online) {
    // fromMagentoOrder names a payment read without its invoices "<entity_id>-payment".
    if (only.invoiceId === `${order.id}-payment`)
      return E.left([
        refundErrors.invalidInput(
          "transactions[0].invoiceId",
          "is the order's payment, not a Magento invoice: read the order with its invoices to refund it online",
        ),
      ]);
    return E.right({ kind: "invoice", invoiceId: only.invoiceId });
  }
  if (suggestedPayout) return E.right({ kind: "order" });
  return E.left([
    refundErrors.invalidInput(
      "transactions",
      "cannot be sent to Magento: an order refund pays out of the invoices in order, an invoice refund out of one invoice online, and this memo's payout is neither",
    ),
  ]);
}

/** Amount text in a currency (exponent 2 for an unknown code, which the order reader never lets through). */
function money(minor: bigint, code: string): number | string {
  return platformNumber(formatMinorUnits(minor, findCurrency(code) ?? { code, exponent: 2 }));
}

/**
 * The body of the Magento refund that carries out `memo`: an order refund
 * (`POST /V1/order/{orderId}/refund`, money returned offline out of the
 * invoices in order) or, when the memo pays one online invoice, an invoice
 * refund (`POST /V1/invoice/{invoiceId}/refund` with `isOnline: true`).
 * The path parameter is written into the body as the service parameter
 * Magento names it (`orderId` or `invoiceId`), so one document says where
 * it goes; {@link fromMagentoRefundRequest} reads it back from there.
 *
 * `items[] {order_item_id, qty}` (an amount-only memo lists every item
 * with `qty` 0: Magento reads no items as "everything");
 * `arguments.shipping_amount` before Magento's shipping discount (see
 * `grossShipping`; 0 for no shipping); `adjustment_positive`,
 * `adjustment_negative`; `extension_attributes.return_to_stock_items`
 * (restock `return`); `notify`; the note (else the reason) as
 * `comment.comment` with `appendComment`. Amounts are JSON numbers in the
 * order currency where that loses no digit, else strings. A memo that
 * empties a multi-currency order is sent as "everything" (`items: []`, no
 * arguments), which fits the base side as [§3.6](../../../docs/specification.md#36-full-refund) does.
 *
 * What Magento cannot carry is `INVALID_INPUT` at the memo's path: restock
 * `cancel` and `locationId` (`lineItems[i].restock`,
 * `lineItems[i].locationId`), duties, a payout that is neither the
 * invoices in order nor one online invoice (`transactions`), and an online
 * refund of an order read without its invoices, whose payment is no
 * Magento invoice (`transactions[0].invoiceId`).
 *
 * @param memo - a memo computed on `order`.
 * @param order - the order it was computed on (or the one `applyRefund` returned).
 * @returns the body, or the errors. Never throws.
 * @example
 * ```ts
 * import { calculate, fromMagentoOrder, fromMagentoRefundRequest, toMagentoRefund } from "refund-core";
 * const order = fromMagentoOrder({
 *   entity_id: 5, base_currency_code: "USD", order_currency_code: "USD",
 *   items: [{ item_id: 3, sku: "MS09-M-Orange", qty_ordered: 2, price: 22, discount_amount: 4.4,
 *             tax_amount: 3.27, tax_percent: 8.25 }],
 *   shipping_amount: 15,
 *   payment: { method: "banktransfer", amount_paid: 57.87 },
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const request = fromMagentoRefundRequest({ items: [{ order_item_id: 3, qty: 1 }],
 *   arguments: { shipping_amount: 0, extension_attributes: { return_to_stock_items: [3] } } }, order.right);
 * if (request._tag === "Left") throw new Error(request.left[0].message);
 * const memo = calculate(order.right, request.right, "magento");
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const body = toMagentoRefund(memo.right, order.right);
 * body._tag === "Right" && JSON.stringify(body.right); // => '{"orderId":5,"items":[{"order_item_id":3,"qty":1}],"notify":false,"arguments":{"shipping_amount":0,"adjustment_positive":0,"adjustment_negative":0,"extension_attributes":{"return_to_stock_items":[3]}}}'
 * ```
 * @category Adapters
 */
export function toMagentoRefund(memo: CreditMemo, order: Order): Result<JsonObject> {
  const invalid = writerArgumentsError(memo, order);
  if (invalid !== undefined) return E.left([invalid]);
  const { request, explicit, suggestedPayout } = memoRequest(memo, order);
  const errors: RefundError[] = [];
  memo.lineItems.forEach((line, i) => {
    if (line.restock === "cancel")
      errors.push(
        refundErrors.invalidInput(
          `lineItems[${i}].restock`,
          'is "cancel", which Magento cannot carry (it returns items to stock or not)',
        ),
      );
    if (line.locationId !== null)
      errors.push(
        refundErrors.invalidInput(
          `lineItems[${i}].locationId`,
          "cannot be sent to Magento: its refund does not name a stock location",
        ),
      );
    line.duties.forEach((duty, j) => {
      if (!isZeroBag(duty.amount) || duty.taxLines.some((t) => !isZeroBag(t.amount)))
        errors.push(
          refundErrors.invalidInput(
            `lineItems[${i}].duties[${j}]`,
            "cannot be sent to Magento, which has no duties",
          ),
        );
    });
  });
  for (const path of lineAmountPaths(memo))
    errors.push(
      refundErrors.invalidInput(
        path,
        "cannot be sent to Magento: a Magento refund item has a quantity, not an amount",
      ),
    );
  const target = targetOf(memo, order, suggestedPayout);
  if (E.isLeft(target)) return E.left([target.left[0], ...target.left.slice(1), ...errors]);
  const [first, ...rest] = errors;
  if (first !== undefined) return E.left([first, ...rest]);
  const code = order.presentmentCurrency;
  const body: Record<string, JsonValue> =
    target.right.kind === "invoice"
      ? { invoiceId: platformIdJson(target.right.invoiceId) }
      : { orderId: platformIdJson(order.id) };
  const note = memo.note ?? memo.reason;
  const tail: Record<string, JsonValue> = {
    ...(target.right.kind === "invoice" ? { isOnline: true } : {}),
    notify: memo.notify,
    ...(note === null
      ? {}
      : { appendComment: true, comment: { comment: note, is_visible_on_front: 0 } }),
  };
  if (request.full) return E.right({ ...body, items: [], ...tail });
  const items =
    memo.lineItems.length === 0
      ? order.lineItems.map((l) => ({ order_item_id: platformIdJson(l.id), qty: 0 }))
      : memo.lineItems.map((l) => ({
          order_item_id: platformIdJson(l.lineItemId),
          qty: l.quantity,
        }));
  const { net, price } = shippingNetAndPrice(order);
  const shipping = explicit.shipping;
  const shippingArgument: Record<string, JsonValue> =
    shipping !== undefined && shipping.amount === undefined
      ? {}
      : {
          shipping_amount: money(
            grossShipping(memo.shipping.amount.presentment, net.presentment, price.presentment),
            code,
          ),
        };
  const restocked = memo.lineItems
    .filter((l) => l.restock === "return")
    .map((l) => platformIdJson(l.lineItemId));
  return E.right({
    ...body,
    items,
    ...tail,
    arguments: {
      ...shippingArgument,
      adjustment_positive: money(memo.adjustmentPositive.presentment, code),
      adjustment_negative: money(memo.adjustmentNegative.presentment, code),
      ...(restocked.length === 0
        ? {}
        : { extension_attributes: { return_to_stock_items: restocked } }),
    },
  });
}

/**
 * The credit memo entity Magento would store for `memo`
 * (`salesDataCreditmemoInterface`, as `GET /V1/creditmemo/{id}` returns
 * it): `order_id`, `invoice_id` (for a memo paid online out of one
 * invoice), the currency codes, `subtotal` (before discounts),
 * `discount_amount` (negative, items' and shipping's), `tax_amount`,
 * `shipping_amount` (before its discount, as {@link toMagentoRefund}
 * sends it), `shipping_tax_amount`, `adjustment_positive`,
 * `adjustment_negative`, `grand_total`, and `items[]` (`order_item_id`,
 * `qty`, `price`, `row_total`, `discount_amount`, `tax_amount`) — each
 * with its `base_*` twin in the base (shop) currency. On an order whose
 * prices include tax the prices are written as `price_incl_tax`,
 * `row_total_incl_tax` and `subtotal_incl_tax` (refund-core does not
 * split an included price). Attached to an order's `creditmemos`,
 * {@link fromMagentoOrder} reads it back as the same amounts.
 *
 * @param memo - a memo computed on `order`.
 * @param order - the order it was computed on.
 * @returns the entity, or `INVALID_INPUT` for a payout Magento cannot record (see {@link toMagentoRefund}).
 * @example
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, toMagentoCreditMemo } from "refund-core";
 * const order = decodeOrder({ id: "5", currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00", discountAllocations: [{ amount: "4.40" }],
 *                 taxLines: [{ title: "Tax", amount: "3.27" }] }],
 *   invoices: [{ id: "inv-1", amount: "42.87", gateway: "banktransfer", online: false }] });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }] });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error("invalid input");
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const entity = toMagentoCreditMemo(memo.right, order.right);
 * entity._tag === "Right" && entity.right["grand_total"]; // => 21.44
 * ```
 * @category Adapters
 */
export function toMagentoCreditMemo(memo: CreditMemo, order: Order): Result<JsonObject> {
  const invalid = writerArgumentsError(memo, order);
  if (invalid !== undefined) return E.left([invalid]);
  const { suggestedPayout } = memoRequest(memo, order);
  const target = targetOf(memo, order, suggestedPayout);
  if (E.isLeft(target)) return target;
  const { net, price } = shippingNetAndPrice(order);
  const shippingGross: MoneyBag = {
    shop: grossShipping(memo.shipping.amount.shop, net.shop, price.shop),
    presentment: grossShipping(
      memo.shipping.amount.presentment,
      net.presentment,
      price.presentment,
    ),
  };
  const itemsDiscount = sumBy(memo.lineItems, (l) => l.discount);
  const discount: MoneyBag = {
    shop: itemsDiscount.shop + shippingGross.shop - memo.shipping.amount.shop,
    presentment:
      itemsDiscount.presentment + shippingGross.presentment - memo.shipping.amount.presentment,
  };
  const subtotal = sumBy(memo.lineItems, (l) => l.gross);
  const included = order.taxesIncluded;
  const pair = (name: string, bag: MoneyBag, sign = 1n): Record<string, JsonValue> => ({
    [name]: money(sign * bag.presentment, order.presentmentCurrency),
    [`base_${name}`]: money(sign * bag.shop, order.currency),
  });
  return E.right({
    order_id: platformIdJson(order.id),
    ...(target.right.kind === "invoice"
      ? { invoice_id: platformIdJson(target.right.invoiceId) }
      : {}),
    order_currency_code: order.presentmentCurrency,
    base_currency_code: order.currency,
    ...pair(included ? "subtotal_incl_tax" : "subtotal", subtotal),
    ...pair("discount_amount", discount, -1n),
    ...pair("tax_amount", memo.tax),
    ...pair("shipping_amount", shippingGross),
    ...pair("shipping_tax_amount", memo.shipping.tax),
    ...pair("adjustment_positive", memo.adjustmentPositive),
    ...pair("adjustment_negative", memo.adjustmentNegative),
    ...pair("grand_total", memo.total),
    items: memo.lineItems.map((l) => ({
      order_item_id: platformIdJson(l.lineItemId),
      qty: l.quantity,
      ...pair(included ? "price_incl_tax" : "price", l.price),
      ...pair(included ? "row_total_incl_tax" : "row_total", l.gross),
      ...pair("discount_amount", l.discount),
      ...pair("tax_amount", l.tax),
    })),
  });
}

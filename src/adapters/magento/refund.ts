/**
 * Magento's refund payloads (`POST V1/order/{id}/refund`,
 * `POST V1/invoice/{id}/refund`) → our {@link RefundRequest}.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type * as t from "io-ts/lib/index.js";
import type { Order } from "../../domain/order.js";
import type {
  RefundLineRequest,
  RefundRequest,
  ShippingRequest,
} from "../../domain/refundRequest.js";
import { holds, orderShapeError } from "../../domain/shapes.js";
import { type RefundError, refundErrors } from "../../errors.js";
import {
  array,
  boolean,
  integer,
  optional,
  runDecoder,
  string,
  struct,
  withDefault,
} from "../../json/codec.js";
import { findCurrency } from "../../money/currency.js";
import type { DecimalAmount } from "../../money/decimal.js";
import { divideRounded } from "../../money/rounding.js";
import { lineHistoryOf, readRefundHistory } from "../../order/refundHistory.js";
import { guarded } from "../guarded.js";
import { decimalOfMinor, minorAt, Problems, platformId, platformMoney } from "../platformCodecs.js";
import { shippingNetAndPrice } from "./order.js";

/** The body of Magento's `order/{id}/refund` and `invoice/{id}/refund`. @category Adapters */
export const magentoRefundCodec = struct("a Magento refund", {
  orderId: optional(platformId),
  invoiceId: optional(platformId),
  items: withDefault(
    array(
      struct("a Magento refund item", { order_item_id: platformId, qty: integer(0) }),
      "a list of items",
    ),
    [],
  ),
  notify: withDefault(boolean, false),
  isOnline: optional(boolean),
  comment: optional(struct("a Magento comment", { comment: optional(string) })),
  arguments: optional(
    struct("Magento refund arguments", {
      shipping_amount: optional(platformMoney),
      adjustment_positive: optional(platformMoney),
      adjustment_negative: optional(platformMoney),
      extension_attributes: optional(
        struct("Magento refund extension attributes", {
          return_to_stock_items: withDefault(array(platformId, "a list of order item ids"), []),
        }),
      ),
    }),
  ),
});
type MagentoRefund = t.TypeOf<typeof magentoRefundCodec>;

/** Where the refund is posted: `order/{id}/refund` (offline) or `invoice/{id}/refund`. @category Adapters */
export type MagentoRefundTarget =
  | {
      /** `POST V1/order/{id}/refund`: an offline refund. */
      readonly kind: "order";
    }
  | {
      /** `POST V1/invoice/{id}/refund`: an online refund through the invoice. */
      readonly kind: "invoice";
      /** The invoice in the URL. */
      readonly invoiceId: string;
    };

/** `INVALID_INPUT` when `target` is not a {@link MagentoRefundTarget} (a JavaScript caller's wrong type). */
function targetError(target: unknown): RefundError | undefined {
  if (target === undefined) return undefined;
  const ok = holds(target, (u) => {
    const t = u as MagentoRefundTarget;
    return t.kind === "order" || (t.kind === "invoice" && typeof t.invoiceId === "string");
  });
  return ok
    ? undefined
    : refundErrors.invalidInput(
        "target",
        'must be absent, {"kind": "order"} or {"kind": "invoice", "invoiceId": "…"}',
      );
}

function toRequest(
  raw: MagentoRefund,
  order: Order,
  target: MagentoRefundTarget,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const problems = new Problems();
  const currency = findCurrency(order.presentmentCurrency);
  const args = raw.arguments;
  const minor = (name: "shipping_amount" | "adjustment_positive" | "adjustment_negative") => {
    const value = args?.[name];
    return value === undefined
      ? undefined
      : minorAt(value, currency, `arguments.${name}`, problems);
  };
  const shippingGross = minor("shipping_amount");
  const positive = minor("adjustment_positive");
  const negative = minor("adjustment_negative");
  const restocked = new Set(args?.extension_attributes?.return_to_stock_items ?? []);
  const decimal = (m: bigint): DecimalAmount =>
    decimalOfMinor(m, currency ?? { code: "", exponent: 0 });
  // Magento's shipping_amount is before the shipping discount; ours is net of it (§3.2).
  const { net, price } = shippingNetAndPrice(order);
  const shipping: ShippingRequest | undefined =
    shippingGross === undefined
      ? order.shippingLines.length > 0
        ? { fullRefund: true }
        : undefined
      : shippingGross === 0n
        ? undefined
        : {
            fullRefund: false,
            amount: decimal(
              price.presentment === 0n
                ? shippingGross
                : divideRounded(
                    shippingGross * net.presentment,
                    price.presentment,
                    "halfAwayFromZero",
                  ),
            ),
          };
  const restockOf = (id: string) =>
    restocked.has(id) ? ("return" as const) : ("no_restock" as const);
  const requested = raw.items.filter((it) => it.qty > 0);
  // No items at all means everything left; items all of qty 0 mean none (Magento's RefundOrder).
  const everything = raw.items.length === 0;
  const plainEverything =
    everything &&
    shippingGross === undefined &&
    positive === undefined &&
    negative === undefined &&
    restocked.size === 0;
  const history = readRefundHistory(order.refunds);
  const lineItems: RefundLineRequest[] = everything
    ? order.lineItems.flatMap((line) => {
        const left = line.quantity - lineHistoryOf(history, line.id).refundedQuantity;
        return left > 0
          ? [{ lineItemId: line.id, quantity: left, restock: restockOf(line.id) }]
          : [];
      })
    : requested.map((it) => ({
        lineItemId: it.order_item_id,
        quantity: it.qty,
        restock: restockOf(it.order_item_id),
      }));
  const freeAmounts =
    shipping?.amount !== undefined ||
    (positive !== undefined && positive > 0n) ||
    (negative !== undefined && negative > 0n);
  const online = target.kind === "invoice" && raw.isOnline !== false;
  const note = raw.comment?.comment;
  const common = {
    notify: raw.notify,
    ...(note === undefined || note === "" ? {} : { note }),
    ...(online && target.kind === "invoice" ? { invoiceId: target.invoiceId } : {}),
  };
  if (plainEverything)
    return problems.result(() => ({ lineItems: [], refundDuties: false, full: true, ...common }));
  return problems.result(() => ({
    lineItems,
    ...(shipping === undefined ? {} : { shipping }),
    refundDuties: everything,
    ...(positive !== undefined && positive > 0n ? { adjustmentPositive: decimal(positive) } : {}),
    ...(negative !== undefined && negative > 0n ? { adjustmentNegative: decimal(negative) } : {}),
    full: false,
    ...(freeAmounts ? { currency: order.presentmentCurrency } : {}),
    ...common,
  }));
}

/** The fields of a Magento refund body: the parameters of `RefundOrder`/`RefundInvoice`, and the path ids written in. */
const MAGENTO_REFUND_FIELDS: ReadonlySet<string> = new Set([
  "items",
  "arguments",
  "notify",
  "isOnline",
  "appendComment",
  "comment",
  "invoiceId",
  "orderId",
]);

/**
 * A body with fields, none of them Magento's (another platform's request,
 * say): read as Magento's it would be a body without items — everything
 * left refunded — so it is refused at its first field instead.
 */
function foreignBody(json: unknown): E.Either<NonEmptyArray<RefundError>, unknown> {
  return guarded(() => {
    if (typeof json !== "object" || json === null || Array.isArray(json)) return E.right(json);
    const fields = Object.keys(json);
    const first = fields[0];
    if (first === undefined || fields.some((f) => MAGENTO_REFUND_FIELDS.has(f)))
      return E.right(json);
    return E.left([
      refundErrors.invalidInput(
        first,
        `is not a field of a Magento refund body, which has none of ${[...MAGENTO_REFUND_FIELDS].join(", ")}; read as one, it would refund everything`,
      ),
    ]);
  });
}

/**
 * Reads a Magento refund payload as a {@link RefundRequest} for `order`
 * (the order {@link fromMagentoOrder} read, with its credit memos).
 *
 * - `items[] {order_item_id, qty}` → `lineItems` (qty 0 is skipped);
 *   `arguments.extension_attributes.return_to_stock_items` → `restock: "return"`.
 * - A body with fields but none of Magento's (`items`, `arguments`,
 *   `notify`, `isOnline`, `appendComment`, `comment`, `invoiceId`,
 *   `orderId`) — another platform's request, say — is `INVALID_INPUT` at
 *   its first field, not a body without items; `{}` is Magento's "everything".
 * - No `items` (absent or `[]`) means everything left: `full: true` when
 *   nothing else is said; with a shipping amount, adjustments or items to
 *   restock, every unit left is listed explicitly (with its duties) so
 *   those arguments still apply. Items that are all of `qty` 0 refund no
 *   item (an adjustment or shipping only).
 * - `arguments.shipping_amount` is Magento's shipping before its discount:
 *   it is converted to net shipping as `round(a · net / price)`; 0 refunds
 *   no shipping; absent refunds all the shipping left, as Magento does. On
 *   an order read with its taxes included (see {@link fromMagentoOrder}) the
 *   shipping price is `shipping_incl_tax`, so the amount includes tax too.
 * - adjustments → `adjustmentPositive` / `adjustmentNegative`; amounts are in
 *   the order currency (presentment), so `currency` is set with them.
 * - `target` `invoice` with `isOnline` not `false` → `invoiceId` (an online
 *   refund through that invoice; an offline invoice gives `OFFLINE_INVOICE`
 *   from {@link calculate}, as Magento refuses it). An `order` refund is
 *   offline: no invoice, transactions suggested.
 * - `comment.comment` → `note`; `notify` as given.
 *
 * @param json - the parsed payload.
 * @param order - the order it refunds.
 * @param target - `{kind: "order"}` or `{kind: "invoice", invoiceId}`; when
 *   left out, the document says it: `invoiceId` (the path parameter of
 *   `V1/invoice/{invoiceId}/refund`, written into the body as
 *   {@link toMagentoRefund} does) makes an invoice refund, else it is an
 *   order refund (an `orderId` must then name `order`).
 * @returns the request, or `INVALID_INPUT` errors with paths such as
 *   `items[0].qty`. Never throws.
 * @example
 * ```ts
 * import { calculate, encodeCreditMemo, fromMagentoOrder, fromMagentoRefundRequest } from "refund-core";
 * // Magento's DiscountTest: refund 1 unit with shipping 0 gives discount 40, tax 6, total 66.
 * const magentoOrder = {
 *   entity_id: 100, base_currency_code: "USD", order_currency_code: "USD",
 *   items: [{ item_id: 1, sku: "simple", qty_ordered: 2, qty_invoiced: 2, qty_refunded: 0,
 *             price: 100, base_price: 100, discount_amount: 80, base_discount_amount: 80,
 *             tax_amount: 12, base_tax_amount: 12, tax_percent: 10 }],
 *   shipping_amount: 100, base_shipping_amount: 100,
 *   shipping_discount_amount: 40, base_shipping_discount_amount: 40,
 *   shipping_tax_amount: 6, base_shipping_tax_amount: 6,
 *   grand_total: 198, base_grand_total: 198,
 *   payment: { method: "checkmo", amount_paid: 198, base_amount_paid: 198 },
 *   invoices: [{ entity_id: 10, grand_total: 198, base_grand_total: 198 }],
 *   creditmemos: [],
 * };
 * const order = fromMagentoOrder(magentoOrder);
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const request = fromMagentoRefundRequest(
 *   { items: [{ order_item_id: 1, qty: 1 }], arguments: { shipping_amount: 0 } },
 *   order.right, { kind: "order" });
 * if (request._tag === "Left") throw new Error(request.left[0].message);
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * encodeCreditMemo(memo.right)["total"]; // => "66.00"
 * ```
 * @category Adapters
 */
export function fromMagentoRefundRequest(
  json: unknown,
  order: Order,
  target?: MagentoRefundTarget,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const invalid = orderShapeError(order) ?? targetError(target);
  if (invalid !== undefined) return E.left([invalid]);
  return pipe(
    foreignBody(json),
    E.chain((body) => runDecoder(magentoRefundCodec, body)),
    E.chain((raw) => {
      if (raw.orderId !== undefined && raw.orderId !== order.id)
        return E.left<NonEmptyArray<RefundError>, RefundRequest>([
          refundErrors.invalidInput(
            "orderId",
            `names order ${raw.orderId}, but the order read is ${order.id}`,
          ),
        ]);
      const resolved: MagentoRefundTarget =
        target ??
        (raw.invoiceId === undefined
          ? { kind: "order" }
          : { kind: "invoice", invoiceId: raw.invoiceId });
      return toRequest(raw, order, resolved);
    }),
  );
}

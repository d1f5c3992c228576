/**
 * A computed credit memo → the refund Shopify accepts: the body of
 * `POST /admin/api/…/orders/{id}/refunds.json` (REST) and the variables of
 * the GraphQL Admin `refundCreate` mutation (`RefundInput`).
 *
 * Both carry the memo's lines (quantity, restock, location), its shipping
 * (`full_refund` or an amount), its duties, `currency`, `note` and `notify`,
 * and its transactions as `refund` transactions on their parent capture or
 * sale — Shopify moves money only through the transactions it is given.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { CreditMemo, RestockType } from "../../domain/creditMemo.js";
import type { Order } from "../../domain/order.js";
import { type RefundError, refundErrors } from "../../errors.js";
import type { JsonObject, JsonValue } from "../../json/json.js";
import { findCurrency } from "../../money/currency.js";
import { type DecimalAmount, formatMinorUnits } from "../../money/decimal.js";
import { lineAmountPaths, memoRequest, writerArgumentsError } from "../memoRequest.js";
import { platformIdJson } from "../platformCodecs.js";
import type { PlatformResult as Result } from "../platforms.js";

/** What both Shopify writers send, before naming the fields. */
interface ShopifyRefundParts {
  readonly currency: string;
  readonly note: string | null;
  readonly notify: boolean;
  readonly lines: readonly {
    readonly lineItemId: string;
    readonly quantity: number;
    readonly restock: RestockType;
    readonly locationId: string | null;
  }[];
  readonly shipping: { readonly fullRefund: true } | { readonly amount: string } | undefined;
  readonly dutyIds: readonly string[];
  readonly transactions: readonly {
    readonly parentId: string;
    readonly amount: string;
    readonly gateway: string | null;
  }[];
}

type Parts = Result<ShopifyRefundParts>;

/** The body of Shopify's REST `refunds.json`. @category Adapters */
export interface ShopifyRefundBody extends JsonObject {
  /** The refund: `currency`, `notify`, `note`, `shipping`, `refund_line_items`, `refund_duties`, `transactions`. */
  readonly refund: JsonObject;
}

/** The variables of Shopify's GraphQL `refundCreate(input: RefundInput!)`. @category Adapters */
export interface ShopifyRefundCreateVariables extends JsonObject {
  /** The `RefundInput`. */
  readonly input: JsonObject;
}

function partsOf(memo: CreditMemo, order: Order): Parts {
  const { explicit } = memoRequest(memo, order);
  const currency = findCurrency(order.presentmentCurrency);
  const text = (d: DecimalAmount) =>
    formatMinorUnits(d.coefficient, currency ?? { code: "", exponent: d.scale });
  const amountOnly =
    explicit.lineItems.length === 0 &&
    explicit.shipping === undefined &&
    explicit.adjustmentNegative === undefined &&
    explicit.adjustmentPositive !== undefined;
  const errors: RefundError[] = [];
  const cannot = (path: string, problem: string) =>
    errors.push(refundErrors.invalidInput(path, problem));
  if (explicit.adjustmentNegative !== undefined)
    cannot(
      "adjustmentNegative",
      "cannot be sent to Shopify: a Shopify refund has no fee withheld (refund less through its transactions instead)",
    );
  if (explicit.adjustmentPositive !== undefined && !amountOnly)
    cannot(
      "adjustmentPositive",
      "cannot be sent to Shopify together with items or shipping: Shopify records extra money only as a refund discrepancy (send it as a refund of its own)",
    );
  for (const path of lineAmountPaths(memo))
    cannot(path, "cannot be sent to Shopify: a Shopify refund line has a quantity, not an amount");
  memo.transactions.forEach((t, i) => {
    if (t.amount.presentment === 0n)
      cannot(
        `transactions[${i}].amount`,
        `is zero in ${order.presentmentCurrency}, and Shopify cannot refund a transaction of nothing`,
      );
  });
  const [first, ...rest] = errors;
  if (first !== undefined) return E.left([first, ...rest]);
  const shipping = explicit.shipping;
  return E.right({
    currency: order.presentmentCurrency,
    note: memo.note ?? memo.reason,
    notify: memo.notify,
    lines: explicit.lineItems
      .filter((l) => (l.quantity ?? 0) > 0)
      .map((l) => ({
        lineItemId: l.lineItemId ?? "",
        quantity: l.quantity ?? 0,
        restock: l.restock,
        locationId: l.locationId ?? null,
      })),
    shipping:
      shipping === undefined
        ? undefined
        : shipping.amount === undefined
          ? { fullRefund: true }
          : { amount: text(shipping.amount) },
    // refund-core prorates every duty of the refunded lines (§3.3): name them all.
    dutyIds: explicit.refundDuties
      ? memo.lineItems.flatMap((l) => l.duties.map((d) => d.dutyId))
      : [],
    transactions: memo.transactions.map((t) => ({
      parentId: t.invoiceId,
      amount: formatMinorUnits(
        t.amount.presentment,
        currency ?? { code: order.presentmentCurrency, exponent: 0 },
      ),
      gateway: t.gateway,
    })),
  });
}

/**
 * The body of Shopify's `POST /admin/api/…/orders/{id}/refunds.json` that
 * carries out `memo` (`{"refund": {...}}`): `currency`, `notify`, `note`
 * (the memo's note, else its reason — Shopify has one field),
 * `shipping` (the memo's shipping as `amount`; `full_refund` only where an
 * amount cannot reproduce it, [§9.2](../../../docs/specification.md#92-audit)), `refund_line_items` (`line_item_id`,
 * `quantity`, `restock_type`, `location_id`), `refund_duties`
 * (`PROPORTIONAL`: refund-core prorates duties, [§3.3](../../../docs/specification.md#33-duties)) and `transactions`
 * (`kind: "refund"`, `parent_id`, `amount`, `gateway`). Ids that are whole
 * numbers are written as JSON numbers, amounts as strings in the
 * presentment currency.
 *
 * A memo with an `adjustmentNegative`, or an `adjustmentPositive` beside
 * items or shipping, cannot be sent (Shopify has no such fields):
 * `INVALID_INPUT` at that field. An amount-only memo is a refund of
 * transactions only, which {@link fromShopifyRefundRequest} reads back as
 * `amount`.
 *
 * @param memo - a memo computed on `order`.
 * @param order - the order it was computed on (or the one `applyRefund` returned).
 * @returns the body, or the errors. Never throws.
 * @example
 * ```ts
 * import { calculate, fromShopifyOrder, fromShopifyRefundRequest, toShopifyRefund } from "refund-core";
 * const order = fromShopifyOrder({
 *   id: 450789469, currency: "USD",
 *   line_items: [{ id: 518995019, quantity: 1, price: "199.00",
 *                  discount_allocations: [{ amount: "3.33" }],
 *                  tax_lines: [{ title: "State Tax", rate: 0.06, price: "3.98" }] }],
 *   shipping_lines: [{ id: 369256396, price: "5.00" }],
 *   transactions: [{ id: 801038806, kind: "capture", status: "success", amount: "250.94", gateway: "bogus" }],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const request = fromShopifyRefundRequest({ refund: { shipping: { full_refund: true },
 *   refund_line_items: [{ line_item_id: 518995019, quantity: 1 }] } });
 * if (request._tag === "Left") throw new Error(request.left[0].message);
 * const memo = calculate(order.right, request.right, "shopify");
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const body = toShopifyRefund(memo.right, order.right);
 * body._tag === "Right" && JSON.stringify(body.right.refund); // => '{"currency":"USD","notify":false,"shipping":{"amount":"5.00"},"refund_line_items":[{"line_item_id":518995019,"quantity":1,"restock_type":"no_restock"}],"transactions":[{"parent_id":801038806,"amount":"204.65","kind":"refund","gateway":"bogus"}]}'
 * ```
 * @category Adapters
 */
export function toShopifyRefund(memo: CreditMemo, order: Order): Result<ShopifyRefundBody> {
  const invalid = writerArgumentsError(memo, order);
  if (invalid !== undefined) return E.left([invalid]);
  return E.map((p: ShopifyRefundParts) => {
    const refund: Record<string, JsonValue> = { currency: p.currency, notify: p.notify };
    if (p.note !== null) refund["note"] = p.note;
    if (p.shipping !== undefined)
      refund["shipping"] =
        "fullRefund" in p.shipping ? { full_refund: true } : { amount: p.shipping.amount };
    refund["refund_line_items"] = p.lines.map((l) => ({
      line_item_id: platformIdJson(l.lineItemId),
      quantity: l.quantity,
      restock_type: l.restock,
      ...(l.locationId === null ? {} : { location_id: platformIdJson(l.locationId) }),
    }));
    if (p.dutyIds.length > 0)
      refund["refund_duties"] = p.dutyIds.map((id) => ({
        duty_id: platformIdJson(id),
        refund_type: "PROPORTIONAL",
      }));
    refund["transactions"] = p.transactions.map((t) => ({
      parent_id: platformIdJson(t.parentId),
      amount: t.amount,
      kind: "refund",
      ...(t.gateway === null ? {} : { gateway: t.gateway }),
    }));
    return { refund };
  })(partsOf(memo, order));
}

/** A Shopify global id: `gid://shopify/<type>/<id>`, or the id when it already is one. */
export function shopifyGid(type: string, id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}

const RESTOCK_TYPES: Readonly<Record<RestockType, string>> = {
  no_restock: "NO_RESTOCK",
  cancel: "CANCEL",
  return: "RETURN",
};

/**
 * The variables of Shopify's GraphQL Admin `refundCreate(input: RefundInput!)`
 * mutation that carries out `memo` (`{"input": {...}}`): the same refund as
 * {@link toShopifyRefund} in GraphQL's names — global ids
 * (`gid://shopify/Order/…`, `LineItem`, `Location`, `Duty`,
 * `OrderTransaction`), `restockType` in capitals, `shipping`
 * (`fullRefund` or `amount`), `refundDuties` (`PROPORTIONAL`), and
 * `transactions` of `kind: "REFUND"` with `orderId`, `parentId`, `amount`
 * and `gateway` (which `OrderTransactionInput` requires: a transaction on an
 * invoice without a gateway is `INVALID_INPUT` at `transactions[i].gateway`).
 * The idempotency key, when the memo has one, goes in the mutation's
 * `@idempotent(key:)` directive, not in these variables.
 *
 * @param memo - a memo computed on `order`.
 * @param order - the order it was computed on (or the one `applyRefund` returned).
 * @returns the variables, or the errors. Never throws.
 * @example
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, toShopifyRefundCreateVariables } from "refund-core";
 * const order = decodeOrder({ id: "450789469", currency: "USD",
 *   lineItems: [{ id: "518995019", quantity: 1, price: "199.00" }],
 *   invoices: [{ id: "801038806", amount: "199.00", gateway: "bogus", online: true }] });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "518995019", quantity: 1, restock: "return", locationId: "487838322" }] });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error("invalid input");
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const variables = toShopifyRefundCreateVariables(memo.right, order.right);
 * variables._tag === "Right" && JSON.stringify(variables.right.input["refundLineItems"]); // => '[{"lineItemId":"gid://shopify/LineItem/518995019","quantity":1,"restockType":"RETURN","locationId":"gid://shopify/Location/487838322"}]'
 * ```
 * @category Adapters
 */
export function toShopifyRefundCreateVariables(
  memo: CreditMemo,
  order: Order,
): Result<ShopifyRefundCreateVariables> {
  const invalid = writerArgumentsError(memo, order);
  if (invalid !== undefined) return E.left([invalid]);
  const orderId = shopifyGid("Order", order.id);
  return E.flatMap((p: ShopifyRefundParts): Result<ShopifyRefundCreateVariables> => {
    const [missing, ...more] = p.transactions.flatMap((t, i): RefundError[] =>
      t.gateway === null
        ? [
            refundErrors.invalidInput(
              `transactions[${i}].gateway`,
              "is required by Shopify's refundCreate, but the invoice has no gateway",
            ),
          ]
        : [],
    );
    if (missing !== undefined) return E.left([missing, ...more]);
    const input: Record<string, JsonValue> = {
      orderId,
      currency: p.currency,
      notify: p.notify,
    };
    if (p.note !== null) input["note"] = p.note;
    if (p.shipping !== undefined)
      input["shipping"] =
        "fullRefund" in p.shipping ? { fullRefund: true } : { amount: p.shipping.amount };
    input["refundLineItems"] = p.lines.map((l) => ({
      lineItemId: shopifyGid("LineItem", l.lineItemId),
      quantity: l.quantity,
      restockType: RESTOCK_TYPES[l.restock],
      ...(l.locationId === null ? {} : { locationId: shopifyGid("Location", l.locationId) }),
    }));
    if (p.dutyIds.length > 0)
      input["refundDuties"] = p.dutyIds.map((id) => ({
        dutyId: shopifyGid("Duty", id),
        refundType: "PROPORTIONAL",
      }));
    input["transactions"] = p.transactions.map((t) => ({
      orderId,
      parentId: shopifyGid("OrderTransaction", t.parentId),
      amount: t.amount,
      gateway: t.gateway ?? "",
      kind: "REFUND",
    }));
    return E.right({ input });
  })(partsOf(memo, order));
}

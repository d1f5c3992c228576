/**
 * refund-core's own format as a platform ([§10](../../../docs/specification.md#10-platforms-v2), `canonical`): the refund
 * request ([§4](../../../docs/specification.md#4-refund-request)) that carries out a credit memo.
 *
 * @module
 */
import type { CreditMemo } from "../../domain/creditMemo.js";
import type { Order } from "../../domain/order.js";
import type { JsonObject } from "../../json/json.js";
import { failureDocument } from "../../json/json.js";
import { encodeRefundRequest } from "../../json/refundRequest.js";
import { memoRequest, writerArgumentsError } from "../memoRequest.js";

/**
 * The canonical refund request ([§4](../../../docs/specification.md#4-refund-request)) that reproduces `memo` on `order`:
 * `calculate(order, decodeRefundRequest(toCanonicalRefundRequest(memo, order)))`
 * gives the memo again (under the policy that computed it).
 *
 * Lines with their quantities, restock and locations; shipping as an amount
 * (or `fullRefund` where only that reproduces it); `refundDuties`;
 * adjustments — or `amount` for an amount-only memo; `full: true` for a memo
 * that empties a multi-currency order ([§3.6](../../../docs/specification.md#36-full-refund) fits both sides); explicit
 * `transactions` only when the memo's payout is not the one [§3.7](../../../docs/specification.md#37-money-out-transactions) suggests;
 * `currency` with any free amount; `reason`, `note`, `notify` and
 * `idempotencyKey` as on the memo.
 *
 * @param memo - a memo computed on `order`.
 * @param order - the order it was computed on, or the order `applyRefund`
 *   returned with it (its refunds from the memo on are then ignored).
 * @returns the request as JSON.
 * @example
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, toCanonicalRefundRequest } from "refund-core";
 * const order = decodeOrder({
 *   id: "5", currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   shippingLines: [{ id: "s1", price: "15.00" }],
 *   invoices: [{ id: "inv-1", amount: "59.00", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }], shipping: { amount: "5" }, currency: "USD" });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error("invalid input");
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * toCanonicalRefundRequest(memo.right, order.right)["shipping"]; // => { fullRefund: false, amount: "5.00" }
 * ```
 * @category Adapters
 */
export function toCanonicalRefundRequest(memo: CreditMemo, order: Order): JsonObject {
  const invalid = writerArgumentsError(memo, order);
  if (invalid !== undefined) return failureDocument(invalid);
  return encodeRefundRequest(memoRequest(memo, order).request);
}

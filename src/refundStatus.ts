/**
 * `refundStatus`: where an order stands with its money.
 *
 * @module
 */
import { orderArgumentError } from "./apiArguments.js";
import type { Order } from "./domain/order.js";
import { isZeroBag, subtractBags } from "./money/moneyBag.js";
import { refundHistoryOf } from "./order/carriedHistory.js";
import { moneyCollected, orderMoneyLeft } from "./order/moneyLeft.js";

/**
 * Where an order stands with its money, as {@link refundStatus} reads it:
 * - `unpaid`: no money was collected;
 * - `paid`: money was collected and none was refunded;
 * - `partially_refunded`: some, not all, was refunded;
 * - `refunded`: every collected unit of money was returned (both sides).
 * @category Calculating
 */
export type RefundStatus = "unpaid" | "paid" | "partially_refunded" | "refunded";

/**
 * Where the order stands: nothing collected, paid, partly or fully refunded.
 * Only money counts: the collected invoices against the transactions of the
 * memos in `refunds`. Items returned without money (a zero-total memo) leave
 * the status unchanged.
 *
 * @param order - the order with its refund history.
 * @returns the status; `"refunded"` once every collected unit of money was
 * returned, on both sides of a multi-currency order. Never fails: a value
 * that is not an order (a JavaScript caller's wrong type, a getter that
 * throws) has no money that can be read, and is `"unpaid"`.
 * @example
 * ```ts
 * import { applyRefund, decodeOrder, decodeRefundRequest, refundStatus } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "9", currency: "USD",
 *   lineItems: [{ id: "a", quantity: 2, price: "5.00" }],
 *   invoices: [{ id: "cap-1", amount: "10.00", online: true }],
 * });
 * const half = decodeRefundRequest({ amount: "4.00" });
 * const rest = decodeRefundRequest({ full: true });
 * if (order._tag === "Left" || half._tag === "Left" || rest._tag === "Left") throw new Error();
 *
 * refundStatus(order.right); // => "paid"
 * const partly = applyRefund(order.right, half.right);
 * if (partly._tag === "Left") throw new Error();
 * refundStatus(partly.right.order); // => "partially_refunded"
 * const fully = applyRefund(partly.right.order, rest.right);
 * if (fully._tag === "Left") throw new Error();
 * refundStatus(fully.right.order); // => "refunded"
 * ```
 * @category Calculating
 */
export function refundStatus(order: Order): RefundStatus {
  if (orderArgumentError(order) !== undefined) return "unpaid";
  const collected = moneyCollected(order);
  if (isZeroBag(collected)) return "unpaid";
  const left = orderMoneyLeft(order, refundHistoryOf(order));
  if (isZeroBag(left)) return "refunded";
  return isZeroBag(subtractBags(collected, left)) ? "paid" : "partially_refunded";
}

/**
 * `refundStatus`: where an order stands with its money.
 *
 * @module
 */
import type { Order } from "./domain/order.js";
import { isZeroBag, subtractBags } from "./money/moneyBag.js";
import { moneyCollected, orderMoneyLeft } from "./order/moneyLeft.js";
import { readRefundHistory } from "./order/refundHistory.js";

/**
 * - `unpaid`: no money was collected;
 * - `paid`: money was collected and none was refunded;
 * - `partially_refunded`: some, not all, was refunded;
 * - `refunded`: every collected unit of money was returned (both sides).
 * @category Calculating
 */
export type RefundStatus = "unpaid" | "paid" | "partially_refunded" | "refunded";

/**
 * Where the order stands: nothing collected, paid, partly or fully refunded.
 *
 * @param order - the order with its refund history.
 * @returns the status, read from its invoices and its memos' transactions.
 * @category Calculating
 */
export function refundStatus(order: Order): RefundStatus {
  const collected = moneyCollected(order);
  if (isZeroBag(collected)) return "unpaid";
  const left = orderMoneyLeft(order, readRefundHistory(order.refunds));
  if (isZeroBag(left)) return "refunded";
  return isZeroBag(subtractBags(collected, left)) ? "paid" : "partially_refunded";
}

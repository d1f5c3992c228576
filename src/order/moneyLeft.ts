/**
 * Money left: what is still refundable on each invoice and on the order —
 * what was collected minus what the history's transactions paid out ([§3.7](../../docs/specification.md#37-money-out-transactions)).
 *
 * @module
 */

import { orderArgumentError } from "../apiArguments.js";
import { type Invoice, type Order, type ShippingLine, shippingNet } from "../domain/order.js";
import { BagSum, type MoneyBag, subtractBags, sumAmounts, ZERO } from "../money/moneyBag.js";
import { refundHistoryOf } from "./carriedHistory.js";
import { invoiceTakenOf, type RefundHistory, shippingHistoryOf } from "./refundHistory.js";

/** Money left on one invoice. */
export function invoiceMoneyLeft(invoice: Invoice, history: RefundHistory): MoneyBag {
  return subtractBags(invoice.amount, invoiceTakenOf(history, invoice.id));
}

/** Money collected on the order: the sum of its invoices. */
export function moneyCollected(order: Pick<Order, "invoices">): MoneyBag {
  return sumAmounts(order.invoices);
}

/** Money left on the order: the sum of its invoices' money left. */
export function orderMoneyLeft(order: Pick<Order, "invoices">, history: RefundHistory): MoneyBag {
  // One invoice (most orders): its money left is the sum, no running sum needed.
  if (order.invoices.length === 1) return invoiceMoneyLeft(order.invoices[0] as Invoice, history);
  const left = new BagSum();
  for (let i = 0; i < order.invoices.length; i++)
    left.add(invoiceMoneyLeft(order.invoices[i] as Invoice, history));
  return left.total();
}

/**
 * The money still refundable on an order, both sides, after every refund in
 * its history: the sum over its invoices of the amount collected minus what
 * the history's transactions took from it ([§3.7](../../docs/specification.md#37-money-out-transactions)). A refund's total can never
 * exceed it (`OVER_REFUND`), and a full refund ([§3.6](../../docs/specification.md#36-full-refund)) comes to exactly this.
 *
 * @param order - the order with its refund history.
 * @returns integer minor units: `shop` in `order.currency`, `presentment` in
 * `order.presentmentCurrency`. Never fails.
 * @example
 * ```ts
 * import { applyRefund, decodeOrder, decodeRefundRequest, moneyLeft } from "refund-core";
 *
 * // Shopify's fixture: 250.94 captured, then 209.00 refunded.
 * const order = decodeOrder({
 *   id: "450789469", currency: "USD",
 *   invoices: [{ id: "801038806", amount: "250.94", gateway: "bogus", online: true }],
 * });
 * const request = decodeRefundRequest({ amount: "209.00" });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error();
 * moneyLeft(order.right); // => { shop: 25094n, presentment: 25094n }
 *
 * const applied = applyRefund(order.right, request.right);
 * if (applied._tag === "Left") throw new Error(applied.left[0].message);
 * moneyLeft(applied.right.order); // => { shop: 4194n, presentment: 4194n }
 * ```
 * @category Calculating
 */
export function moneyLeft(order: Order): MoneyBag {
  if (orderArgumentError(order) !== undefined) return ZERO;
  return orderMoneyLeft(order, refundHistoryOf(order));
}

/** Shipping still refundable on one shipping line: its net less what the history refunded of it. */
export function shippingLineLeft(line: ShippingLine, history: RefundHistory): MoneyBag {
  return subtractBags(shippingNet(line), shippingHistoryOf(history, line.id).amount);
}

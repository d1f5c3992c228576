/**
 * Money left: what is still refundable on each invoice and on the order —
 * what was collected minus what the history's transactions paid out (§3.7).
 *
 * @module
 */
import type { Invoice, Order } from "../domain/order.js";
import { type MoneyBag, subtractBags, sumBy } from "../money/moneyBag.js";
import { invoiceTakenOf, type RefundHistory, readRefundHistory } from "./refundHistory.js";

/** Money left on one invoice. */
export function invoiceMoneyLeft(invoice: Invoice, history: RefundHistory): MoneyBag {
  return subtractBags(invoice.amount, invoiceTakenOf(history, invoice.id));
}

/** Money collected on the order: the sum of its invoices. */
export function moneyCollected(order: Pick<Order, "invoices">): MoneyBag {
  return sumBy(order.invoices, (invoice) => invoice.amount);
}

/** Money left on the order: the sum of its invoices' money left. */
export function orderMoneyLeft(order: Pick<Order, "invoices">, history: RefundHistory): MoneyBag {
  return sumBy(order.invoices, (invoice) => invoiceMoneyLeft(invoice, history));
}

/**
 * The money still refundable on an order, both sides, after every refund in
 * its history.
 *
 * @category Calculating
 */
export function moneyLeft(order: Order): MoneyBag {
  return orderMoneyLeft(order, readRefundHistory(order.refunds));
}

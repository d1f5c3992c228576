/**
 * What an order's history has taken, read independently of the engine's
 * `refundHistory`: plain sums over `order.refunds`, used by the generators
 * (to ask only for what is left) and by the properties (as the oracle).
 */
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { LineItem, Order, ShippingLine } from "../../src/domain/order.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

export const ZERO_BAG: MoneyBag = { shop: 0n, presentment: 0n };
export const add = (a: MoneyBag, b: MoneyBag): MoneyBag => ({
  shop: a.shop + b.shop,
  presentment: a.presentment + b.presentment,
});
export const sub = (a: MoneyBag, b: MoneyBag): MoneyBag => ({
  shop: a.shop - b.shop,
  presentment: a.presentment - b.presentment,
});
export const total = (bags: readonly MoneyBag[]): MoneyBag => bags.reduce(add, ZERO_BAG);
export const isZero = (a: MoneyBag): boolean => a.shop === 0n && a.presentment === 0n;

const memoLinesOf = (order: Order, lineId: string) =>
  order.refunds.flatMap((m) => m.lineItems.filter((l) => l.lineItemId === lineId));

/** Units of a line refunded, returned and cancelled so far. */
export function lineUnits(
  order: Order,
  line: LineItem,
): { refunded: number; returned: number; cancelled: number } {
  const lines = memoLinesOf(order, line.id);
  const sumOf = (f: (q: number, restock: string) => number) =>
    lines.reduce((s, l) => s + f(l.quantity, l.restock), 0);
  return {
    refunded: sumOf((q) => q),
    returned: sumOf((q, r) => (r === "return" ? q : 0)),
    cancelled: sumOf((q, r) => (r === "cancel" ? q : 0)),
  };
}

export function unitsLeft(order: Order, line: LineItem): number {
  return line.quantity - lineUnits(order, line).refunded;
}

/** What the history refunded of each discount, tax line and duty (and duty tax) of a line. */
export function lineComponentsRefunded(order: Order, line: LineItem) {
  const lines = memoLinesOf(order, line.id);
  return {
    discounts: line.discountAllocations.map((_, i) =>
      total(lines.map((l) => l.discountAllocations[i]?.amount ?? ZERO_BAG)),
    ),
    taxes: line.taxLines.map((_, i) => total(lines.map((l) => l.taxLines[i]?.amount ?? ZERO_BAG))),
    duties: line.duties.map((duty) => {
      const refunds = lines.flatMap((l) => l.duties.filter((d) => d.dutyId === duty.id));
      return {
        amount: total(refunds.map((d) => d.amount)),
        taxes: duty.taxLines.map((_, t) =>
          total(refunds.map((d) => d.taxLines[t]?.amount ?? ZERO_BAG)),
        ),
      };
    }),
  };
}

export function shippingNetOf(line: ShippingLine): MoneyBag {
  return sub(line.price, total(line.discountAllocations.map((d) => d.amount)));
}

const memoShippingOf = (order: Order, lineId: string) =>
  order.refunds.flatMap((m) => m.shipping.lines.filter((l) => l.shippingLineId === lineId));

/** Shipping refunded of a line, and of each of its tax lines. */
export function shippingRefunded(
  order: Order,
  line: ShippingLine,
): { amount: MoneyBag; taxes: MoneyBag[] } {
  const lines = memoShippingOf(order, line.id);
  return {
    amount: total(lines.map((l) => l.amount)),
    taxes: line.taxLines.map((_, t) => total(lines.map((l) => l.taxLines[t]?.amount ?? ZERO_BAG))),
  };
}

export function shippingLeft(order: Order, line: ShippingLine): MoneyBag {
  return sub(shippingNetOf(line), shippingRefunded(order, line).amount);
}

export function allShippingLeft(order: Order): MoneyBag {
  return total(order.shippingLines.map((l) => shippingLeft(order, l)));
}

export function collected(order: Order): MoneyBag {
  return total(order.invoices.map((i) => i.amount));
}

export function invoiceTaken(order: Order, invoiceId: string): MoneyBag {
  return total(
    order.refunds.flatMap((m) =>
      m.transactions.filter((t) => t.invoiceId === invoiceId).map((t) => t.amount),
    ),
  );
}

export function invoiceLeft(order: Order, invoiceId: string): MoneyBag {
  const invoice = order.invoices.find((i) => i.id === invoiceId);
  return sub(invoice?.amount ?? ZERO_BAG, invoiceTaken(order, invoiceId));
}

/** Money collected minus every memo total (equal to what the transactions took). */
export function moneyLeftByTotals(order: Order): MoneyBag {
  return sub(collected(order), total(order.refunds.map((m: CreditMemo) => m.total)));
}

/** Money collected minus every transaction. */
export function moneyLeftByTransactions(order: Order): MoneyBag {
  return sub(
    collected(order),
    total(order.refunds.flatMap((m) => m.transactions.map((t) => t.amount))),
  );
}

/**
 * Shop money on invoices that collected no presentment money (§3.8 v2):
 * transactions are presentment money, so no refund ever pays it out. The
 * generators split each side of the collected money over the invoices
 * independently, so an invoice may hold shop money alone.
 */
export function strandedShop(order: Order): bigint {
  let stranded = 0n;
  for (const invoice of order.invoices)
    if (invoice.amount.presentment <= 0n) stranded += invoice.amount.shop;
  return stranded;
}

/** The sum of the memos' `exchangeDifference` (shop minor units). */
export function exchangeDifferences(order: Order): bigint {
  return order.refunds.reduce((sum, m) => sum + m.exchangeDifference, 0n);
}

/**
 * The history a memo is replayed against. An audit reports a memo that
 * names what the order does not have (an unknown item, duty, shipping line
 * or invoice, another currency) as rejected; for the memos after it, the
 * history keeps only what such a memo says about the order's own lines,
 * shipping lines and invoices — so one bad memo is reported once, and never
 * turns the order into `INCONSISTENT_ORDER` ([§9.2](../../docs/specification.md#92-audit)).
 *
 * @module
 */
import type {
  CreditMemo,
  CreditMemoLine,
  DutyRefund,
  RefundTransaction,
  ShippingLineRefund,
} from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { lineHasDuty, type OrderIds, orderIds } from "../order/orderConsistency.js";

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * `memo` restricted to the order's own lines (with no more components than
 * the line has, and only its duties), shipping lines and invoices; `null`
 * for a memo in other currencies than the order, which says nothing about it.
 */
export function restrictToOrder(
  order: Order,
  memo: CreditMemo,
  ids: OrderIds = orderIds(order),
): CreditMemo | null {
  if (memo.currency !== order.currency || memo.presentmentCurrency !== order.presentmentCurrency)
    return null;
  // The common case: the memo says nothing beyond the order, and is its own restriction.
  if (withinOrder(order, memo, ids)) return memo;
  return {
    ...memo,
    lineItems: memo.lineItems.flatMap((memoLine) => {
      const position = ids.lines.get(memoLine.lineItemId);
      const line = position === undefined ? undefined : order.lineItems[position];
      if (line === undefined || !isCount(memoLine.quantity)) return [];
      return [
        {
          ...memoLine,
          discountAllocations: memoLine.discountAllocations.slice(
            0,
            line.discountAllocations.length,
          ),
          taxLines: memoLine.taxLines.slice(0, line.taxLines.length),
          duties: memoLine.duties.filter((d) =>
            lineHasDuty(ids, line, position as number, d.dutyId),
          ),
        },
      ];
    }),
    shipping: {
      ...memo.shipping,
      lines: memo.shipping.lines.filter((line) => ids.shippingLines.has(line.shippingLineId)),
    },
    transactions: memo.transactions.filter((t) => ids.invoices.has(t.invoiceId)),
  };
}

/**
 * Whether {@link restrictToOrder} would keep all of `memo`: every line is an
 * order line's, with a count for its quantity, no more discounts and tax
 * lines than that line and only its duties; every shipping line and invoice
 * is the order's. One pass, nothing built.
 */
function withinOrder(order: Order, memo: CreditMemo, ids: OrderIds): boolean {
  const lines = memo.lineItems;
  for (let i = 0; i < lines.length; i++) {
    const memoLine = lines[i] as CreditMemoLine;
    const position = ids.lines.get(memoLine.lineItemId);
    const line = position === undefined ? undefined : order.lineItems[position];
    if (
      line === undefined ||
      !isCount(memoLine.quantity) ||
      memoLine.discountAllocations.length > line.discountAllocations.length ||
      memoLine.taxLines.length > line.taxLines.length
    )
      return false;
    const duties = memoLine.duties;
    for (let d = 0; d < duties.length; d++)
      if (!lineHasDuty(ids, line, position as number, (duties[d] as DutyRefund).dutyId))
        return false;
  }
  const shippingLines = memo.shipping.lines;
  for (let i = 0; i < shippingLines.length; i++)
    if (!ids.shippingLines.has((shippingLines[i] as ShippingLineRefund).shippingLineId))
      return false;
  const transactions = memo.transactions;
  for (let i = 0; i < transactions.length; i++)
    if (!ids.invoices.has((transactions[i] as RefundTransaction).invoiceId)) return false;
  return true;
}

/** Every memo of the order restricted to it, in order (memos in other currencies left out). */
export function replayableHistory(
  order: Order,
  ids: OrderIds = orderIds(order),
): readonly (CreditMemo | null)[] {
  return order.refunds.map((memo) => restrictToOrder(order, memo, ids));
}

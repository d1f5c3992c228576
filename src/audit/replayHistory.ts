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
import type { CreditMemo } from "../domain/creditMemo.js";
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

/** Every memo of the order restricted to it, in order (memos in other currencies left out). */
export function replayableHistory(
  order: Order,
  ids: OrderIds = orderIds(order),
): readonly (CreditMemo | null)[] {
  return order.refunds.map((memo) => restrictToOrder(order, memo, ids));
}

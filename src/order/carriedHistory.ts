/**
 * The checked history an order carries along a chain of refunds.
 *
 * Every refund must know what the order's earlier refunds took, and that
 * they took no more than the order has. Read from `order.refunds`, that
 * costs the whole history on every refund: the 500th refund of an order
 * would read 499 memos. The order that {@link applyRefund} returns
 * therefore carries its history already read and checked — the history it
 * was given plus the memo it added, checked against the lines that memo
 * touches — and the next `calculate` or `applyRefund` of that order starts
 * from it.
 *
 * How it is carried, and why that keeps the library pure:
 * - a non-enumerable property under a symbol this module does not export,
 *   on an order object `applyRefund` creates and freezes, together with its
 *   new `refunds` list (the freeze is shallow: lines, invoices and memos
 *   are shared with the input). JSON, `encodeOrder`, `{...order}` and deep equality
 *   do not see it; a copy of the order made in any way does not have it and
 *   is read from scratch;
 * - it is used only by the very order object it was made for: an object
 *   that inherits from that order or copies its property descriptors does
 *   not get it;
 * - it is derived from the order's own values, so any refund computes the
 *   same memo with it as without it (a property test checks this on random
 *   chains). It is a value, not a cache: the library keeps no state between
 *   calls.
 *
 * Like every value of refund-core, an order is immutable: changing a line,
 * an invoice or a memo of an order in place after a call — which the
 * `readonly` types forbid — is not supported, with or without a carried
 * history.
 *
 * @module
 */
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { checkAddedMemo, type OrderIds } from "./orderConsistency.js";
import { type RefundHistory, readRefundHistory, withMemo } from "./refundHistory.js";

/**
 * An order's refund history, read and checked against the order, with the
 * positions of the order's ids: what a refund computes with once the
 * order's checks have passed.
 */
export interface CheckedHistory {
  readonly history: RefundHistory;
  readonly ids: OrderIds;
}

/** What an order carries: its checked history, and the very order object it is of. */
interface CarriedHistory extends CheckedHistory {
  readonly order: Order;
}

const CARRIED: unique symbol = Symbol("refund-core: checked refund history");

type Carrying = Order & { readonly [CARRIED]?: CarriedHistory };

/**
 * The checked history `order` carries; `undefined` for an order not made by
 * `applyRefund` (decoded, built or copied in any way), whose history must
 * be read and checked. The record names the frozen order object it was made
 * for: an object that inherits it (`Object.create(order, …)`) or copies it
 * with the property descriptors has other fields, and does not get it.
 */
export function carriedHistoryOf(order: Order): CheckedHistory | undefined {
  const carried = (order as Carrying)[CARRIED];
  return carried !== undefined && carried.order === order ? carried : undefined;
}

/**
 * `order` with `memo` appended to its refunds: a new, frozen order that
 * carries the checked history with the memo added — unless the memo does
 * not pass the history checks against the order (which would be a defect
 * of the engine that made it), in which case the new order carries nothing
 * and its next refund reads and checks the whole history, reporting what is
 * wrong.
 *
 * @param order - an order whose own data and history have been checked.
 * @param checked - `order`'s history, read and checked, and its ids.
 * @param memo - the memo to append.
 */
export function appendRefund(order: Order, checked: CheckedHistory, memo: CreditMemo): Order {
  const next: Order = { ...order, refunds: Object.freeze([...order.refunds, memo]) };
  const { history, ids } = checked;
  const after = withMemo(history, memo);
  if (checkAddedMemo(order, ids, after, memo, (id) => history.memoIds.has(id)).length === 0) {
    const carried: CarriedHistory = { order: next, history: after, ids };
    Object.defineProperty(next, CARRIED, { value: carried, enumerable: false });
  }
  return Object.freeze(next);
}

/**
 * What `order`'s refunds took: the history it carries, else read from its
 * refunds. For `moneyLeft` and `refundStatus`, which read a history without
 * checking it.
 */
export function refundHistoryOf(order: Order): RefundHistory {
  return carriedHistoryOf(order)?.history ?? readRefundHistory(order.refunds);
}

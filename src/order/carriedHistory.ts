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
 *   new `refunds` list. JSON, `encodeOrder`, `{...order}` and deep equality
 *   do not see it; a copy of the order made in any way does not have it and
 *   is read from scratch;
 * - it is used only while the order's `refunds` is the very list it was
 *   made for;
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
 * What the checks of an order read, which a refund computes with: its refund
 * history and the positions of its ids.
 */
export interface CheckedOrder {
  readonly history: RefundHistory;
  readonly ids: OrderIds;
}

/** What an order carries: its checked history and ids, and the refunds list they are of. */
interface CarriedHistory extends CheckedOrder {
  readonly refunds: readonly CreditMemo[];
}

const CARRIED: unique symbol = Symbol("refund-core: checked refund history");

type Carrying = Order & { readonly [CARRIED]?: CarriedHistory };

function carriedBy(order: Order): CarriedHistory | undefined {
  const carried = (order as Carrying)[CARRIED];
  return carried !== undefined && carried.refunds === order.refunds ? carried : undefined;
}

/**
 * The history `order` carries, already read and checked together with the
 * order's own data; `undefined` for an order not made by `applyRefund`
 * (decoded, built or copied), whose history must be read and checked.
 */
export function carriedHistoryOf(order: Order): RefundHistory | undefined {
  return carriedBy(order)?.history;
}

/** {@link carriedHistoryOf} with the order's ids. */
export function carriedCheckOf(order: Order): CheckedOrder | undefined {
  return carriedBy(order);
}

/**
 * `order` with `memo` appended to its refunds: a new, frozen order that
 * carries the history with the memo added — unless the memo does not pass
 * the history checks against the order (which would be a defect of the
 * engine that made it), in which case the new order carries nothing and
 * its next refund reads and checks the whole history, reporting what is
 * wrong.
 *
 * @param order - an order whose own data and history have been checked.
 * @param checked - `order`'s history, read and checked, and its ids.
 * @param memo - the memo to append.
 */
export function appendRefund(order: Order, checked: CheckedOrder, memo: CreditMemo): Order {
  const refunds = Object.freeze([...order.refunds, memo]);
  const next: Order = { ...order, refunds };
  const { history, ids } = checked;
  const after = withMemo(history, memo);
  if (checkAddedMemo(order, ids, after, memo).length === 0) {
    const carried: CarriedHistory = { refunds, history: after, ids };
    Object.defineProperty(next, CARRIED, { value: carried, enumerable: false });
  }
  return Object.freeze(next);
}

/**
 * The history of `order`: the one it carries, else read from its refunds
 * (unchecked; the callers that need it checked use {@link carriedHistoryOf}).
 */
export function refundHistoryOf(order: Order): RefundHistory {
  return carriedHistoryOf(order) ?? readRefundHistory(order.refunds);
}

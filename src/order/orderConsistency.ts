/**
 * Whether an order contradicts itself ([§2](../../docs/specification.md#2-order), `INCONSISTENT_ORDER`): the
 * order's own lines, shipping and invoices (`orderSoundness.ts`), and
 * separately its refund history (`historyConsistency.ts`). This module asks
 * both questions in turn; the checks of each are re-exported from here, so
 * that callers import every order check from one place. An audit checks
 * only the first and reports the history memo by memo
 * ([§9.2](../../docs/specification.md#92-audit)).
 *
 * @module
 */
import type { Order } from "../domain/order.js";
import type { RefundError } from "../errors.js";
import { checkRefundHistory } from "./historyConsistency.js";
import { checkOrderItself, type OrderIds, orderIds } from "./orderSoundness.js";
import { type RefundHistory, readRefundHistory } from "./refundHistory.js";

export {
  checkAddedMemo,
  checkHistoryShape,
  checkMemoShape,
  checkRefundHistory,
  refundHistoryOf,
} from "./historyConsistency.js";
export {
  checkOrderItself,
  FEW_IDS,
  FewIdPositions,
  type IdPositions,
  lineHasDuty,
  type OrderIds,
  orderIds,
  soundOrderIds,
} from "./orderSoundness.js";

/**
 * Both checks: the order itself, then (if that passes) its history. Pass the
 * history when it is already read, so that it is read once per refund.
 */
export function checkOrder(
  order: Order,
  history: RefundHistory = readRefundHistory(order.refunds),
  ids: OrderIds = orderIds(order),
): RefundError[] {
  const own = checkOrderItself(order, ids);
  if (own.length > 0) return own;
  // No refunds, nothing refunded: a history check of an order whose own
  // amounts are sound can find nothing (every refunded figure is zero).
  return order.refunds.length === 0 ? own : checkRefundHistory(order, history, ids);
}

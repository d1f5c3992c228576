/**
 * `applyRefund`: records a refund on an order.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { calculateWithHistory } from "./calculate.js";
import type { CreditMemo } from "./domain/creditMemo.js";
import type { Order } from "./domain/order.js";
import type { PolicyName } from "./domain/policy.js";
import type { RefundRequest } from "./domain/refundRequest.js";
import type { RefundError } from "./errors.js";
import { appendRefund } from "./order/carriedHistory.js";

/**
 * The order after a refund and the credit memo recorded on it.
 * @category Applying
 */
export interface AppliedRefund {
  /** The new order: the input order with `creditMemo` appended to `refunds`. */
  readonly order: Order;
  /** The memo recorded, the same {@link calculate} returns for the request. */
  readonly creditMemo: CreditMemo;
}

/**
 * Computes the refund like {@link calculate} and returns a new order with the
 * credit memo appended to `refunds`. The input order is not touched: keep
 * it, store the new one. The next refund of the new order reads this memo as
 * history, so amounts prorated over several refunds add up exactly.
 *
 * The new order is frozen, and carries the history it was given plus the
 * new memo, already read and checked (invisible: not in its keys, its JSON
 * or its copies), so that the next refund of it does not read every memo
 * again. A copy of the order — a spread, a JSON round trip — is read from
 * its `refunds` and gives the same results. See
 * [Decisions](../docs/decisions.md).
 *
 * The memo's `id` is the request's `idempotencyKey` when present, else
 * `"<orderId>-<n>"` with `n` its position in `refunds` (see
 * {@link creditMemoId}).
 *
 * @param order - the order as it stands, with its refund history.
 * @param request - what to refund.
 * @param policy - proration and rounding ([§9.1](../docs/specification.md#91-policies)); `"default"` follows [§3](../docs/specification.md#3-calculation-rules)
 * exactly.
 * @returns `Right` with the new order and the memo, or `Left` with every
 * error found. Never throws.
 * @errors The same as {@link calculate}; nothing is recorded on an error.
 * @example
 * Two refunds of one unit each return the whole line, to the cent.
 * ```ts
 * import { applyRefund, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "7",
 *   currency: "USD",
 *   lineItems: [{ id: "a", quantity: 3, price: "10.00", taxLines: [{ title: "VAT", amount: "1.00" }] }],
 *   invoices: [{ id: "cap-1", amount: "31.00", online: true }],
 * });
 * const oneUnit = decodeRefundRequest({ lineItems: [{ lineItemId: "a", quantity: 1 }] });
 * const twoUnits = decodeRefundRequest({ lineItems: [{ lineItemId: "a", quantity: 2 }] });
 * if (order._tag === "Left" || oneUnit._tag === "Left" || twoUnits._tag === "Left") throw new Error();
 *
 * const first = applyRefund(order.right, oneUnit.right);
 * if (first._tag === "Left") throw new Error(first.left[0].message);
 * encodeCreditMemo(first.right.creditMemo)["tax"]; // => "0.33"
 * first.right.creditMemo.id; // => "7-1"
 *
 * const second = applyRefund(first.right.order, twoUnits.right);
 * if (second._tag === "Left") throw new Error(second.left[0].message);
 * encodeCreditMemo(second.right.creditMemo)["tax"]; // => "0.67"
 * second.right.order.refunds.length; // => 2
 * order.right.refunds.length; // => 0
 * ```
 * @category Applying
 */
export function applyRefund(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, AppliedRefund> {
  const refund = calculateWithHistory(order, request, policy);
  if (E.isLeft(refund)) return refund;
  const { creditMemo, checked } = refund.right;
  return E.right({ order: appendRefund(order, checked, creditMemo), creditMemo });
}

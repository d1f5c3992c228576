/**
 * The arguments a JavaScript caller hands the API, checked before anything
 * reads them (issue 12, finding 11): `calculate`, `applyRefund`, `audit`,
 * `creditMemoId`, `refundStatus` and `moneyLeft` take typed domain values,
 * but nothing stops `calculate(order, {})`, a policy name that is not one,
 * or an order whose getters throw. Each is `INVALID_INPUT` here, once per
 * call, at the boundary (the shapes are in `domain/shapes.ts`); the engine
 * behind it keeps trusting its types, and its per-line code checks nothing.
 *
 * An order `applyRefund` returned is not checked again: it was made from a
 * checked one (its carried history, see `order/carriedHistory.ts`), so a
 * chain of refunds costs no more than before.
 *
 * @module
 */
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { Order } from "./domain/order.js";
import { orderShapeError, policyError, requestShapeError } from "./domain/shapes.js";
import type { RefundError } from "./errors.js";
import { carriedHistoryOf } from "./order/carriedHistory.js";

/** Whether `value` is an order `applyRefund` made, which carries its checked history. */
function isCarriedOrder(value: unknown): boolean {
  return carriedHistoryOf(value as Order) !== undefined;
}

/** `INVALID_INPUT` when `order` is not an order. */
export function orderArgumentError(order: unknown): RefundError | undefined {
  return orderShapeError(order, isCarriedOrder);
}

function nonEmpty(errors: (RefundError | undefined)[]): NonEmptyArray<RefundError> | undefined {
  const found = errors.filter((e): e is RefundError => e !== undefined);
  const [first, ...rest] = found;
  return first === undefined ? undefined : [first, ...rest];
}

/**
 * The problems of `calculate`'s and `applyRefund`'s arguments: an order, a
 * refund request, a policy name (all reported together), or `undefined`.
 */
export function refundArgumentErrors(
  order: unknown,
  request: unknown,
  policy: unknown,
): NonEmptyArray<RefundError> | undefined {
  const orderError = orderArgumentError(order);
  const requestError = requestShapeError(request);
  const policyProblem = policyError(policy);
  // The common case, nothing wrong, builds no list.
  if (orderError === undefined && requestError === undefined && policyProblem === undefined)
    return undefined;
  return nonEmpty([orderError, requestError, policyProblem]);
}

/** The problems of `audit`'s arguments: an order and a policy name, or `undefined`. */
export function auditArgumentErrors(
  order: unknown,
  policy: unknown,
): NonEmptyArray<RefundError> | undefined {
  return nonEmpty([orderArgumentError(order), policyError(policy)]);
}

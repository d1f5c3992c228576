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
 * Nearly every call has nothing wrong with it: {@link soundArgumentIds}
 * knows that in one read of the order, its shape checked on the way
 * through the order's own soundness pass, and the separate shape walk of
 * the order runs only for what that pass does not accept (issue 15 part 4).
 *
 * @module
 */
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { Order } from "./domain/order.js";
import {
  isPolicyName,
  isRequestShaped,
  orderShapeError,
  policyError,
  requestShapeError,
} from "./domain/shapes.js";
import type { RefundError } from "./errors.js";
import { carriedHistoryOf } from "./order/carriedHistory.js";
import { type OrderIds, soundOrderIds } from "./order/orderSoundness.js";

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

/**
 * What {@link soundArgumentIds} answers when reading `calculate`'s order or
 * request threw: which of them. A throw there may be the value's own fault
 * (`null`, a getter or a Proxy trap that throws), so the shape checks
 * ({@link refundArgumentErrors}) are asked next and report it; should they
 * find nothing on their second read — a getter that throws only once —
 * the argument is still refused as unreadable, never computed on.
 */
export type UnreadableArgument = "order" | "request";

/**
 * The ids of a carried order ({@link isCarriedOrder}), else of an order that
 * has its shape and is itself sound, else `undefined`.
 */
function carriedOrSoundIds(order: unknown): OrderIds | undefined {
  const carried = carriedHistoryOf(order as Order);
  return carried !== undefined ? carried.ids : soundOrderIds(order as Order);
}

/**
 * The order's ids when `calculate`'s or `applyRefund`'s arguments are all
 * right — {@link refundArgumentErrors} finds nothing, and the order itself
 * is sound (`checkOrderItself` finds nothing) or carries its checked
 * history — known in one read of the order, not a shape walk and then the
 * order's checks (issue 15 part 4). `undefined` says only "not known":
 * ask `refundArgumentErrors`, then the order's checks, which report every
 * error as before. Never throws: when reading the request or the order
 * throws, the answer is which of them ({@link UnreadableArgument}).
 */
export function soundArgumentIds(
  order: unknown,
  request: unknown,
  policy: unknown,
): OrderIds | UnreadableArgument | undefined {
  if (!isPolicyName(policy)) return undefined;
  try {
    if (!isRequestShaped(request)) return undefined;
  } catch {
    return "request";
  }
  try {
    return carriedOrSoundIds(order);
  } catch {
    return "order";
  }
}

/** The problems of `audit`'s arguments: an order and a policy name, or `undefined`. */
export function auditArgumentErrors(
  order: unknown,
  policy: unknown,
): NonEmptyArray<RefundError> | undefined {
  return nonEmpty([orderArgumentError(order), policyError(policy)]);
}

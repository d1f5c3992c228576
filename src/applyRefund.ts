/**
 * `applyRefund`: records a refund on an order.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { calculate } from "./calculate.js";
import type { CreditMemo } from "./domain/creditMemo.js";
import type { Order } from "./domain/order.js";
import type { PolicyName } from "./domain/policy.js";
import type { RefundRequest } from "./domain/refundRequest.js";
import type { RefundError } from "./errors.js";

/**
 * The order after a refund and the credit memo recorded on it.
 * @category Applying
 */
export interface AppliedRefund {
  readonly order: Order;
  readonly creditMemo: CreditMemo;
}

/**
 * Computes the refund like {@link calculate} and returns a new order with the
 * credit memo appended to `refunds`. The input order is not touched.
 *
 * @param order - the order as it stands.
 * @param request - what to refund.
 * @param policy - proration and rounding policy (§9.1); `default` follows §3.
 * @returns the new order and the memo, or every error found.
 * @category Applying
 */
export function applyRefund(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, AppliedRefund> {
  return pipe(
    calculate(order, request, policy),
    E.map((creditMemo) => ({
      order: { ...order, refunds: [...order.refunds, creditMemo] },
      creditMemo,
    })),
  );
}

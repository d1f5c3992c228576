/**
 * `calculate`: the credit memo a refund request gives, without changing anything.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { CreditMemo } from "./domain/creditMemo.js";
import type { Order } from "./domain/order.js";
import type { PolicyName } from "./domain/policy.js";
import type { RefundRequest } from "./domain/refundRequest.js";
import type { RefundError } from "./errors.js";
import { refundErrors } from "./errors.js";

/** STUB — being written. */
export function calculate(
  _order: Order,
  _request: RefundRequest,
  _policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  return E.left([refundErrors.emptyRefund()]);
}

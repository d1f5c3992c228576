/**
 * Running refunds in example tests: a requested line, and `applyRefund`
 * applied once or in turn, failing the test on a rejection.
 */
import { applyRefund } from "../../src/applyRefund.js";
import type { CreditMemo, RestockType } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { PolicyName } from "../../src/domain/policy.js";
import type { RefundLineRequest, RefundRequest } from "../../src/domain/refundRequest.js";
import { request } from "./builders.js";

/** A requested line: `quantity` units of `lineItemId`, not restocked unless told. */
export function unit(
  lineItemId: string,
  quantity = 1,
  restock: RestockType = "no_restock",
): RefundLineRequest {
  return { lineItemId, quantity, restock };
}

/** A request for `quantity` units of one line and nothing else. */
export function unitRequest(lineItemId: string, quantity = 1): RefundRequest {
  return request({ lineItems: [unit(lineItemId, quantity)] });
}

/** Applies a request that must be accepted: the new order and the memo. */
export function applied(
  order: Order,
  refund: RefundRequest,
  policy?: PolicyName,
): { order: Order; memo: CreditMemo } {
  const result = applyRefund(order, refund, policy);
  if (result._tag === "Left") throw new Error(JSON.stringify(result.left));
  return { order: result.right.order, memo: result.right.creditMemo };
}

/** The order after a request that must be accepted. */
export function orderAfter(order: Order, refund: RefundRequest, policy?: PolicyName): Order {
  return applied(order, refund, policy).order;
}

/** Applies requests in turn (each must be accepted) and returns their memos. */
export function applyAll(
  start: Order,
  requests: readonly RefundRequest[],
  policy?: PolicyName,
): CreditMemo[] {
  let current = start;
  return requests.map((r) => {
    const next = applied(current, r, policy);
    current = next.order;
    return next.memo;
  });
}

/** The order after requests applied in turn (each must be accepted). */
export function orderAfterAll(
  start: Order,
  requests: readonly RefundRequest[],
  policy?: PolicyName,
): Order {
  return requests.reduce((current, r) => orderAfter(current, r, policy), start);
}

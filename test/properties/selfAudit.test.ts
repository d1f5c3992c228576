/**
 * Every history that `applyRefund` writes audits clean under the policy it
 * was written with (issue 12, finding 8): random chains of refunds over the
 * shared order arbitraries — valid refunds, requests for too much or for
 * nonsense (rejected ones are skipped), and duty-only lines (quantity 0,
 * any restock) — under every policy; `audit` of the resulting order under
 * the same policy reports no discrepancy and rejects no memo.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import type { RestockType } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { POLICY_NAMES } from "../../src/domain/policy.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { orderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { RUNS } from "./support.js";

const RESTOCKS: readonly RestockType[] = ["no_restock", "cancel", "return"];

/** Quantity 0 of a line, with duties: what finding 8 sent. */
const dutiesOnlyArb = fc.record({ pick: fc.nat(), restock: fc.constantFrom(...RESTOCKS) });

const stepArb = fc.oneof(
  { arbitrary: stepChoiceArb().map((step) => ({ kind: "valid" as const, step })), weight: 4 },
  { arbitrary: anyChoiceArb.map((choice) => ({ kind: "any" as const, choice })), weight: 2 },
  { arbitrary: dutiesOnlyArb.map((zero) => ({ kind: "zero" as const, zero })), weight: 1 },
);

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(order: Order, step: Step): RefundRequest | undefined {
  switch (step.kind) {
    case "valid":
      return validRequest(order, step.step);
    case "any":
      return anyRequest(order, step.choice);
    case "zero": {
      const line = order.lineItems[step.zero.pick % Math.max(order.lineItems.length, 1)];
      if (line === undefined) return undefined;
      return {
        lineItems: [{ lineItemId: line.id, quantity: 0, restock: step.zero.restock }],
        refundDuties: true,
        full: false,
        notify: false,
      };
    }
  }
}

describe("self-audit", () => {
  test.prop(
    [
      orderArb(),
      fc.array(stepArb, { minLength: 1, maxLength: 6 }),
      fc.constantFrom(...POLICY_NAMES),
    ],
    RUNS,
  )("a history applyRefund writes under a policy audits clean under it", (start, steps, policy) => {
    let current = start;
    for (const step of steps) {
      const request = requestOf(current, step);
      if (request === undefined) continue;
      const applied = applyRefund(current, request, policy);
      if (E.isRight(applied)) current = applied.right.order;
    }
    const report = audit(current, policy);
    if (E.isLeft(report)) throw new Error(JSON.stringify(report.left));
    expect(report.right.rejected).toEqual([]);
    expect(report.right.discrepancies).toEqual([]);
    expect(report.right.refunds).toBe(current.refunds.length);
  });
});

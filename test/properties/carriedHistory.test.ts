/**
 * The carried history changes nothing (src/order/carriedHistory.ts): along
 * random chains of refunds — valid ones and requests for too much or for
 * nonsense, under every policy — `applyRefund` on the order the previous
 * refund returned (which carries its checked history) gives exactly what it
 * gives on a plain copy of that order (which must read and check every
 * memo), and the carried history is the one read from the refunds.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import type { Order } from "../../src/domain/order.js";
import { POLICY_NAMES } from "../../src/domain/policy.js";
import { carriedHistoryOf } from "../../src/order/carriedHistory.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { readRefundHistory } from "../../src/order/refundHistory.js";
import { refundStatus } from "../../src/refundStatus.js";
import { orderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { withPlainKeys } from "../support/history.js";
import { RUNS } from "./support.js";

/**
 * Mostly valid refunds, so that chains grow; now and then a request for too
 * much or nonsense. `copy`: the step starts from a plain copy of the order,
 * as a service does that stores orders, so that the chain goes on from a
 * history read from the refunds rather than carried.
 */
const stepArb = fc.record({
  copy: fc.integer({ min: 1, max: 4 }).map((i) => i === 1),
  request: fc.oneof(
    {
      arbitrary: stepChoiceArb({ refundDuties: true }).map((step) => ({
        valid: true as const,
        step,
      })),
      weight: 3,
    },
    { arbitrary: anyChoiceArb.map((choice) => ({ valid: false as const, choice })), weight: 1 },
  ),
});

describe("carried history", () => {
  test.prop(
    [
      orderArb(),
      fc.array(stepArb, { minLength: 1, maxLength: 10 }),
      fc.constantFrom(...POLICY_NAMES),
    ],
    RUNS,
  )(
    "a chain through applyRefund gives what plain copies of its orders give",
    (start, steps, policy) => {
      let current: Order = start;
      let accepted = 0;
      for (const { copy, request: step } of steps) {
        if (copy) current = { ...current };
        const request = step.valid
          ? validRequest(current, step.step)
          : anyRequest(current, step.choice);
        if (request === undefined) continue;
        const carried = applyRefund(current, request, policy);
        const plain = applyRefund({ ...current }, request, policy);
        expect(carried).toEqual(plain);
        if (E.isLeft(carried)) continue;
        accepted += 1;
        current = carried.right.order;
        expect(withPlainKeys(carriedHistoryOf(current)?.history)).toEqual(
          withPlainKeys(readRefundHistory(current.refunds)),
        );
        expect(moneyLeft(current)).toEqual(moneyLeft({ ...current }));
        expect(refundStatus(current)).toBe(refundStatus({ ...current }));
      }
      expect(current.refunds.length).toBe(start.refunds.length + accepted);
    },
  );
});

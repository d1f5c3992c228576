/**
 * Purity (§7): the engine changes nothing it is given — orders and requests
 * deep-frozen before the call come out unchanged (a write would throw in
 * strict mode) — and identical calls give identical results.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { refundStatus } from "../../src/refundStatus.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { apply, deepFreeze, RUNS } from "./support.js";

/** An order with some history, built by valid refunds. */
const orderWithHistory = fc
  .tuple(generatedOrderArb(), fc.array(stepChoiceArb(), { maxLength: 3 }))
  .map(([g, steps]) => {
    let order: Order = g.order;
    for (const step of steps) {
      const request = validRequest(order, step);
      if (request === undefined) continue;
      const result = apply(order, request);
      if (result.ok) order = result.order;
    }
    return order;
  });

describe("purity", () => {
  test.prop([orderWithHistory, anyChoiceArb], RUNS)(
    "frozen inputs are unchanged and identical calls give identical results",
    (order, choice) => {
      const request = anyRequest(order, choice);
      const orderCopy = structuredClone(order);
      const requestCopy = structuredClone(request);
      deepFreeze(order);
      deepFreeze(request);
      const first = { calculated: calculate(order, request), applied: applyRefund(order, request) };
      const second = {
        calculated: calculate(order, request),
        applied: applyRefund(order, request),
      };
      expect(second).toEqual(first);
      expect(refundStatus(order)).toBe(refundStatus(order));
      expect(moneyLeft(order)).toEqual(moneyLeft(order));
      expect(order).toEqual(orderCopy);
      expect(request).toEqual(requestCopy);
      if (first.applied._tag === "Right") {
        // The new order is the old one plus the memo; the old one is untouched.
        expect(first.applied.right.order.refunds.length).toBe(order.refunds.length + 1);
        expect(first.applied.right.order).not.toBe(order);
      }
    },
  );
});

/**
 * Totality (§5: errors are values, never exceptions): `calculate`,
 * `applyRefund` and `refundStatus` return for every domain-shaped input —
 * negative amounts, NaN and fractional quantities, empty and repeated ids,
 * unknown currencies, histories naming nothing on the order, decimals with
 * odd scales — under every policy, and a rejection always carries at least
 * one error with a code and a message.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import { POLICY_NAMES } from "../../src/domain/policy.js";
import type { RefundError } from "../../src/errors.js";
import { refundStatus } from "../../src/refundStatus.js";
import { orderArb } from "../arbitraries/order.js";
import { wildOrder, wildRequest } from "../arbitraries/wild.js";
import { RUNS } from "./support.js";

function expectErrorsWellFormed(errors: readonly RefundError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.code).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
  }
}

const policy = fc.constantFrom(...POLICY_NAMES);

describe("totality", () => {
  test.prop([wildOrder, wildRequest, policy], RUNS)(
    "arbitrary domain-shaped orders and requests: a memo or errors, never a throw",
    (order, request, p) => {
      const result = calculate(order, request, p);
      if (E.isLeft(result)) expectErrorsWellFormed(result.left);
      const applied = applyRefund(order, request, p);
      expect(E.isLeft(applied)).toBe(E.isLeft(result));
      expect(["unpaid", "paid", "partially_refunded", "refunded"]).toContain(refundStatus(order));
    },
  );

  test.prop([orderArb(), wildRequest, policy], RUNS)(
    "arbitrary requests against consistent orders: a memo or errors, never a throw",
    (order, request, p) => {
      const result = calculate(order, request, p);
      if (E.isLeft(result)) {
        expectErrorsWellFormed(result.left);
        expect(result.left.map((e) => e.code)).not.toContain("INCONSISTENT_ORDER");
      }
      const applied = applyRefund(order, request, p);
      expect(E.isLeft(applied)).toBe(E.isLeft(result));
    },
  );
});

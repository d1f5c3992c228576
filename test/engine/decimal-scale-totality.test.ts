/**
 * §5, errors are values: a request decimal whose scale is not a whole number
 * of digits (NaN, 1.5, negative — unreachable from JSON, possible from
 * TypeScript) is INVALID_INPUT, never a RangeError thrown by BigInt. Found by
 * the totality property.
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import { findCurrency } from "../../src/money/currency.js";
import { toMinorUnits } from "../../src/money/decimal.js";
import { errorsOf, invoice, order, request } from "../support/builders.js";

const usd = findCurrency("USD")!;

describe("toMinorUnits refuses scales that are not digit counts", () => {
  it.each([Number.NaN, 1.5, -1, Number.POSITIVE_INFINITY])("scale %s gives undefined", (scale) => {
    expect(toMinorUnits({ coefficient: 5n, scale }, usd)).toBeUndefined();
  });
  it("whole scales up to the exponent still convert: 5 at scale 1 is 50 cents, at 0 is 500", () => {
    expect(toMinorUnits({ coefficient: 5n, scale: 1 }, usd)).toBe(50n);
    expect(toMinorUnits({ coefficient: 5n, scale: 0 }, usd)).toBe(500n);
    expect(toMinorUnits({ coefficient: 5n, scale: 2 }, usd)).toBe(5n);
    expect(toMinorUnits({ coefficient: 5n, scale: 3 }, usd)).toBeUndefined();
  });
  it("calculate reports INVALID_INPUT at the amount's path", () => {
    const o = order({ invoices: [invoice("i", "10.00")] });
    const errors = errorsOf(
      calculate(o, request({ amount: { coefficient: 1n, scale: Number.NaN } })),
    );
    expect(errors).toMatchObject([{ code: "INVALID_INPUT", path: "amount" }]);
  });
});

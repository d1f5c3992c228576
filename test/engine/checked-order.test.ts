/**
 * `calculateOnCheckedOrder` (the audit's entry point, §9.2): on an order whose
 * own data is checked it gives what `calculate` gives, and still refuses a
 * history that names nothing on the order.
 */
import { describe, expect, it } from "vitest";
import { calculate, calculateOnCheckedOrder } from "../../src/calculate.js";
import { invoice, line, memoOf, order, request } from "../support/builders.js";

const o = order({ lineItems: [line("a", 2, "5.00")], invoices: [invoice("i", "10.00")] });
const one = request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] });

describe("calculateOnCheckedOrder", () => {
  it("gives the memo calculate gives", () => {
    expect(calculateOnCheckedOrder(o, one)).toEqual(calculate(o, one));
    expect(memoOf(calculateOnCheckedOrder(o, one)).total.presentment).toBe(500n);
  });
  it("refuses a memo that names a line the order does not have", () => {
    const memo = memoOf(calculate(o, one));
    const odd = {
      ...o,
      refunds: [{ ...memo, lineItems: [{ ...memo.lineItems[0]!, lineItemId: "zz" }] }],
    };
    const result = calculateOnCheckedOrder(odd, one);
    expect(result._tag === "Left" && result.left.map((e) => e.code)).toEqual([
      "INCONSISTENT_ORDER",
    ]);
  });
});

/**
 * §3.8, shop side of free amounts: a zero (or absent) free amount has a zero
 * shop side, even when the presentment pool is empty. Found by the
 * never-over-refund property: with presentment money left 0 and shop money
 * left 0.01, an absent adjustment "equalled the whole pool" and took 0.01 of
 * shop money.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import {
  bag,
  dec,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  show,
} from "../support/builders.js";

// L1 sells for 10.00 USD / 9.00 EUR, L2 for 0.01 USD / 0.00 EUR (a rounding remnant).
const base = order({
  currency: "USD",
  presentmentCurrency: "EUR",
  lineItems: [line("L1", 1, bag("10.00", "9.00")), line("L2", 1, bag("0.01", "0.00"))],
  invoices: [invoice("i", bag("10.01", "9.00"))],
});
/** The order after L1 is refunded: money left 0.01 USD / 0.00 EUR. (Built inside the tests, so mutation testing sees which test runs it.) */
function afterFirstRefund() {
  const first = applyRefund(
    base,
    request({ lineItems: [{ lineItemId: "L1", quantity: 1, restock: "no_restock" }] }),
  );
  if (first._tag === "Left") throw new Error(JSON.stringify(first.left));
  return first.right.order;
}

describe("a zero free amount has a zero shop side", () => {
  it("absent adjustments stay 0.00 on both sides when the presentment money left is 0", () => {
    const memo = memoOf(
      calculate(
        afterFirstRefund(),
        request({ lineItems: [{ lineItemId: "L2", quantity: 1, restock: "no_restock" }] }),
      ),
    );
    expect(show(memo.adjustmentPositive, "USD", "EUR")).toBe("0.00/0.00");
    expect(show(memo.adjustmentNegative, "USD", "EUR")).toBe("0.00/0.00");
    expect(show(memo.total, "USD", "EUR")).toBe("0.01/0.00");
  });
  it("an amount-only refund beyond the presentment money left is OVER_REFUND, not NEGATIVE_TOTAL", () => {
    const errors = errorsOf(
      calculate(afterFirstRefund(), request({ amount: dec("0.01"), currency: "EUR" })),
    );
    expect(errors).toMatchObject([
      {
        code: "OVER_REFUND",
        subject: "money",
        currency: "EUR",
        requested: "0.01",
        maximum: "0.00",
      },
    ]);
  });
  it("an explicit zero adjustment is zero on both sides too", () => {
    const memo = memoOf(
      calculate(
        afterFirstRefund(),
        request({
          currency: "EUR",
          adjustmentNegative: dec("0.00"),
          lineItems: [{ lineItemId: "L2", quantity: 1, restock: "no_restock" }],
        }),
      ),
    );
    expect(show(memo.adjustmentNegative, "USD", "EUR")).toBe("0.00/0.00");
    expect(show(memo.total, "USD", "EUR")).toBe("0.01/0.00");
  });
});

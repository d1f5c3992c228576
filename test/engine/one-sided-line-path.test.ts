/**
 * The one-sided path of `refundLine` (src/refund/lineRefund.ts,
 * `refundUnitsOneSided`) must step aside for any component with two sides,
 * also on a line whose price has equal sides: a multi-currency order whose
 * price happens to be the same number in both currencies (a survivor of the
 * session-4 mutation run: `!sameSides(x)` → `sameSides(x)` was not killed).
 * Numbers worked by hand.
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import {
  bag,
  discount,
  invoice,
  line,
  memoOf,
  order,
  request,
  show,
  tax,
} from "../support/builders.js";

const usdEur = (b: Parameters<typeof show>[0]) => show(b, "USD", "EUR");

describe("one unit of a two-currency line whose price has equal sides", () => {
  // 2 × 10.00 USD / 10.00 EUR; discount 1.00 USD / 1.30 EUR; tax 0.50 USD / 0.65 EUR.
  const o = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [
      line("a", 2, bag("10.00", "10.00"), {
        discountAllocations: [discount(bag("1.00", "1.30"))],
        taxLines: [tax(bag("0.50", "0.65"))],
      }),
    ],
    // Collected: 20.00 − 1.00 + 0.50 = 19.50 USD; 20.00 − 1.30 + 0.65 = 19.35 EUR.
    invoices: [invoice("i", bag("19.50", "19.35"))],
  });

  it("prorates each side of the discount and the tax on its own", () => {
    const memo = memoOf(
      calculate(
        o,
        request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] }),
      ),
    );
    const [memoLine] = memo.lineItems;
    if (memoLine === undefined) throw new Error("no memo line");
    // Discount: round(100 · 1/2) = 50 cents; round(130 · 1/2) = 65 cents.
    expect(usdEur(memoLine.discount)).toBe("0.50/0.65");
    // Tax: round(50 · 1/2) = 25 cents; round(65 · 1/2) = round(32.5) = 33 cents (half away from zero).
    expect(usdEur(memoLine.tax)).toBe("0.25/0.33");
    expect(usdEur(memoLine.gross)).toBe("10.00/10.00");
    // Subtotal: 10.00 − 0.50 = 9.50 USD; 10.00 − 0.65 = 9.35 EUR.
    expect(usdEur(memoLine.subtotal)).toBe("9.50/9.35");
    // Total: 9.50 + 0.25 = 9.75 USD; 9.35 + 0.33 = 9.68 EUR.
    expect(usdEur(memoLine.total)).toBe("9.75/9.68");
    expect(usdEur(memo.subtotal)).toBe("9.50/9.35");
    expect(memo.total.presentment).toBe(968n);
  });
});

/**
 * Histories `applyRefund` wrote that its own audit reported (issue 12,
 * finding 8, found by the self-audit property in
 * test/properties/selfAudit.test.ts): each is now replayed to the memo.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
import type { Order } from "../../src/domain/order.js";
import { applied } from "../support/apply.js";
import { invoice, line, order, request, shippingLine, show } from "../support/builders.js";

function expectClean(o: Order): void {
  const report = audit(o, "default");
  if (E.isLeft(report)) throw new Error(JSON.stringify(report.left));
  expect(report.right.discrepancies).toEqual([]);
  expect(report.right.rejected).toEqual([]);
}

describe("self-audit of multi-currency histories", () => {
  it("a full shipping refund of shop money only (no presentment money left)", () => {
    // Shipping 10.00 EUR / 7.77 USD with a 0.00 EUR / 7.77 USD discount: net
    // 10.00 EUR and 0.00 USD. `fullRefund` takes 10.00 / 0.00, which no
    // shipping amount (presentment money, §3.8) can ask for.
    const start = order({
      currency: "EUR",
      presentmentCurrency: "USD",
      taxesIncluded: true,
      shippingLines: [
        shippingLine(
          "s",
          { shop: 1000n, presentment: 777n },
          {
            discountAllocations: [{ title: "D", amount: { shop: 0n, presentment: 777n } }],
            taxLines: [{ title: "T", amount: { shop: 0n, presentment: 0n } }],
          },
        ),
      ],
      invoices: [invoice("cap", { shop: 5000n, presentment: 0n })],
    });
    const { order: after, memo } = applied(start, request({ shipping: { fullRefund: true } }));
    expect(show(memo.shipping.amount, "EUR", "USD")).toBe("10.00/0.00");
    expectClean(after);
  });

  it("a full refund with a negative adjustment, its positive one fitted", () => {
    // 6 units of 0 JPY / 0.04 USD; collected 1 JPY / 0.25 USD. `full` with a
    // negative adjustment of 0.01 USD: lines 0 / 0.24, less 0.01, and the
    // positive adjustment fitted to what is left: 1 JPY / 0.02 USD, so the
    // total is the money left, 1 / 0.25 (0.24 − 0.01 + 0.02).
    const start = order({
      currency: "JPY",
      presentmentCurrency: "USD",
      lineItems: [line("a", 6, { shop: 0n, presentment: 4n })],
      invoices: [invoice("cap", { shop: 1n, presentment: 25n }, false)],
    });
    const { order: after, memo } = applied(
      start,
      request({ full: true, currency: "USD", adjustmentNegative: { coefficient: 1n, scale: 2 } }),
    );
    expect(show(memo.adjustmentPositive, "JPY", "USD")).toBe("1/0.02");
    expect(show(memo.total, "JPY", "USD")).toBe("1/0.25");
    expectClean(after);
  });
});

/**
 * §9.1 policies, with the worked differences of the spec and hand-worked
 * numbers: which proration each policy uses for line components and for
 * shipping tax, and which rounding for everything else.
 */
import { describe, expect, it } from "vitest";
import type { PolicyName } from "../../src/domain/policy.js";
import { applyAll, unit } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  invoice,
  line,
  order,
  request,
  shippingLine,
  show,
  tax,
} from "../support/builders.js";

// The published examples (0.05 over 3 units by each policy; 349.99 × 5 refunding 2) are in
// test/policies/policies.test.ts, which the mutation run includes; these are the other cases.
describe("§9.1 line proration by policy", () => {
  it("shopify per-unit shares are clamped to what is left: 0.05 over 2 units, round(2.5) = 3 per unit", () => {
    // 3 units of a 0.08 discount: round(8/3 = 2.67) = 3 per unit; 2 units = 6 ≤ 8; the rest 2.
    const b = order({
      lineItems: [line("a", 3, "1.00", { discountAllocations: [discount("0.08")] })],
      invoices: [invoice("i", "100.00")],
    });
    const memos = applyAll(
      b,
      [request({ lineItems: [unit("a", 2)] }), request({ lineItems: [unit("a")] })],
      "shopify",
    );
    expect(memos.map((m) => show(m.discount))).toEqual(["0.06", "0.02"]);
  });

  it("bankers rounds a half to even where default rounds it away from zero: 0.25 over 2 units", () => {
    // 25·1/2 = 12.5: default 13 then 12; bankers 12 then 13.
    const b = order({
      lineItems: [line("a", 2, "1.00", { discountAllocations: [discount("0.25")] })],
      invoices: [invoice("i", "100.00")],
    });
    const halves = [request({ lineItems: [unit("a")] }), request({ lineItems: [unit("a")] })];
    expect(applyAll(b, halves, "default").map((m) => show(m.discount))).toEqual(["0.13", "0.12"]);
    expect(applyAll(b, halves, "bankers").map((m) => show(m.discount))).toEqual(["0.12", "0.13"]);
    // 0.35 over 2: 17.5 → bankers 18 (odd 17 goes up to even 18), default 18.
    const c = order({
      lineItems: [line("a", 2, "1.00", { discountAllocations: [discount("0.35")] })],
      invoices: [invoice("i", "100.00")],
    });
    expect(applyAll(c, halves, "bankers").map((m) => show(m.discount))).toEqual(["0.18", "0.17"]);
  });
});

describe("§9.1 shipping tax by policy", () => {
  // Net 10.00 with 1.00 of tax; refund 3.33 twice.
  // cumulative (default, shopify, bankers): round(100·333/1000 = 33.3) = 33; round(100·666/1000 = 66.6) − 33 = 34.
  // remaining (magento): 33; round(67·333/667 = 33.45) = 33.
  const base = order({
    shippingLines: [shippingLine("s", "10.00", { taxLines: [tax("1.00")] })],
    invoices: [invoice("i", "11.00")],
  });
  const twice = [
    request({ shipping: { fullRefund: false, amount: dec("3.33") } }),
    request({ shipping: { fullRefund: false, amount: dec("3.33") } }),
  ];
  const taxes = (policy: PolicyName) =>
    applyAll(base, twice, policy).map((m) => show(m.shipping.tax));
  it("default and shopify prorate shipping tax cumulatively: 0.33, 0.34", () => {
    expect(taxes("default")).toEqual(["0.33", "0.34"]);
    expect(taxes("shopify")).toEqual(["0.33", "0.34"]);
    expect(taxes("bankers")).toEqual(["0.33", "0.34"]);
  });
  it("magento prorates shipping tax remaining over remaining: 0.33, 0.33", () => {
    expect(taxes("magento")).toEqual(["0.33", "0.33"]);
  });
});

describe("§9.1 the policy's rounding for free amounts (§3.8)", () => {
  // Money left 1.00 USD / 2.00 EUR; 0.01 EUR of goodwill is 0.5 cents of USD:
  // half away from zero → 0.01 USD, half to even → 0.00 USD.
  const base = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("1.00", "2.00"))],
    invoices: [invoice("i", bag("1.00", "2.00"))],
  });
  const goodwill = request({
    adjustmentPositive: dec("0.01"),
    currency: "EUR",
    amount: dec("0.01"),
  });
  it("default rounds the shop side half away from zero, bankers half to even", () => {
    const [d] = applyAll(base, [goodwill], "default");
    const [b] = applyAll(base, [goodwill], "bankers");
    // amount-only: adjustmentPositive = amount + adjustment = 0.02 EUR → 0.02·100/200 = 1 cent exactly.
    expect(show(d!.adjustmentPositive, "USD", "EUR")).toBe("0.01/0.02");
    expect(show(b!.adjustmentPositive, "USD", "EUR")).toBe("0.01/0.02");
    const half = request({ amount: dec("0.01"), currency: "EUR" });
    expect(show(applyAll(base, [half], "default")[0]!.total, "USD", "EUR")).toBe("0.01/0.01");
    expect(show(applyAll(base, [half], "bankers")[0]!.total, "USD", "EUR")).toBe("0.00/0.01");
  });
});

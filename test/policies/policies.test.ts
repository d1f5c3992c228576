/**
 * The policies of §9.1 with the published examples worked by hand.
 *
 * | policy  | proration of X (n units, r and R refunded, q now)   | rounding        |
 * |---------|------------------------------------------------------|-----------------|
 * | default | round(X·(r+q)/n) − R, the rest at the end            | half away       |
 * | magento | round((X−R)·q/(n−r)), the rest at the end            | half away       |
 * | shopify | round(X/n)·q clamped to X−R, the rest at the end     | half away       |
 * | bankers | round(X·(r+q)/n) − R, the rest at the end            | half to even    |
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { PolicyName } from "../../src/domain/policy.js";
import { applyAll, unitRequest } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  invoice,
  line,
  memoOf,
  order,
  request,
  shippingLine,
  show,
  tax,
} from "../support/builders.js";
import { magento38388Order } from "../support/fixtures.js";

describe("0.05 discount on 3 units refunded one at a time (§9.1)", () => {
  const base = order({
    lineItems: [line("a", 3, "1.00", { discountAllocations: [discount("0.05")] })],
    invoices: [invoice("i", "2.95")],
  });
  const discounts = (policy: PolicyName) =>
    applyAll(base, [unitRequest("a"), unitRequest("a"), unitRequest("a")], policy).map((m) =>
      show(m.discount),
    );

  it("default: round(5/3)=2, round(10/3)−2=3−2=1, 5−3=2 → 0.02/0.01/0.02", () => {
    expect(discounts("default")).toEqual(["0.02", "0.01", "0.02"]);
  });
  it("magento: round(5·1/3)=2, round(3·1/2)=round(1.5)=2, rest 1 → 0.02/0.02/0.01", () => {
    expect(discounts("magento")).toEqual(["0.02", "0.02", "0.01"]);
  });
  it("shopify: round(5/3)=2 per unit, 2, then the rest 1 → 0.02/0.02/0.01", () => {
    expect(discounts("shopify")).toEqual(["0.02", "0.02", "0.01"]);
  });
  it("bankers: 5/3 = 1.67 → 2, 10/3 = 3.33 → 3 (−2 = 1), rest 2 → 0.02/0.01/0.02", () => {
    expect(discounts("bankers")).toEqual(["0.02", "0.01", "0.02"]);
  });
  it("every policy refunds exactly the 0.05 over the three memos", () => {
    for (const policy of ["default", "magento", "shopify", "bankers"] as const) {
      const total = applyAll(
        base,
        [unitRequest("a"), unitRequest("a"), unitRequest("a")],
        policy,
      ).reduce((sum, m) => sum + m.discount.presentment, 0n);
      expect(total).toBe(5n);
    }
  });
});

describe("349.99 × 5 with 524.98 of discount, refunding 2 (Shopify's public report)", () => {
  const base = order({
    lineItems: [line("a", 5, "349.99", { discountAllocations: [discount("524.98")] })],
    invoices: [invoice("i", "1224.97")],
  });
  const subtotal = (policy: PolicyName) =>
    show(memoOf(calculate(base, unitRequest("a", 2), policy)).subtotal);

  it("default: discount round(52498·2/5) = round(20999.2) = 209.99; 699.98 − 209.99 = 489.99", () => {
    expect(subtotal("default")).toBe("489.99");
  });
  it("shopify: round(52498/5) = round(10499.6) = 105.00 per unit × 2 = 210.00; 699.98 − 210.00 = 489.98", () => {
    expect(subtotal("shopify")).toBe("489.98");
  });
  it("magento (nothing refunded yet: round(52498·2/5) = 209.99) agrees with default: 489.99", () => {
    expect(subtotal("magento")).toBe("489.99");
  });
  it("shopify's last unit takes the rest: 524.98 − 4·105.00 = 104.98", () => {
    const memos = applyAll(base, [unitRequest("a", 4), unitRequest("a", 1)], "shopify");
    expect(memos.map((m) => show(m.discount))).toEqual(["420.00", "104.98"]);
  });
});

describe("Magento #38388: 3 × 100.00, 200.00 discount, 57.00 tax, three one-unit memos", () => {
  const base = magento38388Order;
  const memos = (policy: PolicyName) =>
    applyAll(base, [unitRequest("a"), unitRequest("a"), unitRequest("a")], policy);

  it("default: tax 57/3 = 19.00, 114/3 − 19 = 19.00, rest 19.00", () => {
    expect(memos("default").map((m) => show(m.tax))).toEqual(["19.00", "19.00", "19.00"]);
  });
  it("magento: tax 57/3 = 19, 38/2 = 19, rest 19; discount 66.67, round(133.33/2 = 66.665) = 66.67, rest 66.66", () => {
    const ms = memos("magento");
    expect(ms.map((m) => show(m.tax))).toEqual(["19.00", "19.00", "19.00"]);
    expect(ms.map((m) => show(m.discount))).toEqual(["66.67", "66.67", "66.66"]);
    // totals: 100 − 66.67 + 19 = 52.33, 52.33, 100 − 66.66 + 19 = 52.34 — together 157.00.
    expect(ms.map((m) => show(m.total))).toEqual(["52.33", "52.33", "52.34"]);
  });
  it("default discounts: 66.67, 133.33 − 66.67 = 66.66, 200 − 133.33 = 66.67", () => {
    expect(memos("default").map((m) => show(m.discount))).toEqual(["66.67", "66.66", "66.67"]);
  });
  it("shopify: tax 19.00 per unit, discount round(200/3) = 66.67, 66.67, rest 66.66", () => {
    const ms = memos("shopify");
    expect(ms.map((m) => show(m.tax))).toEqual(["19.00", "19.00", "19.00"]);
    expect(ms.map((m) => show(m.discount))).toEqual(["66.67", "66.67", "66.66"]);
  });
});

describe("bankers: a share of exactly half a minor unit goes to the even neighbour", () => {
  const base = order({
    lineItems: [
      line("a", 2, "10.00", { taxLines: [tax("0.05")] }),
      line("b", 2, "10.00", { taxLines: [tax("0.07")] }),
    ],
    invoices: [invoice("i", "40.12")],
  });
  const taxes = (policy: PolicyName) =>
    memoOf(
      calculate(
        base,
        request({
          lineItems: [
            { lineItemId: "a", quantity: 1, restock: "no_restock" },
            { lineItemId: "b", quantity: 1, restock: "no_restock" },
          ],
        }),
        policy,
      ),
    ).lineItems.map((l) => show(l.tax));

  it("default: 5·1/2 = 2.5 → 3 (0.03); 7·1/2 = 3.5 → 4 (0.04)", () => {
    expect(taxes("default")).toEqual(["0.03", "0.04"]);
  });
  it("bankers: 2.5 → 2 (even, 0.02); 3.5 → 4 (even, 0.04)", () => {
    expect(taxes("bankers")).toEqual(["0.02", "0.04"]);
  });
  it("bankers refunds the rest with the second unit: 0.05 − 0.02 = 0.03", () => {
    const memos = applyAll(base, [unitRequest("a"), unitRequest("a")], "bankers");
    expect(memos.map((m) => show(m.tax))).toEqual(["0.02", "0.03"]);
  });
});

describe("shipping tax: amounts in place of units; shopify prorates it cumulatively", () => {
  // Shipping 3.00 with tax 0.05, refunded 1.00 at a time (N = 300 minor units).
  const base = order({
    shippingLines: [shippingLine("s", "3.00", { taxLines: [tax("0.05")] })],
    invoices: [invoice("i", "3.05")],
  });
  const third = request({ shipping: { fullRefund: false, amount: dec("1.00") } });
  const shippingTaxes = (policy: PolicyName) =>
    applyAll(base, [third, third, third], policy).map((m) => show(m.shipping.tax));

  it("default: round(5·100/300 = 1.67) = 2, round(5·200/300 = 3.33) − 2 = 1, rest 2", () => {
    expect(shippingTaxes("default")).toEqual(["0.02", "0.01", "0.02"]);
  });
  it("shopify (cumulative on shipping, not per unit): 0.02/0.01/0.02", () => {
    expect(shippingTaxes("shopify")).toEqual(["0.02", "0.01", "0.02"]);
  });
  it("magento: round(5·100/300) = 2, round(3·100/200 = 1.5) = 2, rest 1", () => {
    expect(shippingTaxes("magento")).toEqual(["0.02", "0.02", "0.01"]);
  });
  it("bankers: 1.67 → 2, 3.33 → 3 (−2 = 1), rest 2", () => {
    expect(shippingTaxes("bankers")).toEqual(["0.02", "0.01", "0.02"]);
  });
});

describe("free amounts use the policy's rounding (§3.8 under §9.1)", () => {
  // Multi-currency: shipping 10.00 USD / 20.00 EUR. A refund of 0.05 EUR of shipping gets
  // the shop side 5·1000/2000 = 2.5 minor units: half away → 0.03 USD, half even → 0.02 USD.
  const base = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    shippingLines: [shippingLine("s", bag("10.00", "20.00"))],
    invoices: [invoice("i", bag("10.00", "20.00"))],
  });
  const shop = (policy: PolicyName) =>
    show(
      memoOf(
        calculate(
          base,
          request({ currency: "EUR", shipping: { fullRefund: false, amount: dec("0.05") } }),
          policy,
        ),
      ).shipping.amount,
      "USD",
      "EUR",
    );
  it("default 0.03/0.05, bankers 0.02/0.05", () => {
    expect(shop("default")).toBe("0.03/0.05");
    expect(shop("bankers")).toBe("0.02/0.05");
  });
});

describe("the default never changes", () => {
  const base = order({
    lineItems: [
      line("a", 3, "100.00", {
        discountAllocations: [discount("200.00")],
        taxLines: [tax("57.00")],
      }),
    ],
    shippingLines: [shippingLine("s", "3.00", { taxLines: [tax("0.05")] })],
    invoices: [invoice("i", "160.05")],
  });
  it("calculate without a policy is calculate with 'default'", () => {
    const r = request({
      lineItems: [{ lineItemId: "a", quantity: 2, restock: "no_restock" }],
      shipping: { fullRefund: false, amount: dec("1.00") },
    });
    expect(calculate(base, r)).toEqual(calculate(base, r, "default"));
    // 2 of 3: discount round(400/3) = 133.33, tax 38.00, shipping tax round(5·100/300) = 0.02;
    // 200.00 − 133.33 + 38.00 + 1.00 + 0.02 = 105.69.
    expect(show(memoOf(calculate(base, r)).total)).toBe("105.69");
  });
});

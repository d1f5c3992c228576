/**
 * `audit` (§9.2), example by example, numbers worked by hand.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type AuditReport, audit } from "../../src/audit/audit.js";
import type { CreditMemo, CreditMemoLine } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { PolicyName } from "../../src/domain/policy.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { orderAfterAll, unitRequest } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  invoice,
  line,
  order,
  request,
  shippingLine,
  tax,
  usd,
} from "../support/builders.js";
import { magento38388Order } from "../support/fixtures.js";

function reportOf(o: Order, policy?: PolicyName): AuditReport {
  const result = audit(o, policy);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
}

/** A memo with one line's tax changed by `delta` minor units (line, memo tax and totals follow). */
function withTaxShifted(memo: CreditMemo, delta: bigint): CreditMemo {
  const shift = (b: MoneyBag): MoneyBag => ({
    shop: b.shop + delta,
    presentment: b.presentment + delta,
  });
  const [first, ...rest] = memo.lineItems as CreditMemoLine[];
  if (first === undefined) throw new Error("no line");
  const [t, ...otherTaxes] = first.taxLines;
  if (t === undefined) throw new Error("no tax line");
  const shifted: CreditMemoLine = {
    ...first,
    tax: shift(first.tax),
    total: shift(first.total),
    taxLines: [{ ...t, amount: shift(t.amount) }, ...otherTaxes],
  };
  return {
    ...memo,
    lineItems: [shifted, ...rest],
    tax: shift(memo.tax),
    total: shift(memo.total),
    transactions: memo.transactions.map((tr, i) =>
      i === 0 ? { ...tr, amount: shift(tr.amount) } : tr,
    ),
  };
}

describe("a clean history", () => {
  const base = order({
    id: "5",
    lineItems: [
      line("3", 2, "22.00", { discountAllocations: [discount("4.40")], taxLines: [tax("3.27")] }),
    ],
    shippingLines: [shippingLine("s1", "15.00")],
    invoices: [invoice("inv-1", "57.87", false, "banktransfer")],
  });
  it("reports nothing: 21.44 then 36.43 (19.80 + 1.63 + 15.00)", () => {
    const o = orderAfterAll(base, [
      request({ lineItems: [{ lineItemId: "3", quantity: 1, restock: "return" }] }),
      request({
        lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }],
        shipping: { fullRefund: true },
      }),
    ]);
    expect(reportOf(o)).toEqual({ orderId: "5", refunds: 2, discrepancies: [], rejected: [] });
  });
  it("an order without refunds has an empty report", () => {
    expect(reportOf(base)).toEqual({ orderId: "5", refunds: 0, discrepancies: [], rejected: [] });
  });
});

describe("a Shopify history recorded with per-unit rounding", () => {
  // 349.99 × 5, discount 524.98. Shopify refunds 2: round(524.98/5) = 105.00 per unit → discount 210.00,
  // subtotal 699.98 − 210.00 = 489.98. The default gives round(52498·2/5) = 209.99 → 489.99.
  const base = order({
    lineItems: [line("a", 5, "349.99", { discountAllocations: [discount("524.98")] })],
    invoices: [invoice("i", "1224.97")],
  });
  const recorded = orderAfterAll(base, [unitRequest("a", 2)], "shopify");
  it("differs from the default in discount, subtotal and total, each explained by shopify", () => {
    const report = reportOf(recorded);
    expect(report.rejected).toEqual([]);
    expect(report.discrepancies).toEqual(
      [
        ["lineItems[0].discount", "210.00", "209.99"],
        ["lineItems[0].subtotal", "489.98", "489.99"],
        ["lineItems[0].total", "489.98", "489.99"],
        ["subtotal", "489.98", "489.99"],
        ["discount", "210.00", "209.99"],
        ["total", "489.98", "489.99"],
      ].map(([path, rec, exp]) => ({
        refundId: "1-1",
        path,
        currency: "USD",
        recorded: rec,
        expected: exp,
        explainedBy: "shopify",
      })),
    );
  });
  it("matches under the shopify policy", () => {
    expect(reportOf(recorded, "shopify").discrepancies).toEqual([]);
  });
  it("the same history recorded by the default differs under shopify, explained by default", () => {
    const d = reportOf(orderAfterAll(base, [unitRequest("a", 2)]), "shopify").discrepancies;
    expect(d.map((x) => [x.path, x.recorded, x.expected, x.explainedBy])).toContainEqual([
      "total",
      "489.99",
      "489.98",
      "default",
    ]);
  });
});

describe("Magento #38388: 3 × 100.00, discount 200.00, tax 57.00, memos with tax 19.00 / 19.01 / 18.99", () => {
  const base = magento38388Order;
  // Recorded by Magento: discounts 66.67 / 66.67 / 66.66 (remaining over remaining), taxes leaking the
  // running delta: 19.00 / 19.01 / 18.99. Totals 52.33 / 52.34 / 52.33.
  const clean = orderAfterAll(
    base,
    [unitRequest("a"), unitRequest("a"), unitRequest("a")],
    "magento",
  );
  const [m1, m2, m3] = clean.refunds as CreditMemo[];
  const recorded: Order = {
    ...base,
    refunds: [m1!, withTaxShifted(m2!, 1n), withTaxShifted(m3!, -1n)],
  };
  it("reports the 19.01 memo (expected 57/3 = 19.00, or 38/2 = 19.00 by magento) — explained by no policy", () => {
    const report = reportOf(recorded, "magento");
    const second = report.discrepancies.filter((d) => d.refundId === "1-2");
    expect(second.map((d) => [d.path, d.recorded, d.expected, d.explainedBy])).toEqual([
      ["lineItems[0].tax", "19.01", "19.00", null],
      ["lineItems[0].total", "52.34", "52.33", null],
      ["tax", "19.01", "19.00", null],
      ["total", "52.34", "52.33", null],
    ]);
  });
  it("the 18.99 memo is the rest after the recorded 19.00 + 19.01: 57 − 38.01 = 18.99, as every policy prorates", () => {
    const report = reportOf(recorded, "magento");
    expect(report.discrepancies.filter((d) => d.refundId === "1-3")).toEqual([]);
  });
  it("under the default the second memo also differs in discount: recorded 66.67, round(400/3) − 66.67 = 66.66", () => {
    const report = reportOf(recorded);
    const paths = report.discrepancies
      .filter((d) => d.refundId === "1-2")
      .map((d) => [d.path, d.recorded, d.expected]);
    expect(paths).toEqual([
      ["lineItems[0].discount", "66.67", "66.66"],
      ["lineItems[0].subtotal", "33.33", "33.34"],
      ["lineItems[0].tax", "19.01", "19.00"],
      // total 100 − 66.67 + 19.01 = 52.34 either way: 100 − 66.66 + 19.00 = 52.34.
      ["subtotal", "33.33", "33.34"],
      ["discount", "66.67", "66.66"],
      ["tax", "19.01", "19.00"],
    ]);
    // The third memo: discount rest 200 − 133.34 = 66.66 as recorded, tax rest 18.99 as recorded.
    expect(report.discrepancies.filter((d) => d.refundId === "1-3")).toEqual([]);
  });
  it("a history recorded remaining-over-remaining without the leak is explained by magento under the default", () => {
    const report = reportOf(clean);
    expect(report.discrepancies.length).toBeGreaterThan(0);
    expect(new Set(report.discrepancies.map((d) => `${d.refundId}:${d.explainedBy}`))).toEqual(
      new Set(["1-2:magento"]),
    );
  });
});

describe("a history that refunds more than the order has", () => {
  const base = order({
    lineItems: [line("a", 2, "10.00"), line("b", 1, "5.00")],
    invoices: [invoice("i", "25.00")],
  });
  const twice = orderAfterAll(base, [unitRequest("a", 2)]);
  const [m1] = twice.refunds as CreditMemo[];
  const over: Order = {
    ...base,
    refunds: [m1!, { ...m1!, id: "1-2" }, orderAfterAll(base, [unitRequest("b")]).refunds[0]!].map(
      (m, i) => ({
        ...m,
        id: `1-${i + 1}`,
      }),
    ),
  };
  it("is audited memo by memo: the repeated memo is rejected as OVER_REFUND, never INCONSISTENT_ORDER", () => {
    const report = reportOf(over);
    expect(report.rejected).toHaveLength(2);
    expect(report.rejected[0]).toMatchObject({
      refundId: "1-2",
      errors: [{ code: "OVER_REFUND", subject: "quantity", requested: 2, maximum: 0 }],
    });
    // The third memo (b, 5.00) is replayed after 40.00 was paid out of a 25.00 invoice: nothing is
    // left, a maximum of 0.00 (v2, §5 and §9.2; v1 reported 25.00 − 40.00 = −15.00).
    expect(report.rejected[1]).toMatchObject({
      refundId: "1-3",
      errors: [{ code: "OVER_REFUND", subject: "money", requested: "5.00", maximum: "0.00" }],
    });
    expect(JSON.stringify(report)).not.toContain("INCONSISTENT_ORDER");
  });
  it("a memo with a negative refunded amount rejects every later replay, naming it", () => {
    // Three units of a; the first memo's discount share is −1.00: the
    // history cannot be read, so memos 2 and 3 are rejected with the path of
    // the bad amount in the history before them (refunds[0]).
    const three = order({
      lineItems: [line("a", 3, "10.00", { discountAllocations: [discount("3.00")] })],
      invoices: [invoice("i", "27.00")],
    });
    const clean = orderAfterAll(three, [unitRequest("a"), unitRequest("a"), unitRequest("a")]);
    const [m1, m2, m3] = clean.refunds as CreditMemo[];
    const negative: CreditMemo = {
      ...m1!,
      lineItems: m1!.lineItems.map((l) => ({
        ...l,
        discountAllocations: [{ title: "Discount", amount: { shop: -100n, presentment: -100n } }],
      })),
    };
    const report = reportOf({ ...three, refunds: [negative, m2!, m3!] });
    const bad = {
      code: "INCONSISTENT_ORDER",
      path: "refunds[0].lineItems[0].discountAllocations[0].amount",
    };
    expect(report.rejected.map((r) => r.refundId)).toEqual(["1-2", "1-3"]);
    expect(report.rejected[0]!.errors).toMatchObject([bad]);
    expect(report.rejected[1]!.errors).toMatchObject([bad]);
    // The first memo replays on an empty history; its line discount, subtotal
    // and totals are as recorded (allocations are not compared one by one).
    expect(report.discrepancies).toEqual([]);
  });
  it("an order whose own data contradicts itself is INCONSISTENT_ORDER", () => {
    const bad: Order = {
      ...over,
      lineItems: [line("a", 2, "10.00", { discountAllocations: [discount("20.01")] })],
    };
    const result = audit(bad);
    expect(E.isLeft(result) && result.left.map((e) => [e.code, "path" in e ? e.path : ""])).toEqual(
      [["INCONSISTENT_ORDER", "lineItems[0].discountAllocations"]],
    );
  });
});

describe("recorded transactions are checked on their own", () => {
  const base = order({
    lineItems: [line("a", 2, "10.00")],
    invoices: [invoice("i1", "5.00"), invoice("i2", "15.00")],
  });
  const clean = orderAfterAll(base, [unitRequest("a")]);
  const memo = clean.refunds[0]!;
  const withTransactions = (transactions: CreditMemo["transactions"]): Order => ({
    ...base,
    refunds: [{ ...memo, transactions }],
  });
  const tr = (invoiceId: string, amount: string) => ({
    invoiceId,
    gateway: "bogus",
    online: true,
    amount: usd(amount),
    maximumRefundable: usd("0.00"),
  });
  it("the engine's own suggestion (5.00 from i1, 5.00 from i2) passes", () => {
    expect(reportOf(clean)).toMatchObject({ discrepancies: [], rejected: [] });
  });
  it("7.00 out of i1 (5.00 left) is a discrepancy at transactions[0].amount, expected at most 5.00", () => {
    const report = reportOf(withTransactions([tr("i1", "7.00"), tr("i2", "3.00")]));
    expect(report.discrepancies).toEqual([
      {
        refundId: "1-1",
        path: "transactions[0].amount",
        currency: "USD",
        recorded: "7.00",
        expected: "5.00",
        explainedBy: null,
      },
    ]);
  });
  it("transactions adding up to 9.00 of a 10.00 total differ at transactions", () => {
    const report = reportOf(withTransactions([tr("i2", "9.00")]));
    expect(report.discrepancies).toEqual([
      {
        refundId: "1-1",
        path: "transactions",
        currency: "USD",
        recorded: "9.00",
        expected: "10.00",
        explainedBy: null,
      },
    ]);
  });
  it("a transaction out of an unknown invoice rejects the memo with UNKNOWN_INVOICE", () => {
    const report = reportOf(withTransactions([tr("nope", "10.00")]));
    expect(report.rejected).toMatchObject([
      {
        refundId: "1-1",
        errors: [{ code: "UNKNOWN_INVOICE", invoiceId: "nope", path: "transactions[0].invoiceId" }],
      },
    ]);
  });
  it("a memo out of an unknown invoice does not make the memos after it INCONSISTENT_ORDER", () => {
    const two = orderAfterAll(base, [unitRequest("a"), unitRequest("a")]);
    const [m1, m2] = two.refunds as CreditMemo[];
    const report = reportOf({
      ...base,
      refunds: [{ ...m1!, transactions: [tr("nope", "10.00")] }, m2!],
    });
    expect(report.rejected).toMatchObject([
      { refundId: "1-1", errors: [{ code: "UNKNOWN_INVOICE" }] },
    ]);
    expect(JSON.stringify(report)).not.toContain("INCONSISTENT_ORDER");
  });
  it("a memo naming an item not on the order is rejected (UNKNOWN_LINE_ITEM), and the next memo still audited", () => {
    const two = orderAfterAll(base, [unitRequest("a"), unitRequest("a")]);
    const [m1, m2] = two.refunds as CreditMemo[];
    const ghost = { ...m1!, lineItems: [{ ...m1!.lineItems[0]!, lineItemId: "ghost" }] };
    const report = reportOf({ ...base, refunds: [ghost, m2!] });
    expect(report.rejected).toMatchObject([
      { refundId: "1-1", errors: [{ code: "UNKNOWN_LINE_ITEM", lineItemId: "ghost" }] },
    ]);
    // The second memo refunds 1 of 2 units with the ghost not counted: discount and tax none, total 10.00 — as recorded.
    expect(report.discrepancies).toEqual([]);
    expect(JSON.stringify(report)).not.toContain("INCONSISTENT_ORDER");
  });
  it("a memo in another currency is rejected with CURRENCY_MISMATCH", () => {
    const report = reportOf({
      ...base,
      refunds: [{ ...memo, currency: "EUR", presentmentCurrency: "EUR" }],
    });
    expect(report.rejected).toMatchObject([
      { refundId: "1-1", errors: [{ code: "CURRENCY_MISMATCH", expected: "USD", actual: "EUR" }] },
    ]);
  });
});

describe("multi-currency: each side of a bag is compared, the path names the side", () => {
  // 2 units; shop 10.00 USD / presentment 9.00 EUR each; tax 0.05 USD / 0.07 EUR for the line.
  const base = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 2, bag("10.00", "9.00"), { taxLines: [tax(bag("0.05", "0.07"))] })],
    shippingLines: [shippingLine("s", bag("4.00", "3.60"))],
    invoices: [invoice("i", bag("24.05", "21.67"))],
  });
  const clean = orderAfterAll(base, [
    request({
      lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }],
      currency: "EUR",
      shipping: { fullRefund: false, amount: dec("1.80") },
    }),
    request({ full: true }),
  ]);
  it("a clean history (with a final full refund) reports nothing", () => {
    expect(reportOf(clean)).toMatchObject({ discrepancies: [], rejected: [] });
  });
  it("a shop-side change is reported at total.shop in USD only", () => {
    const [m1, m2] = clean.refunds as CreditMemo[];
    // First memo: tax 0.05·1/2 = 0.025 → 0.03 USD, 0.07·1/2 = 0.035 → 0.04 EUR. Record 0.02 USD instead.
    const changed: CreditMemo = {
      ...m1!,
      tax: { ...m1!.tax, shop: m1!.tax.shop - 1n },
      total: { ...m1!.total, shop: m1!.total.shop - 1n },
    };
    const report = reportOf({ ...base, refunds: [changed, m2!] });
    const first = report.discrepancies.filter((d) => d.refundId === changed.id);
    // 10.00 + 0.03 + 2.00 (1.80 EUR of 3.60: half the shop pool) = 12.03 USD expected.
    expect(first.map((d) => [d.path, d.currency, d.recorded, d.expected])).toEqual([
      ["tax.shop", "USD", "0.02", "0.03"],
      ["total.shop", "USD", "12.02", "12.03"],
      // the transactions still pay the 12.03 the engine recorded, not the recorded total 12.02.
      ["transactions.shop", "USD", "12.03", "12.02"],
    ]);
  });
});

describe("§9.2 shipping amounts are compared too", () => {
  // Shipping 10.00 with 1.00 of tax; 5.00 of it refunded: tax round(1.00 · 5.00 / 10.00) = 0.50,
  // total 5.50. A memo that recorded 0.60 of shipping tax (and so tax 0.60, total 5.60, paid
  // 5.60) differs at shipping.tax, tax and total: recorded 0.60 / 0.60 / 5.60, expected
  // 0.50 / 0.50 / 5.50.
  const base = order({
    lineItems: [line("a", 1, "10.00")],
    shippingLines: [shippingLine("s", "10.00", { taxLines: [tax("1.00")] })],
    invoices: [invoice("i", "21.00")],
  });
  const clean = orderAfterAll(base, [
    request({ shipping: { fullRefund: false, amount: dec("5.00") } }),
  ]);
  const memo = clean.refunds[0]!;
  it("the engine's own memo passes", () => {
    expect([memo.shipping.tax, memo.total]).toEqual([usd("0.50"), usd("5.50")]);
    expect(reportOf(clean)).toMatchObject({ discrepancies: [], rejected: [] });
  });
  it("a recorded shipping tax of 0.60 is reported at shipping.tax, tax and total", () => {
    const [shipping] = memo.shipping.lines;
    const [t] = memo.transactions;
    if (shipping === undefined || t === undefined)
      throw new Error("no shipping line or transaction");
    const tampered: CreditMemo = {
      ...memo,
      shipping: {
        ...memo.shipping,
        tax: usd("0.60"),
        lines: [
          { ...shipping, taxLines: shipping.taxLines.map((x) => ({ ...x, amount: usd("0.60") })) },
        ],
      },
      tax: usd("0.60"),
      total: usd("5.60"),
      transactions: [{ ...t, amount: usd("5.60") }],
    };
    const report = reportOf({ ...base, refunds: [tampered] });
    expect(report.rejected).toEqual([]);
    expect(report.discrepancies.map((d) => [d.path, d.recorded, d.expected])).toEqual([
      ["shipping.tax", "0.60", "0.50"],
      ["tax", "0.60", "0.50"],
      ["total", "5.60", "5.50"],
    ]);
  });
});

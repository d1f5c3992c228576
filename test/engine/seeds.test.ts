/**
 * The seed examples of the platforms, with numbers worked by hand.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import {
  dec,
  discount,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  shippingLine,
  show,
  tax,
} from "../support/builders.js";
import { magento38388Order, magentoOrder, shopifyOrder } from "../support/fixtures.js";

describe("Magento tutorial: item 3, shipping 0, return to stock, offline", () => {
  // 1 of 2 units: discount 4.40·1/2 = 2.20; tax 3.27·1/2 = 1.635 → 1.64 (half away from zero);
  // subtotal 22.00 − 2.20 = 19.80; total 19.80 + 1.64 = 21.44.
  const memo = memoOf(
    calculate(
      magentoOrder,
      request({
        lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }],
        shipping: { fullRefund: false, amount: dec("0") },
        reason: "wrong size",
        notify: true,
      }),
    ),
  );
  it("prorates the line", () => {
    const [l] = memo.lineItems;
    expect(l?.quantity).toBe(1);
    expect(show(l!.gross)).toBe("22.00");
    expect(show(l!.discount)).toBe("2.20");
    expect(show(l!.subtotal)).toBe("19.80");
    expect(show(l!.tax)).toBe("1.64");
    expect(show(l!.total)).toBe("21.44");
    expect(l?.restock).toBe("return");
    expect(l?.locationId).toBe("wh-1");
    expect(l?.discountAllocations.map((d) => [d.title, show(d.amount)])).toEqual([
      ["SUMMER20", "2.20"],
    ]);
    expect(l?.taxLines.map((t) => [t.title, t.rate, show(t.amount)])).toEqual([
      ["State Tax", "0.0825", "1.64"],
    ]);
    expect(l?.duties.map((d) => [d.dutyId, show(d.amount)])).toEqual([["d1", "0.00"]]);
  });
  it("refunds no shipping and pays out offline", () => {
    expect(show(memo.shipping.amount)).toBe("0.00");
    expect(show(memo.shipping.maximumRefundable)).toBe("15.00");
    expect(memo.shipping.lines.map((s) => [s.shippingLineId, show(s.amount)])).toEqual([
      ["s1", "0.00"],
    ]);
    expect(show(memo.total)).toBe("21.44");
    expect(show(memo.maximumRefundable)).toBe("59.37");
    expect(memo.transactions).toHaveLength(1);
    const [t] = memo.transactions;
    expect([
      t?.invoiceId,
      t?.gateway,
      t?.online,
      show(t!.amount),
      show(t!.maximumRefundable),
    ]).toEqual(["inv-1", "banktransfer", false, "21.44", "59.37"]);
    expect([memo.id, memo.orderId, memo.reason, memo.note, memo.notify]).toEqual([
      "5-1",
      "5",
      "wrong size",
      null,
      true,
    ]);
  });
  it("refunds the rest exactly when the second unit follows, with duties and shipping", () => {
    const first = applyRefund(
      magentoOrder,
      request({ lineItems: [{ lineItemId: "3", quantity: 1, restock: "return" }] }),
    );
    if (first._tag === "Left") throw new Error("first refund failed");
    // Second unit: discount 4.40 − 2.20 = 2.20, tax 3.27 − 1.64 = 1.63 (the rest), duty 1.50 (all of it),
    // shipping 15.00: 19.80 + 1.63 + 1.50 + 15.00 = 37.93 = 59.37 − 21.44.
    const second = memoOf(
      calculate(
        first.right.order,
        request({
          lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }],
          refundDuties: true,
          shipping: { fullRefund: true },
        }),
      ),
    );
    expect(show(second.lineItems[0]!.tax)).toBe("1.63");
    expect(show(second.duties)).toBe("1.50");
    expect(show(second.total)).toBe("37.93");
    expect(show(second.maximumRefundable)).toBe("37.93");
    expect(second.id).toBe("5-2");
  });
});

describe("Shopify refunds/calculate", () => {
  it("refunds line 518995019 with full shipping: 195.67 + 3.98 + 5.00 = 204.65", () => {
    const memo = memoOf(
      calculate(
        shopifyOrder,
        request({
          lineItems: [{ lineItemId: "518995019", quantity: 1, restock: "no_restock" }],
          shipping: { fullRefund: true },
        }),
      ),
    );
    expect(show(memo.lineItems[0]!.subtotal)).toBe("195.67");
    expect(show(memo.lineItems[0]!.tax)).toBe("3.98");
    expect(show(memo.shipping.amount)).toBe("5.00");
    expect(show(memo.total)).toBe("204.65");
    expect(
      memo.transactions.map((t) => [t.invoiceId, show(t.amount), show(t.maximumRefundable)]),
    ).toEqual([["801038806", "204.65", "250.94"]]);
  });
  it("a partial shipping amount of 2.00 refunds 2.00 with no tax, of 5.00 refundable", () => {
    const memo = memoOf(
      calculate(
        shopifyOrder,
        request({ currency: "USD", shipping: { fullRefund: false, amount: dec("2.0") } }),
      ),
    );
    expect(show(memo.shipping.amount)).toBe("2.00");
    expect(show(memo.shipping.tax)).toBe("0.00");
    expect(show(memo.shipping.maximumRefundable)).toBe("5.00");
    expect(show(memo.total)).toBe("2.00");
  });
  it("after a 209.00 refund on the capture, 41.94 is the most left", () => {
    const applied = applyRefund(shopifyOrder, request({ amount: dec("209.00") }));
    if (applied._tag === "Left") throw new Error("refund failed");
    const memo = memoOf(calculate(applied.right.order, request({ amount: dec("41.94") })));
    expect(show(memo.maximumRefundable)).toBe("41.94");
    expect(show(memo.transactions[0]!.maximumRefundable)).toBe("41.94");
    const over = errorsOf(calculate(applied.right.order, request({ amount: dec("41.95") })));
    expect(over).toMatchObject([
      { code: "OVER_REFUND", subject: "money", requested: "41.95", maximum: "41.94" },
    ]);
  });
});

describe("Magento issue #38388: 3 × 100.00 with 200.00 discount and 57.00 tax", () => {
  const base = magento38388Order;
  it("three one-unit memos read back their history: tax 19.00 each, discounts 66.67/66.66/66.67", () => {
    let current = base;
    const taxes: string[] = [];
    const discounts: string[] = [];
    const totals: string[] = [];
    for (let i = 0; i < 3; i++) {
      const applied = applyRefund(
        current,
        request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] }),
      );
      if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
      current = applied.right.order;
      taxes.push(show(applied.right.creditMemo.tax));
      discounts.push(show(applied.right.creditMemo.discount));
      totals.push(show(applied.right.creditMemo.total));
    }
    // discounts: round(200/3) = 66.67; round(400/3) − 66.67 = 133.33 − 66.67 = 66.66; 200 − 133.33 = 66.67.
    expect(taxes).toEqual(["19.00", "19.00", "19.00"]);
    expect(discounts).toEqual(["66.67", "66.66", "66.67"]);
    // totals: 100 − 66.67 + 19 = 52.33; 100 − 66.66 + 19 = 52.34; 52.33 — together 157.00.
    expect(totals).toEqual(["52.33", "52.34", "52.33"]);
    expect(current.refunds.map((m) => m.id)).toEqual(["1-1", "1-2", "1-3"]);
  });
});

describe("Magento DiscountTest: 2 × 100 and shipping 100, 40% off both, 10% tax (grand total 198)", () => {
  const base = order({
    lineItems: [
      line("x", 2, "100.00", {
        discountAllocations: [discount("80.00")],
        taxLines: [tax("12.00")],
      }),
    ],
    shippingLines: [
      shippingLine("s", "100.00", {
        discountAllocations: [discount("40.00")],
        taxLines: [tax("6.00")],
      }),
    ],
    invoices: [invoice("i", "198.00")],
  });
  it("one unit with shipping 0: discount 40, tax 6, total 66", () => {
    const memo = memoOf(
      calculate(
        base,
        request({
          lineItems: [{ lineItemId: "x", quantity: 1, restock: "no_restock" }],
          shipping: { fullRefund: false, amount: dec("0") },
        }),
      ),
    );
    expect([show(memo.discount), show(memo.tax), show(memo.total)]).toEqual([
      "40.00",
      "6.00",
      "66.00",
    ]);
  });
  it("everything: shipping 100 less 40 = 60, tax 18, total 198", () => {
    const memo = memoOf(calculate(base, request({ full: true })));
    expect([show(memo.shipping.amount), show(memo.tax), show(memo.total)]).toEqual([
      "60.00",
      "18.00",
      "198.00",
    ]);
    expect([show(memo.adjustmentPositive), show(memo.adjustmentNegative)]).toEqual([
      "0.00",
      "0.00",
    ]);
  });
});

describe("2Checkout issueRefund", () => {
  const base = order({
    id: "721924012",
    lineItems: [
      line("l1", 2, "10.00", { sku: "PROD-A" }),
      line("l2", 1, "6.00", { sku: "PROD-B" }),
    ],
    invoices: [invoice("721924012", "26.00", true, "2checkout")],
  });
  it("a partial amount refund has no lines and refunds the amount as adjustment", () => {
    const memo = memoOf(
      calculate(base, request({ amount: dec("5.50"), reason: "Unwanted auto-renewal" })),
    );
    expect(memo.lineItems).toEqual([]);
    expect([show(memo.adjustmentPositive), show(memo.total)]).toEqual(["5.50", "5.50"]);
    expect(memo.reason).toBe("Unwanted auto-renewal");
  });
  it("items by product code with Amount as a check: 1 × PROD-A + 1 × PROD-B = 16.00", () => {
    const items = [
      { sku: "PROD-A", quantity: 1, restock: "no_restock" as const },
      { sku: "PROD-B", quantity: 1, restock: "no_restock" as const },
    ];
    const memo = memoOf(calculate(base, request({ lineItems: items, amount: dec("16.00") })));
    expect(show(memo.total)).toBe("16.00");
    expect(memo.lineItems.map((l) => l.lineItemId)).toEqual(["l1", "l2"]);
    expect(show(memo.adjustmentPositive)).toBe("0.00");
    expect(
      errorsOf(calculate(base, request({ lineItems: items, amount: dec("17.00") }))),
    ).toMatchObject([
      { code: "AMOUNT_MISMATCH", expected: "16.00", actual: "17.00", currency: "USD" },
    ]);
  });
  it("never more than the order total", () => {
    expect(errorsOf(calculate(base, request({ amount: dec("26.01") })))).toMatchObject([
      { code: "OVER_REFUND", subject: "money", requested: "26.01", maximum: "26.00" },
    ]);
  });
});

describe("Commerce Layer: an amount refunded against one capture", () => {
  const base = order({
    invoices: [
      invoice("cap-1", "15.00", true, "stripe"),
      invoice("cap-2", "30.00", true, "stripe"),
    ],
  });
  it("pays out online through the named capture, up to its refund balance", () => {
    const memo = memoOf(calculate(base, request({ amount: dec("15.00"), invoiceId: "cap-2" })));
    expect(
      memo.transactions.map((t) => [
        t.invoiceId,
        t.online,
        show(t.amount),
        show(t.maximumRefundable),
      ]),
    ).toEqual([["cap-2", true, "15.00", "30.00"]]);
    expect(
      errorsOf(calculate(base, request({ amount: dec("15.01"), invoiceId: "cap-1" }))),
    ).toMatchObject([
      {
        code: "OVER_REFUND",
        subject: "invoice",
        invoiceId: "cap-1",
        requested: "15.01",
        maximum: "15.00",
      },
    ]);
  });
});

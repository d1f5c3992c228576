/**
 * Edge cases found by a review of the engine against the spec: each test
 * names the rule it pins down, with numbers worked by hand.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate, calculateOnCheckedOrder } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import { applied, unit } from "../support/apply.js";
import {
  bag,
  dec,
  discount,
  duty,
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

const base = order({
  id: "5",
  lineItems: [line("a", 3, "10.00"), line("free", 1, "0.00")],
  invoices: [invoice("i", "30.00")],
});

describe("§6 memo ids stay unique", () => {
  it("a default id skips an id an idempotency key already took", () => {
    // memo 1 keyed "5-2"; memo 2 would be "5-2" by position, so it takes "5-3".
    const first = applied(base, request({ lineItems: [unit("a")], idempotencyKey: "5-2" }));
    const second = applied(first.order, request({ lineItems: [unit("a")] }));
    expect([first.memo.id, second.memo.id]).toEqual(["5-2", "5-3"]);
    // and the order can still be refunded afterwards
    expect(memoOf(calculate(second.order, request({ lineItems: [unit("a")] }))).id).toBe("5-4");
  });
  it("a key equal to an existing memo id is DUPLICATE_REFUND", () => {
    const imported = applied(base, request({ lineItems: [unit("a")] }));
    const renamed = { ...imported.order, refunds: [{ ...imported.memo, id: "rma-77" }] };
    expect(
      errorsOf(calculate(renamed, request({ lineItems: [unit("a")], idempotencyKey: "rma-77" }))),
    ).toMatchObject([{ code: "DUPLICATE_REFUND", idempotencyKey: "rma-77" }]);
  });
});

describe("§3.7 explicit transactions add up to the total, a zero total included", () => {
  it("a free line returned with a 5.00 transaction is TRANSACTION_MISMATCH (5.00 vs 0.00)", () => {
    const r = request({
      lineItems: [{ lineItemId: "free", quantity: 1, restock: "no_restock" }],
      transactions: [{ invoiceId: "i", amount: dec("5.00") }],
    });
    expect(errorsOf(calculate(base, r))).toMatchObject([
      { code: "TRANSACTION_MISMATCH", transactionsTotal: "5.00", total: "0.00" },
    ]);
  });
  it("a mismatch does not hide a transaction above its invoice's money left", () => {
    // total 10.00; transactions 31.00 on i (30.00 left): both problems are reported.
    const r = request({
      lineItems: [unit("a")],
      transactions: [{ invoiceId: "i", amount: dec("31.00") }],
    });
    expect(errorsOf(calculate(base, r)).map((e) => e.code)).toEqual([
      "TRANSACTION_MISMATCH",
      "OVER_REFUND",
    ]);
  });
  it("an unknown invoiceId is reported even when transactions are given too", () => {
    const r = request({
      lineItems: [unit("a")],
      invoiceId: "nope",
      transactions: [{ invoiceId: "i", amount: dec("10.00") }],
    });
    expect(errorsOf(calculate(base, r)).map((e) => e.code)).toEqual([
      "INVALID_INPUT",
      "UNKNOWN_INVOICE",
    ]);
  });
});

describe("§3.6 / §3.3 a full refund returns all remaining duties", () => {
  const withDuty = order({
    id: "d",
    lineItems: [line("t", 2, "22.00", { duties: [duty("d1", "1.50", [tax("0.30", "Duty VAT")])] })],
    invoices: [invoice("i", "45.80")],
  });
  it("duties left on a line whose units were all refunded go out in a quantity-0 line", () => {
    const units = applied(withDuty, request({ lineItems: [unit("t", 2)] }));
    expect(show(units.memo.total)).toBe("44.00");
    // full: no units left, duty 1.50 and its tax 0.30 remain; money left 1.80, so no adjustment.
    const full = memoOf(calculate(units.order, request({ full: true })));
    expect(full.lineItems.map((l) => [l.lineItemId, l.quantity])).toEqual([["t", 0]]);
    expect([show(full.duties), show(full.tax), show(full.total)]).toEqual(["1.50", "0.30", "1.80"]);
    expect([show(full.adjustmentPositive), show(full.adjustmentNegative)]).toEqual([
      "0.00",
      "0.00",
    ]);
  });
  it("a quantity-0 line with refundDuties refunds the duties of the units already refunded", () => {
    // 1 of 2 units refunded without duties; then quantity 0 with refundDuties: round(150·1/2) = 75 → 0.75,
    // duty tax round(30·1/2) = 15 → 0.15.
    const one = applied(withDuty, request({ lineItems: [unit("t", 1)] }));
    const catchUp = memoOf(
      calculate(one.order, request({ lineItems: [unit("t", 0)], refundDuties: true })),
    );
    expect([show(catchUp.duties), show(catchUp.tax), show(catchUp.total)]).toEqual([
      "0.75",
      "0.15",
      "0.90",
    ]);
  });
  it("a history memo that lists no duties (as §6's example) leaves them all for the full refund", () => {
    // The units went out in a memo whose line has "duties": [] — read as none
    // refunded — so the full refund still returns the duty 1.50 and its tax 0.30.
    const units = applied(withDuty, request({ lineItems: [unit("t", 2)] }));
    const [memo] = units.order.refunds;
    const noDuties = {
      ...withDuty,
      refunds: [{ ...memo!, lineItems: memo!.lineItems.map((l) => ({ ...l, duties: [] })) }],
    };
    const full = memoOf(calculate(noDuties, request({ full: true })));
    expect(full.lineItems.map((l) => [l.lineItemId, l.quantity])).toEqual([["t", 0]]);
    expect([show(full.duties), show(full.tax), show(full.total)]).toEqual(["1.50", "0.30", "1.80"]);
  });
  it("quantity 0 without refundDuties, or with no duty left, is INVALID_QUANTITY", () => {
    expect(errorsOf(calculate(withDuty, request({ lineItems: [unit("t", 0)] })))).toMatchObject([
      { code: "INVALID_QUANTITY" },
    ]);
    expect(
      errorsOf(calculate(base, request({ lineItems: [unit("a", 0)], refundDuties: true }))),
    ).toMatchObject([{ code: "INVALID_QUANTITY" }]);
  });
});

describe("§1 every amount in v1 is ≥ 0", () => {
  it("negative free amounts are INVALID_INPUT, never a memo", () => {
    const minus = { coefficient: -500n, scale: 2 };
    for (const r of [
      request({ lineItems: [unit("a")], adjustmentPositive: minus }),
      request({ lineItems: [unit("a")], adjustmentNegative: minus }),
      request({ lineItems: [unit("a")], shipping: { fullRefund: false, amount: minus } }),
      request({ amount: minus }),
    ]) {
      expect(errorsOf(calculate(base, r)).map((e) => e.code)).toContain("INVALID_INPUT");
    }
  });
  it("a history memo with a negative component or transaction makes the order INCONSISTENT_ORDER", () => {
    const o = order({
      lineItems: [
        line("x", 2, "10.00", { discountAllocations: [discount("4.00")], taxLines: [tax("1.60")] }),
      ],
      invoices: [invoice("i", "17.60")],
    });
    const first = applied(o, request({ lineItems: [unit("x")] }));
    const tampered: CreditMemo = {
      ...first.memo,
      lineItems: first.memo.lineItems.map((l) => ({
        ...l,
        discountAllocations: l.discountAllocations.map((d) => ({
          ...d,
          amount: { shop: -100n, presentment: -100n },
        })),
      })),
      transactions: first.memo.transactions.map((t) => ({
        ...t,
        amount: { shop: -500n, presentment: -500n },
      })),
    };
    const errors = errorsOf(
      calculate({ ...o, refunds: [tampered] }, request({ lineItems: [unit("x")] })),
    );
    expect(errors.map((e) => [e.code, "path" in e ? e.path : ""])).toEqual([
      ["INCONSISTENT_ORDER", "refunds[0].lineItems[0].discountAllocations[0].amount"],
      ["INCONSISTENT_ORDER", "refunds[0].transactions[0].amount"],
    ]);
  });
});

describe("§2 ids are unique", () => {
  it("an id used three times is reported at its second and third place, the first stays", () => {
    const thrice = order({
      lineItems: [
        line("a", 1, "1.00"),
        line("b", 1, "1.00"),
        line("a", 1, "1.00"),
        line("a", 1, "1.00"),
      ],
      shippingLines: [shippingLine("s", "1.00"), shippingLine("s", "2.00")],
      invoices: [invoice("i", "1.00"), invoice("j", "1.00")],
    });
    expect(errorsOf(calculate(thrice, request({ amount: dec("1.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[2].id" },
      { code: "INCONSISTENT_ORDER", path: "lineItems[3].id" },
      { code: "INCONSISTENT_ORDER", path: "shippingLines[1].id" },
    ]);
  });
});

describe("never a throw", () => {
  it("300,000 repeated line ids give errors, not a stack overflow", () => {
    const many = order({ lineItems: Array.from({ length: 300_000 }, () => line("a", 1, "1.00")) });
    const result = calculate(many, request({ amount: dec("1.00") }));
    expect(errorsOf(result)).toHaveLength(299_999);
  });
  it("the audit entry point reports a history memo with a fractional quantity instead of throwing", () => {
    const first = applied(base, request({ lineItems: [unit("a")] }));
    const odd = {
      ...first.memo,
      lineItems: first.memo.lineItems.map((l) => ({ ...l, quantity: 0.5 })),
    };
    expect(
      errorsOf(
        calculateOnCheckedOrder({ ...base, refunds: [odd] }, request({ lineItems: [unit("a")] })),
      ),
    ).toMatchObject([{ code: "INCONSISTENT_ORDER", path: "refunds[0].lineItems[0].quantity" }]);
  });
});

describe("§5 independent problems are reported together", () => {
  it("full with bad lines reports the lines too", () => {
    const errors = errorsOf(calculate(base, request({ full: true, lineItems: [unit("zzz")] })));
    expect(errors.map((e) => e.code)).toEqual(["INVALID_INPUT", "UNKNOWN_LINE_ITEM"]);
  });
  it("an unknown sku carries the sku", () => {
    expect(
      errorsOf(
        calculate(
          base,
          request({ lineItems: [{ sku: "NOPE", quantity: 1, restock: "no_restock" }] }),
        ),
      ),
    ).toMatchObject([{ code: "UNKNOWN_LINE_ITEM", sku: "NOPE", path: "lineItems[0].sku" }]);
  });
});

describe("§3.4 shipping that refunds nothing does not stop an amount-only refund", () => {
  it("{amount: 3.00, shipping: {fullRefund: false}} refunds 3.00 as an adjustment", () => {
    for (const shipping of [{ fullRefund: false }, { fullRefund: false, amount: dec("0") }]) {
      const memo = memoOf(calculate(base, request({ amount: dec("3.00"), shipping })));
      expect([show(memo.adjustmentPositive), show(memo.total)]).toEqual(["3.00", "3.00"]);
    }
  });
});

describe("§3.1 a share is never below zero, whatever policy wrote the history", () => {
  it("after four units refunded per unit (shopify), the default rule's share of the fifth is 0.00, not −0.01", () => {
    // 10 units, discount 0.05: per unit round(5/10) = round(0.5) = 1 → 0.01 a
    // unit, 0.04 after four. The default rule for the fifth:
    // round(5·5/10) − 4 = round(2.5) − 4 = 3 − 4 = −1 → clamped to 0.
    let o = order({
      lineItems: [line("p", 10, "1.00", { discountAllocations: [discount("0.05")] })],
      invoices: [invoice("i", "9.95")],
    });
    for (let k = 0; k < 4; k++) {
      const applied = applyRefund(o, request({ lineItems: [unit("p")] }), "shopify");
      if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
      expect(show(applied.right.creditMemo.discount)).toBe("0.01");
      o = applied.right.order;
    }
    const fifth = memoOf(calculate(o, request({ lineItems: [unit("p")] })));
    expect([show(fifth.discount), show(fifth.total)]).toEqual(["0.00", "1.00"]);
  });
});

describe("§2 discounts within the gross, on each side of a multi-currency order", () => {
  it("a discount above the gross on the presentment side only is INCONSISTENT_ORDER", () => {
    // price 10.00 USD / 10.00 EUR (equal sides); the discount is 5.00 USD but 10.01 EUR.
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [
        line("m", 1, bag("10.00", "10.00"), {
          discountAllocations: [discount(bag("5.00", "10.01"))],
        }),
      ],
      invoices: [invoice("i", bag("5.00", "0.00"))],
    });
    expect(errorsOf(calculate(o, request({ amount: dec("0.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[0].discountAllocations" },
    ]);
  });
});

describe("§2 with taxesIncluded, taxes sit inside what they tax", () => {
  it("a line or shipping tax above its net (price less discounts) is INCONSISTENT_ORDER", () => {
    // line: 1 × 10.00 less 2.00 discount = 8.00 net, tax 8.01 cannot be included in it.
    const o = order({
      taxesIncluded: true,
      lineItems: [
        line("v", 1, "10.00", { discountAllocations: [discount("2.00")], taxLines: [tax("8.01")] }),
      ],
      shippingLines: [shippingLine("s", "5.00", { taxLines: [tax("5.01")] })],
      invoices: [invoice("i", "15.00")],
    });
    expect(errorsOf(calculate(o, request({ amount: dec("1.00") })))).toMatchObject([
      { code: "INCONSISTENT_ORDER", path: "lineItems[0].taxLines" },
      { code: "INCONSISTENT_ORDER", path: "shippingLines[0].taxLines" },
    ]);
    // exactly the net is fine (a price that is all tax); excluded taxes may exceed anything.
    const edge = order({
      taxesIncluded: true,
      lineItems: [
        line("v", 1, "10.00", { discountAllocations: [discount("2.00")], taxLines: [tax("8.00")] }),
      ],
      invoices: [invoice("i", "8.00")],
    });
    expect(memoOf(calculate(edge, request({ amount: dec("1.00") }))).total.shop).toBe(100n);
    expect(
      memoOf(
        calculate(
          { ...o, taxesIncluded: false, invoices: [invoice("i", "26.02")] },
          request({ amount: dec("1.00") }),
        ),
      ).total.shop,
    ).toBe(100n);
  });
});

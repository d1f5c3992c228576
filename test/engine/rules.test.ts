/**
 * One test per calculation rule of §3, numbers worked by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import { refundStatus } from "../../src/refundStatus.js";
import { applyAll, unit } from "../support/apply.js";
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

describe("§3.1 cumulative proration", () => {
  const base = order({
    lineItems: [
      line("a", 3, "1.00", { discountAllocations: [discount("0.05")], taxLines: [tax("0.10")] }),
    ],
    invoices: [invoice("i", "100.00")],
  });
  it("a 0.05 discount on 3 units refunded one at a time gives 0.02, 0.01, 0.02", () => {
    // round(5·1/3) = round(1.67) = 2; round(5·2/3) − 2 = round(3.33) − 2 = 1; 5 − 3 = 2.
    const memos = applyAll(base, [
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("a")] }),
    ]);
    expect(memos.map((m) => show(m.discount))).toEqual(["0.02", "0.01", "0.02"]);
    // tax 0.10: round(10/3) = 3; round(20/3) − 3 = 7 − 3 = 4; 10 − 7 = 3.
    expect(memos.map((m) => show(m.tax))).toEqual(["0.03", "0.04", "0.03"]);
  });
  it("is path independent: 1 then 1 equals 2 at once", () => {
    const [a, b] = applyAll(base, [
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("a")] }),
    ]);
    const [both] = applyAll(base, [request({ lineItems: [unit("a", 2)] })]);
    // 2 units at once: round(5·2/3) = 3 = 0.02 + 0.01; tax round(20/3) = 7 = 0.03 + 0.04.
    expect(show(both!.discount)).toBe("0.03");
    expect(a!.discount.shop + b!.discount.shop).toBe(both!.discount.shop);
    expect(a!.tax.shop + b!.tax.shop).toBe(both!.tax.shop);
  });
  it("rounds half away from zero: 0.25 over 2 units gives 0.13 then 0.12", () => {
    const o = order({
      lineItems: [line("h", 2, "1.00", { taxLines: [tax("0.25")] })],
      invoices: [invoice("i", "2.25")],
    });
    // 25·1/2 = 12.5 → 13; the rest 25 − 13 = 12.
    const memos = applyAll(o, [
      request({ lineItems: [unit("h")] }),
      request({ lineItems: [unit("h")] }),
    ]);
    expect(memos.map((m) => show(m.tax))).toEqual(["0.13", "0.12"]);
  });
  it("gross is price × quantity, subtotal gross − discount", () => {
    const o = order({
      lineItems: [line("p", 5, "349.99", { discountAllocations: [discount("524.98")] })],
      invoices: [invoice("i", "1225.00")],
    });
    // gross 2 × 349.99 = 699.98; discount round(524.98·2/5 = 209.992) = 209.99; subtotal 489.99.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("p", 2)] })));
    const l = memo.lineItems[0]!;
    expect([show(l.gross), show(l.discount), show(l.subtotal)]).toEqual([
      "699.98",
      "209.99",
      "489.99",
    ]);
  });
  it("computes both sides of a multi-currency bag independently", () => {
    const o = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [
        line("m", 3, bag("10.00", "9.00"), {
          discountAllocations: [discount(bag("1.00", "0.91"))],
          taxLines: [tax(bag("2.00", "1.82"))],
        }),
      ],
      invoices: [invoice("i", bag("31.00", "27.91"))],
    });
    // shop: discount round(100/3) = 33 → 0.33; tax round(200/3) = 67 → 0.67.
    // presentment: discount round(91/3) = 30 → 0.30; tax round(182/3) = 61 → 0.61.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("m")] })));
    expect(show(memo.discount, "USD", "EUR")).toBe("0.33/0.30");
    expect(show(memo.tax, "USD", "EUR")).toBe("0.67/0.61");
    // total shop 10.00 − 0.33 + 0.67 = 10.34; presentment 9.00 − 0.30 + 0.61 = 9.31.
    expect(show(memo.total, "USD", "EUR")).toBe("10.34/9.31");
    expect(memo.transactions.map((t) => show(t.amount, "USD", "EUR"))).toEqual(["10.34/9.31"]);
  });
  it("works in currencies with 0 and 3 decimals", () => {
    const jpy = order({
      currency: "JPY",
      presentmentCurrency: "JPY",
      lineItems: [
        line(
          "j",
          3,
          { shop: 1000n, presentment: 1000n },
          { taxLines: [tax({ shop: 100n, presentment: 100n })] },
        ),
      ],
      invoices: [invoice("i", { shop: 3100n, presentment: 3100n })],
    });
    // 100·1/3 = 33.3 → 33 yen.
    expect(memoOf(calculate(jpy, request({ lineItems: [unit("j")] }))).tax.shop).toBe(33n);
    const kwd = order({
      currency: "KWD",
      presentmentCurrency: "KWD",
      lineItems: [
        line(
          "k",
          3,
          { shop: 1000n, presentment: 1000n },
          { taxLines: [tax({ shop: 5n, presentment: 5n })] },
        ),
      ],
      invoices: [invoice("i", { shop: 3005n, presentment: 3005n })],
    });
    // 0.005 KWD over 3 units: 5/3 = 1.67 → 0.002.
    expect(show(memoOf(calculate(kwd, request({ lineItems: [unit("k")] }))).tax, "KWD")).toBe(
      "0.002",
    );
  });
  it("stays exact at 10^18 minor units", () => {
    const big = 10n ** 18n;
    const o = order({
      lineItems: [
        line(
          "b",
          3,
          { shop: big, presentment: big },
          { taxLines: [tax({ shop: big + 1n, presentment: big + 1n })] },
        ),
      ],
      invoices: [invoice("i", { shop: 4n * big + 1n, presentment: 4n * big + 1n })],
    });
    // tax (10^18 + 1)/3 = 333333333333333333.67 → 333333333333333334.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("b")] })));
    expect(memo.tax.shop).toBe(333333333333333334n);
    expect(memo.total.shop).toBe(big + 333333333333333334n);
  });
});

describe("§3.2 shipping", () => {
  const three = order({
    shippingLines: [
      shippingLine("s1", "5.00"),
      shippingLine("s2", "3.00"),
      shippingLine("s3", "2.00"),
    ],
    invoices: [invoice("i", "10.00")],
  });
  it("splits an amount by largest remainder in proportion to the remainders", () => {
    // 2.00 over 5/3/2: exact 1.00/0.60/0.40.
    const memo = memoOf(
      calculate(three, request({ shipping: { fullRefund: false, amount: dec("2.00") } })),
    );
    expect(memo.shipping.lines.map((l) => show(l.amount))).toEqual(["1.00", "0.60", "0.40"]);
    // 0.07 over 5/3/2: 3.5/2.1/1.4 → floors 3/2/1 = 6, one unit left → largest remainder .5 (s1) → 4/2/1.
    const odd = memoOf(
      calculate(three, request({ shipping: { fullRefund: false, amount: dec("0.07") } })),
    );
    expect(odd.shipping.lines.map((l) => show(l.amount))).toEqual(["0.04", "0.02", "0.01"]);
  });
  it("breaks ties to the earlier line", () => {
    const even = order({
      shippingLines: [
        shippingLine("a", "1.00"),
        shippingLine("b", "1.00"),
        shippingLine("c", "1.00"),
      ],
      invoices: [invoice("i", "3.00")],
    });
    // 0.10 over 1/1/1: 3.33 each → floors 3/3/3, one unit to the first of the equal remainders.
    const memo = memoOf(
      calculate(even, request({ shipping: { fullRefund: false, amount: dec("0.10") } })),
    );
    expect(memo.shipping.lines.map((l) => show(l.amount))).toEqual(["0.04", "0.03", "0.03"]);
  });
  it("amount wins over fullRefund; more than the remainder is OVER_REFUND", () => {
    const memo = memoOf(
      calculate(three, request({ shipping: { fullRefund: true, amount: dec("1.00") } })),
    );
    expect(show(memo.shipping.amount)).toBe("1.00");
    expect(
      errorsOf(
        calculate(three, request({ shipping: { fullRefund: false, amount: dec("10.01") } })),
      ),
    ).toMatchObject([
      {
        code: "OVER_REFUND",
        subject: "shipping",
        requested: "10.01",
        maximum: "10.00",
        path: "shipping.amount",
      },
    ]);
  });
  it("the remainder is the net less what the history refunded", () => {
    const o = order({
      shippingLines: [shippingLine("s", "10.00", { discountAllocations: [discount("2.00")] })],
      invoices: [invoice("i", "8.00")],
    });
    // net 10.00 − 2.00 = 8.00; after 3.00, 5.00 remain.
    const [first] = applyAll(o, [
      request({ shipping: { fullRefund: false, amount: dec("3.00") } }),
    ]);
    expect(show(first!.shipping.maximumRefundable)).toBe("8.00");
    const after = applyAll(o, [
      request({ shipping: { fullRefund: false, amount: dec("3.00") } }),
      request({ shipping: { fullRefund: true } }),
    ]);
    expect(show(after[1]!.shipping.amount)).toBe("5.00");
    expect(show(after[1]!.shipping.maximumRefundable)).toBe("5.00");
  });
  it("prorates shipping tax cumulatively over amounts, and only for lines that take part", () => {
    const o = order({
      shippingLines: [
        shippingLine("s", "10.00", { taxLines: [tax("0.83", "VAT", "0.083")] }),
        shippingLine("t", "4.00", { taxLines: [tax("0.40")] }),
      ],
      invoices: [invoice("i", "15.23")],
    });
    const [partial, rest] = applyAll(o, [
      request({ shipping: { fullRefund: false, amount: dec("7.00") } }),
      request({ shipping: { fullRefund: true } }),
    ]);
    // 7.00 over 10/4: 5.00/2.00 exactly. s tax: round(83·500/1000) = round(41.5) = 42; t tax: round(40·200/400) = 20.
    expect(partial!.shipping.lines.map((l) => show(l.amount))).toEqual(["5.00", "2.00"]);
    expect(partial!.shipping.lines.map((l) => show(l.taxLines[0]!.amount))).toEqual([
      "0.42",
      "0.20",
    ]);
    expect(show(partial!.shipping.tax)).toBe("0.62");
    expect(show(partial!.total)).toBe("7.62");
    // the rest: s tax 0.83 − 0.42 = 0.41; t tax 0.40 − 0.20 = 0.20.
    expect(rest!.shipping.lines.map((l) => show(l.taxLines[0]!.amount))).toEqual(["0.41", "0.20"]);
    // a zero amount: no line takes part, so no tax — not even a line whose rest would be due.
    const withItem = { ...o, lineItems: [line("a", 1, "1.00")], refunds: [partial!] };
    const none = memoOf(
      calculate(
        withItem,
        request({ lineItems: [unit("a")], shipping: { fullRefund: false, amount: dec("0") } }),
      ),
    );
    expect(none.shipping.lines.map((l) => show(l.taxLines[0]!.amount))).toEqual(["0.00", "0.00"]);
    expect(show(none.total)).toBe("1.00");
  });
  it("with taxesIncluded, shipping amounts include the tax", () => {
    const o = order({
      taxesIncluded: true,
      shippingLines: [shippingLine("s", "12.00", { taxLines: [tax("2.00", "VAT", "0.20")] })],
      invoices: [invoice("i", "12.00")],
    });
    // 6.00 of 12.00 (tax included): tax round(200·600/1200) = 100 → 1.00; total 6.00 (tax contained).
    const memo = memoOf(
      calculate(o, request({ shipping: { fullRefund: false, amount: dec("6.00") } })),
    );
    expect([
      show(memo.shipping.amount),
      show(memo.shipping.tax),
      show(memo.tax),
      show(memo.total),
    ]).toEqual(["6.00", "1.00", "1.00", "6.00"]);
  });
});

describe("§3.3 duties", () => {
  const o = order({
    lineItems: [
      line("a", 2, "10.00", { duties: [duty("d1", "1.50", [tax("0.15", "Duty VAT")])] }),
      line("b", 1, "5.00", { duties: [duty("d2", "0.70")] }),
    ],
    invoices: [invoice("i", "30.00")],
  });
  it("prorates the duties of refunded lines, with their taxes, when refundDuties is set", () => {
    // a, 1 of 2: duty 1.50/2 = 0.75; duty tax 0.15/2 = 0.075 → 0.08. Line total 10.00 + 0.75 + 0.08 = 10.83.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("a")], refundDuties: true })));
    const l = memo.lineItems[0]!;
    expect(l.duties.map((d) => [d.dutyId, show(d.amount), show(d.taxLines[0]!.amount)])).toEqual([
      ["d1", "0.75", "0.08"],
    ]);
    expect(show(l.total)).toBe("10.83");
    expect([show(memo.duties), show(memo.tax), show(memo.total)]).toEqual([
      "0.75",
      "0.08",
      "10.83",
    ]);
    // the duty of b (not requested) is not refunded.
    expect(memo.lineItems).toHaveLength(1);
  });
  it("refunds no duties without refundDuties, listing each with zero", () => {
    const memo = memoOf(calculate(o, request({ lineItems: [unit("a")] })));
    expect(memo.lineItems[0]!.duties.map((d) => show(d.amount))).toEqual(["0.00"]);
    expect(show(memo.total)).toBe("10.00");
  });
  it("reads duty history by dutyId, also when a memo lists no duties", () => {
    const [first] = applyAll(o, [request({ lineItems: [unit("a")], refundDuties: true })]);
    const withoutDuties = {
      ...first!,
      lineItems: first!.lineItems.map((l) => ({ ...l, duties: [] })),
    };
    // the first memo as recorded: duty 0.75 taken, so the second unit gets the rest 0.75 and tax 0.07.
    const second = memoOf(
      calculate(
        { ...o, refunds: [first!] },
        request({ lineItems: [unit("a")], refundDuties: true }),
      ),
    );
    expect([show(second.duties), show(second.tax)]).toEqual(["0.75", "0.07"]);
    // a memo with an empty duties list refunded none: the second unit then takes the whole rest 1.50 and 0.15.
    const afterEmpty = memoOf(
      calculate(
        { ...o, refunds: [withoutDuties] },
        request({ lineItems: [unit("a")], refundDuties: true }),
      ),
    );
    expect([show(afterEmpty.duties), show(afterEmpty.tax)]).toEqual(["1.50", "0.15"]);
  });
});

describe("§3.4 adjustments and amount-only refunds", () => {
  const o = order({ lineItems: [line("a", 2, "10.00")], invoices: [invoice("i", "20.00")] });
  it("adjustmentPositive adds, adjustmentNegative withholds", () => {
    // 10.00 + 2.00 − 1.50 = 10.50.
    const memo = memoOf(
      calculate(
        o,
        request({
          lineItems: [unit("a")],
          adjustmentPositive: dec("2.00"),
          adjustmentNegative: dec("1.50"),
        }),
      ),
    );
    expect([
      show(memo.adjustmentPositive),
      show(memo.adjustmentNegative),
      show(memo.total),
    ]).toEqual(["2.00", "1.50", "10.50"]);
  });
  it("an amount-only refund has no lines and adjustmentPositive = amount + adjustment", () => {
    const memo = memoOf(
      calculate(o, request({ amount: dec("3.00"), adjustmentPositive: dec("1.00") })),
    );
    expect(memo.lineItems).toEqual([]);
    expect([show(memo.adjustmentPositive), show(memo.total)]).toEqual(["4.00", "4.00"]);
  });
  it("with something to refund, amount is a check of the total", () => {
    expect(
      show(memoOf(calculate(o, request({ lineItems: [unit("a")], amount: dec("10") }))).total),
    ).toBe("10.00");
    expect(
      errorsOf(calculate(o, request({ lineItems: [unit("a")], amount: dec("9.99") }))),
    ).toMatchObject([
      { code: "AMOUNT_MISMATCH", expected: "10.00", actual: "9.99", path: "amount" },
    ]);
  });
});

describe("§3.5 totals", () => {
  it("tax-excluded: subtotal + tax + shipping + shipping tax + duties + adjustments", () => {
    const o = order({
      lineItems: [
        line("a", 1, "10.00", {
          discountAllocations: [discount("1.00")],
          taxLines: [tax("0.90")],
          duties: [duty("d", "0.50", [tax("0.05")])],
        }),
      ],
      shippingLines: [shippingLine("s", "4.00", { taxLines: [tax("0.40")] })],
      invoices: [invoice("i", "14.85")],
    });
    // 9.00 + 0.90 + 4.00 + 0.40 + 0.50 + 0.05 + 0.25 − 0.10 = 14.90 → over the 14.85 collected? 14.85 + 0.15 adj −… keep within:
    // without adjustments: 9.00 + 0.90 + 4.00 + 0.40 + 0.50 + 0.05 = 14.85.
    const memo = memoOf(
      calculate(
        o,
        request({ lineItems: [unit("a")], refundDuties: true, shipping: { fullRefund: true } }),
      ),
    );
    expect([
      show(memo.subtotal),
      show(memo.discount),
      show(memo.tax),
      show(memo.duties),
      show(memo.total),
    ]).toEqual(["9.00", "1.00", "1.35", "0.50", "14.85"]);
    // memo line total: subtotal 9.00 + tax 0.90 + duty 0.50 + duty tax 0.05 = 10.45.
    expect(show(memo.lineItems[0]!.total)).toBe("10.45");
  });
  it("tax-included: tax is contained in subtotal and shipping", () => {
    const o = order({
      taxesIncluded: true,
      lineItems: [line("v", 2, "12.00", { taxLines: [tax("4.00", "VAT", "0.20")] })],
      shippingLines: [shippingLine("s", "6.00", { taxLines: [tax("1.00", "VAT", "0.20")] })],
      invoices: [invoice("i", "30.00")],
    });
    // 1 of 2: subtotal 12.00 (VAT 2.00 inside), total 12.00.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("v")] })));
    expect([
      show(memo.subtotal),
      show(memo.tax),
      show(memo.total),
      show(memo.lineItems[0]!.total),
    ]).toEqual(["12.00", "2.00", "12.00", "12.00"]);
    // everything: 24.00 + 6.00 = 30.00 with VAT 4.00 + 1.00 = 5.00 inside.
    const all = memoOf(calculate(o, request({ full: true })));
    expect([show(all.tax), show(all.total)]).toEqual(["5.00", "30.00"]);
  });
  it("tax-included: duties and their taxes are added, never contained in the price", () => {
    const o = order({
      taxesIncluded: true,
      lineItems: [
        line("v", 2, "12.00", {
          taxLines: [tax("4.00", "VAT", "0.20")],
          duties: [duty("d", "1.00", [tax("0.10", "Duty VAT")])],
        }),
      ],
      invoices: [invoice("i", "25.10")],
    });
    // 1 of 2 with duties: subtotal 12.00 (VAT 4.00/2 = 2.00 inside), duty 1.00/2 = 0.50,
    // duty tax 0.10/2 = 0.05. Line total 12.00 + 0.50 + 0.05 = 12.55 (the VAT is not added);
    // memo total the same; memo tax 2.00 + 0.05 = 2.05, duties 0.50.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("v")], refundDuties: true })));
    expect([
      show(memo.subtotal),
      show(memo.tax),
      show(memo.duties),
      show(memo.total),
      show(memo.lineItems[0]!.total),
    ]).toEqual(["12.00", "2.05", "0.50", "12.55", "12.55"]);
  });
  it("a memo with line items and a zero total is allowed (free items, restock only)", () => {
    const o = order({ lineItems: [line("f", 1, "0.00")], invoices: [invoice("i", "5.00")] });
    const memo = memoOf(
      calculate(o, request({ lineItems: [{ lineItemId: "f", quantity: 1, restock: "return" }] })),
    );
    expect([show(memo.total), memo.transactions.length]).toEqual(["0.00", 0]);
  });
});

describe("§3.6 full refund", () => {
  it("refunds everything left and fits the total to the money left (negative adjustment)", () => {
    const o = order({
      lineItems: [line("a", 1, "100.00")],
      shippingLines: [shippingLine("s", "5.00")],
      invoices: [invoice("cap", "60.00")],
    });
    // computed 100.00 + 5.00 = 105.00, only 60.00 collected: adjustmentNegative 45.00, total 60.00.
    const memo = memoOf(calculate(o, request({ full: true })));
    expect([
      show(memo.adjustmentNegative),
      show(memo.adjustmentPositive),
      show(memo.total),
    ]).toEqual(["45.00", "0.00", "60.00"]);
  });
  it("adds money left over to adjustmentPositive, and leaves exactly zero", () => {
    const o = order({ lineItems: [line("a", 2, "10.00")], invoices: [invoice("i", "23.00")] });
    const [partial, full] = applyAll(o, [
      request({ lineItems: [unit("a")] }),
      request({ full: true }),
    ]);
    // 10.00, then 10.00 more with 3.00 left over: adjustmentPositive 3.00, total 13.00.
    expect(show(partial!.total)).toBe("10.00");
    expect([show(full!.adjustmentPositive), show(full!.total)]).toEqual(["3.00", "13.00"]);
    expect(refundStatus({ ...o, refunds: [partial!, full!] })).toBe("refunded");
  });
  it("is invalid together with lineItems, shipping or amount", () => {
    const o = order({ lineItems: [line("a", 1, "1.00")], invoices: [invoice("i", "1.00")] });
    expect(errorsOf(calculate(o, request({ full: true, amount: dec("1.00") })))).toMatchObject([
      { code: "INVALID_INPUT", path: "full" },
    ]);
    expect(errorsOf(calculate(o, request({ full: true, lineItems: [unit("a")] })))).toMatchObject([
      { code: "INVALID_INPUT", path: "full" },
    ]);
  });
  it("with nothing left is EMPTY_REFUND", () => {
    const o = order({ lineItems: [line("a", 1, "1.00")], invoices: [invoice("i", "1.00")] });
    const [done] = applyAll(o, [request({ full: true })]);
    expect(errorsOf(calculate({ ...o, refunds: [done!] }, request({ full: true })))).toMatchObject([
      { code: "EMPTY_REFUND" },
    ]);
  });
});

describe("§3.7 money out", () => {
  const o = order({
    lineItems: [line("a", 4, "10.00")],
    invoices: [invoice("cash", "15.00", false, "cash"), invoice("card", "25.00", true, "stripe")],
  });
  it("suggests transactions over the invoices in order, each up to its money left", () => {
    // 30.00: 15.00 from cash (offline), 15.00 from card.
    const memo = memoOf(calculate(o, request({ lineItems: [unit("a", 3)] })));
    expect(
      memo.transactions.map((t) => [
        t.invoiceId,
        t.online,
        show(t.amount),
        show(t.maximumRefundable),
      ]),
    ).toEqual([
      ["cash", false, "15.00", "15.00"],
      ["card", true, "15.00", "25.00"],
    ]);
  });
  it("reads the money left per invoice from the history", () => {
    const [first, second] = applyAll(o, [
      request({ lineItems: [unit("a", 2)] }),
      request({ lineItems: [unit("a")] }),
    ]);
    // first 20.00: cash 15.00 + card 5.00; second 10.00: card only, of 20.00 left.
    expect(first!.transactions.map((t) => show(t.amount))).toEqual(["15.00", "5.00"]);
    expect(
      second!.transactions.map((t) => [t.invoiceId, show(t.amount), show(t.maximumRefundable)]),
    ).toEqual([["card", "10.00", "20.00"]]);
    expect(show(second!.maximumRefundable)).toBe("20.00");
  });
  it("invoiceId pays online through that invoice; an offline one is OFFLINE_INVOICE", () => {
    const memo = memoOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "card" })));
    expect(memo.transactions.map((t) => [t.invoiceId, t.online, show(t.amount)])).toEqual([
      ["card", true, "10.00"],
    ]);
    expect(
      errorsOf(calculate(o, request({ lineItems: [unit("a")], invoiceId: "cash" }))),
    ).toMatchObject([{ code: "OFFLINE_INVOICE", invoiceId: "cash" }]);
    expect(
      errorsOf(calculate(o, request({ lineItems: [unit("a", 3)], invoiceId: "card" }))),
    ).toMatchObject([
      {
        code: "OVER_REFUND",
        subject: "invoice",
        invoiceId: "card",
        requested: "30.00",
        maximum: "25.00",
      },
    ]);
  });
  it("explicit transactions must name invoices, stay within them and add up to the total", () => {
    const split = request({
      lineItems: [unit("a", 2)],
      transactions: [
        { invoiceId: "cash", amount: dec("5.00") },
        { invoiceId: "card", amount: dec("15.00") },
      ],
    });
    expect(
      memoOf(calculate(o, split)).transactions.map((t) => [t.invoiceId, show(t.amount)]),
    ).toEqual([
      ["cash", "5.00"],
      ["card", "15.00"],
    ]);
    expect(
      errorsOf(
        calculate(
          o,
          request({
            lineItems: [unit("a", 2)],
            transactions: [{ invoiceId: "card", amount: dec("19.99") }],
          }),
        ),
      ),
    ).toMatchObject([{ code: "TRANSACTION_MISMATCH", transactionsTotal: "19.99", total: "20.00" }]);
    expect(
      errorsOf(
        calculate(
          o,
          request({
            lineItems: [unit("a", 2)],
            transactions: [{ invoiceId: "cash", amount: dec("20.00") }],
          }),
        ),
      ),
    ).toMatchObject([
      {
        code: "OVER_REFUND",
        subject: "invoice",
        invoiceId: "cash",
        maximum: "15.00",
        path: "transactions[0].amount",
      },
    ]);
    expect(
      errorsOf(
        calculate(
          o,
          request({
            lineItems: [unit("a", 2)],
            transactions: [{ invoiceId: "nope", amount: dec("20.00") }],
          }),
        ),
      ),
    ).toMatchObject([
      { code: "UNKNOWN_INVOICE", invoiceId: "nope", path: "transactions[0].invoiceId" },
    ]);
  });
  it("a zero total has no transactions; no collected money is NOT_PAID", () => {
    const unpaid = order({ lineItems: [line("a", 1, "10.00")] });
    expect(errorsOf(calculate(unpaid, request({ lineItems: [unit("a")] })))).toMatchObject([
      { code: "NOT_PAID" },
    ]);
    expect(refundStatus(unpaid)).toBe("unpaid");
  });
});

describe("§3.8 free amounts and currency", () => {
  const multi = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("10.00", "9.12"))],
    shippingLines: [shippingLine("s", bag("10.00", "9.12"))],
    invoices: [invoice("i", bag("20.00", "18.24"))],
  });
  it("a free amount on a multi-currency order needs the presentment currency", () => {
    const ask = { shipping: { fullRefund: false, amount: dec("4.56") } };
    expect(errorsOf(calculate(multi, request(ask)))).toMatchObject([
      { code: "MISSING_CURRENCY", field: "shipping.amount" },
    ]);
    expect(errorsOf(calculate(multi, request({ ...ask, currency: "USD" })))).toMatchObject([
      { code: "CURRENCY_MISMATCH", expected: "EUR", actual: "USD" },
    ]);
  });
  it("converts shipping with the shipping pool: 4.56 EUR of 9.12 EUR / 10.00 USD is 5.00 USD", () => {
    // round(456 · 1000 / 912) = 500.
    const memo = memoOf(
      calculate(
        multi,
        request({ currency: "EUR", shipping: { fullRefund: false, amount: dec("4.56") } }),
      ),
    );
    expect(show(memo.shipping.amount, "USD", "EUR")).toBe("5.00/4.56");
    // the whole pool takes the whole shop pool.
    const all = memoOf(
      calculate(
        multi,
        request({ currency: "EUR", shipping: { fullRefund: false, amount: dec("9.12") } }),
      ),
    );
    expect(show(all.shipping.amount, "USD", "EUR")).toBe("10.00/9.12");
  });
  it("converts adjustments and amounts with the order's money left", () => {
    // 1.00 EUR of 18.24 EUR / 20.00 USD: round(100 · 2000 / 1824) = round(109.6) = 110 → 1.10 USD.
    const memo = memoOf(calculate(multi, request({ currency: "EUR", amount: dec("1.00") })));
    expect(show(memo.adjustmentPositive, "USD", "EUR")).toBe("1.10/1.00");
    expect(show(memo.total, "USD", "EUR")).toBe("1.10/1.00");
    const all = memoOf(calculate(multi, request({ currency: "EUR", amount: dec("18.24") })));
    expect(show(all.total, "USD", "EUR")).toBe("20.00/18.24");
  });
  it("converts each explicit transaction at its own invoice's rate (v2)", () => {
    const two = {
      ...multi,
      invoices: [invoice("x", bag("10.00", "9.12")), invoice("y", bag("10.00", "9.12"))],
    };
    // total 10.00 USD / 9.12 EUR; each invoice 10.00 USD / 9.12 EUR left (v1 split the memo's
    // shop total instead, which gave the same numbers here). 3.04 EUR of x: round(304 · 1000 / 912)
    // = round(333.33) = 3.33 USD; 6.08 EUR of y: round(608 · 1000 / 912) = round(666.67) = 6.67 USD.
    const memo = memoOf(
      calculate(
        two,
        request({
          currency: "EUR",
          lineItems: [unit("a")],
          transactions: [
            { invoiceId: "x", amount: dec("3.04") },
            { invoiceId: "y", amount: dec("6.08") },
          ],
        }),
      ),
    );
    expect(memo.transactions.map((t) => show(t.amount, "USD", "EUR"))).toEqual([
      "3.33/3.04",
      "6.67/6.08",
    ]);
  });
  it("splits the shop side of shipping.amount over the lines by their shop remainders", () => {
    // s1 6.00 USD / 5.00 EUR, s2 4.00 USD / 5.00 EUR; pools 10.00 USD / 10.00 EUR.
    // 3.00 EUR: presentment by presentment remainders 500:500 → 1.50 + 1.50;
    // shop round(300 · 1000 / 1000) = 3.00 USD, by shop remainders 600:400 → 1.80 + 1.20
    // (not 1.50 + 1.50, which the presentment proportions would give).
    const two = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("10.00", "9.12"))],
      shippingLines: [
        shippingLine("s1", bag("6.00", "5.00")),
        shippingLine("s2", bag("4.00", "5.00")),
      ],
      invoices: [invoice("i", bag("20.00", "19.12"))],
    });
    const memo = memoOf(
      calculate(
        two,
        request({ currency: "EUR", shipping: { fullRefund: false, amount: dec("3.00") } }),
      ),
    );
    expect(memo.shipping.lines.map((l) => show(l.amount, "USD", "EUR"))).toEqual([
      "1.80/1.50",
      "1.20/1.50",
    ]);
    expect(show(memo.shipping.amount, "USD", "EUR")).toBe("3.00/3.00");
  });
  it("a transaction taking all of an invoice's presentment money takes all of its shop money (v2)", () => {
    // total 0.03 USD / 0.02 EUR; 0.01 EUR of x (0.02 USD / 0.01 EUR left) is all of it → 0.02 USD;
    // 0.01 EUR of y (0.01 / 0.01) → 0.01 USD. (v1 split 0.03 USD 1:1, ties to the earlier: the same.)
    const tied = order({
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [line("a", 1, bag("0.03", "0.02"))],
      invoices: [invoice("x", bag("0.02", "0.01")), invoice("y", bag("0.01", "0.01"))],
    });
    const memo = memoOf(
      calculate(
        tied,
        request({
          currency: "EUR",
          lineItems: [unit("a")],
          transactions: [
            { invoiceId: "x", amount: dec("0.01") },
            { invoiceId: "y", amount: dec("0.01") },
          ],
        }),
      ),
    );
    expect(memo.transactions.map((t) => show(t.amount, "USD", "EUR"))).toEqual([
      "0.02/0.01",
      "0.01/0.01",
    ]);
  });
  it("on a single-currency order currency is optional and must match when given", () => {
    const o = order({ lineItems: [line("a", 1, "1.00")], invoices: [invoice("i", "1.00")] });
    expect(memoOf(calculate(o, request({ amount: dec("1.00") }))).total.shop).toBe(100n);
    expect(errorsOf(calculate(o, request({ amount: dec("1.00"), currency: "EUR" })))).toMatchObject(
      [{ code: "CURRENCY_MISMATCH", expected: "USD", actual: "EUR" }],
    );
  });
  it("rejects free amounts with more fraction digits than the currency", () => {
    const o = order({ lineItems: [line("a", 1, "1.00")], invoices: [invoice("i", "1.00")] });
    expect(errorsOf(calculate(o, request({ amount: dec("0.999") })))).toMatchObject([
      { code: "INVALID_INPUT", path: "amount" },
    ]);
  });
});

describe("§7 refundStatus", () => {
  // 10.00 collected: nothing refunded is "paid"; a free line returned refunds 0.00 and keeps
  // it "paid"; 4.00 of 10.00 is "partially_refunded"; the other 6.00 makes it "refunded".
  const paid = order({
    lineItems: [line("a", 1, "4.00"), line("b", 1, "6.00"), line("free", 1, "0.00")],
    invoices: [invoice("i", "10.00")],
  });
  it("paid, partially refunded, refunded, by the money returned", () => {
    const [free, a, b] = applyAll(paid, [
      request({ lineItems: [unit("free")] }),
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("b")] }),
    ]);
    expect([free, a, b].map((m) => m && show(m.total))).toEqual(["0.00", "4.00", "6.00"]);
    expect(refundStatus(paid)).toBe("paid");
    expect(refundStatus({ ...paid, refunds: [free!] })).toBe("paid");
    expect(refundStatus({ ...paid, refunds: [free!, a!] })).toBe("partially_refunded");
    expect(refundStatus({ ...paid, refunds: [free!, a!, b!] })).toBe("refunded");
  });
});

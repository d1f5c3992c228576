/**
 * §3.9 line amounts and the memo fields of §6, with numbers worked by hand
 * in the comments. `V` is a line's value, `f` its progress before the
 * refund, `f'` after it.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import type { CreditMemoLine } from "../../src/domain/creditMemo.js";
import type { RefundLineRequest } from "../../src/domain/refundRequest.js";
import { decodeOrder, encodeCreditMemo, encodeOrder } from "../../src/index.js";
import { type LineHistory, NO_LINE_HISTORY } from "../../src/order/refundHistory.js";
import { afterAmount, afterUnits, progressOf } from "../../src/refund/progress.js";
import { applied, applyAll, orderAfterAll, unit } from "../support/apply.js";
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
  show,
  tax,
  usd,
} from "../support/builders.js";

/** A requested line refunded by `amount`, with `quantity` units when given. */
function byAmount(lineItemId: string, amount: string, quantity?: number): RefundLineRequest {
  return {
    lineItemId,
    amount: dec(amount),
    restock: "no_restock",
    ...(quantity === undefined ? {} : { quantity }),
  };
}

const amountRequest = (lineItemId: string, amount: string, quantity?: number) =>
  request({ lineItems: [byAmount(lineItemId, amount, quantity)] });

describe("§3.9 the progress arithmetic", () => {
  it("afterUnits: f + q/n over the line's denominator, capped at 1", () => {
    // n = 3, V = 6.40: d = 1920. f = 1/3 = 640/1920; one more unit: 1280/1920.
    expect(afterUnits({ numerator: 640n, denominator: 1920n }, 1, 3)).toEqual({
      numerator: 1280n,
      denominator: 1920n,
    });
    // 1280/1920 + 2/3 = 2560/1920 → capped at 1920/1920.
    expect(afterUnits({ numerator: 1280n, denominator: 1920n }, 2, 3)).toEqual({
      numerator: 1920n,
      denominator: 1920n,
    });
  });
  it("afterAmount: f + a/V; the whole at the value left; 1 − (left − a)/V in the corner", () => {
    // n = 1, V = 12.30: d = 1230. 5.00 of 12.30 left: f' = 500/1230.
    expect(afterAmount({ numerator: 0n, denominator: 1230n }, 500n, 1230n, 1230n)).toEqual({
      numerator: 500n,
      denominator: 1230n,
    });
    // 7.30 of 7.30 left: the whole.
    expect(afterAmount({ numerator: 500n, denominator: 1230n }, 730n, 1230n, 730n)).toEqual({
      numerator: 1n,
      denominator: 1n,
    });
    // n = 3, V = 12.40, d = 3720, f = 1/3 = 1240/3720, 8.28 left, a = 8.27:
    // f + a/V = (1240 + 827·3)/3720 = 3721/3720 ≥ 1 while 8.27 < 8.28, so
    // f' = 1 − (828 − 827)/1240 = (3720 − 1·3)/3720 = 3717/3720.
    expect(afterAmount({ numerator: 1240n, denominator: 3720n }, 827n, 1240n, 828n)).toEqual({
      numerator: 3717n,
      denominator: 3720n,
    });
  });
});

describe("§3.9 progress read from the history", () => {
  const history = (parts: Partial<LineHistory>): LineHistory => ({ ...NO_LINE_HISTORY, ...parts });
  const bag1 = (minor: bigint) => ({ shop: minor, presentment: minor });

  it("Σ units without an amount over n, plus Σ amounts over V, over the denominator n·V", () => {
    // n = 4, V = 10.00: 1 unit by units (units with an amount do not count) and 2.50 by amount:
    // f = 1/4 + 250/1000 = (1·1000 + 250·4)/4000 = 2000/4000.
    const h = history({
      refundedQuantity: 3,
      quantityWithAmount: 2,
      amountLines: 1,
      amountRefunded: bag1(250n),
    });
    expect(progressOf(line("a", 4, "2.50"), h, 1000n)).toEqual({
      numerator: 2000n,
      denominator: 4000n,
    });
  });
  it("is capped at 1", () => {
    // 3 of 4 units and 5.00 of 10.00: 3/4 + 1/2 > 1.
    const h = history({ refundedQuantity: 3, amountLines: 1, amountRefunded: bag1(500n) });
    expect(progressOf(line("a", 4, "2.50"), h, 1000n)).toEqual({
      numerator: 4000n,
      denominator: 4000n,
    });
  });
  it("on a line of value 0: units over n, or the whole once an amount was refunded", () => {
    expect(progressOf(line("a", 4, "0.00"), history({ refundedQuantity: 1 }), 0n)).toEqual({
      numerator: 1n,
      denominator: 4n,
    });
    const h = history({ amountLines: 1, amountRefunded: bag1(1n) });
    expect(progressOf(line("a", 4, "0.00"), h, 0n)).toEqual({ numerator: 1n, denominator: 1n });
  });
  it("afterAmount: the whole on a line of value 0; never below 0 in the corner", () => {
    expect(afterAmount({ numerator: 0n, denominator: 4n }, 1n, 0n, 5n)).toEqual({
      numerator: 1n,
      denominator: 1n,
    });
    // f = 9/10 (n = 1, V = 10), a = 2 with 13 left (a history that refunded a negative value):
    // 9/10 + 2/10 ≥ 1, f' = 1 − (13 − 2)/10 < 0 → 0.
    expect(afterAmount({ numerator: 9n, denominator: 10n }, 2n, 10n, 13n)).toEqual({
      numerator: 0n,
      denominator: 10n,
    });
  });
});

describe("§3.9 line amounts: the issue's hand-worked cases", () => {
  it("a 12.30 unit (10.00 + 23% tax) refunded 5.00, then the rest 7.30", () => {
    const o = order({
      lineItems: [line("a", 1, "10.00", { taxLines: [tax("2.30", "VAT", "0.23")] })],
      invoices: [invoice("i", "12.30")],
    });
    const [first, rest] = applyAll(o, [amountRequest("a", "5.00"), amountRequest("a", "7.30")]);
    // V = 10.00 + 2.30 = 12.30; f' = 5.00/12.30; tax = round(2.30 × 500/1230) =
    // round(0.93496) = 0.93; subtotal = 5.00 − 0.93 = 4.07 = gross (no discount).
    const l1 = first!.lineItems[0]!;
    expect([
      l1.quantity,
      show(l1.amount!),
      show(l1.tax),
      show(l1.subtotal),
      show(l1.gross),
    ]).toEqual([0, "5.00", "0.93", "4.07", "4.07"]);
    expect(show(l1.price)).toBe("10.00");
    expect(show(first!.total)).toBe("5.00");
    // The value left is 12.30 − (4.07 + 0.93) = 7.30: f' = 1, the rests:
    // tax 2.30 − 0.93 = 1.37, subtotal 7.30 − 1.37 = 5.93.
    const l2 = rest!.lineItems[0]!;
    expect([show(l2.tax), show(l2.subtotal), show(l2.gross), show(rest!.total)]).toEqual([
      "1.37",
      "5.93",
      "5.93",
      "7.30",
    ]);
    // Together: gross 4.07 + 5.93 = 10.00, tax 0.93 + 1.37 = 2.30 — the whole line.
  });

  it("5.50 of a 10.00 + 10% line splits into 5.00 net and 0.50 tax", () => {
    const o = order({
      lineItems: [line("a", 1, "10.00", { taxLines: [tax("1.00", "Tax", "0.10")] })],
      invoices: [invoice("i", "11.00")],
    });
    // V = 11.00, f' = 5.50/11.00 = 1/2: tax round(1.00/2) = 0.50, subtotal 5.50 − 0.50.
    const memo = memoOf(calculate(o, amountRequest("a", "5.50")));
    const l = memo.lineItems[0]!;
    expect([show(l.subtotal), show(l.tax), show(l.total), show(memo.total)]).toEqual([
      "5.00",
      "0.50",
      "5.50",
      "5.50",
    ]);
  });

  const twoUnits = order({
    lineItems: [line("a", 2, "10.00", { taxLines: [tax("1.20", "Tax", "0.06")] })],
    invoices: [invoice("i", "21.20")],
  });

  it("two units refunded 10.50 and 3.50 at 6% tax, then full finishes the line", () => {
    const [first, second, full] = applyAll(twoUnits, [
      amountRequest("a", "10.50", 1),
      amountRequest("a", "3.50", 1),
      request({ full: true }),
    ]);
    // V = 20.00 + 1.20 = 21.20. First: f' = 10.50/21.20;
    // tax = round(1.20 × 1050/2120) = round(0.5943) = 0.59; subtotal 10.50 − 0.59 = 9.91.
    const l1 = first!.lineItems[0]!;
    expect([l1.quantity, show(l1.tax), show(l1.subtotal), show(l1.total)]).toEqual([
      1,
      "0.59",
      "9.91",
      "10.50",
    ]);
    // Second: f' = (10.50 + 3.50)/21.20 = 1400/2120; tax = round(1.20 × 1400/2120) − 0.59
    // = round(0.79245) − 0.59 = 0.79 − 0.59 = 0.20; subtotal 3.50 − 0.20 = 3.30.
    const l2 = second!.lineItems[0]!;
    expect([l2.quantity, show(l2.tax), show(l2.subtotal), show(l2.total)]).toEqual([
      1,
      "0.20",
      "3.30",
      "3.50",
    ]);
    // Full: no unit left, 21.20 − 14.00 = 7.20 of value left; f' = 1:
    // tax 1.20 − 0.79 = 0.41; gross = G − Σgross = 20.00 − (9.91 + 3.30) = 6.79.
    const l3 = full!.lineItems[0]!;
    expect([l3.quantity, l3.amount, show(l3.tax), show(l3.gross), show(l3.total)]).toEqual([
      0,
      null,
      "0.41",
      "6.79",
      "7.20",
    ]);
    expect(show(full!.total)).toBe("7.20");
  });

  it("an amount over what the line has left is OVER_REFUND with subject line", () => {
    const after = orderAfterAll(twoUnits, [
      amountRequest("a", "10.50", 1),
      amountRequest("a", "3.50", 1),
    ]);
    // 21.20 − 10.50 − 3.50 = 7.20 left; 7.21 is a cent too much.
    const [error] = errorsOf(calculate(after, amountRequest("a", "7.21")));
    expect(error).toMatchObject({
      code: "OVER_REFUND",
      subject: "line",
      lineItemId: "a",
      path: "lineItems[0].amount",
      currency: "USD",
      requested: "7.21",
      maximum: "7.20",
    });
    // 7.20 exactly is the whole value left: f' = 1, tax 1.20 − 0.79 = 0.41.
    expect(show(memoOf(calculate(after, amountRequest("a", "7.20"))).tax)).toBe("0.41");
  });
});

describe("§3.9 progress, units and the rounding corner", () => {
  it("a unit refund after an amount returns at most what the line has left", () => {
    const o = order({
      lineItems: [line("a", 2, "10.00", { taxLines: [tax("2.00")] })],
      invoices: [invoice("i", "22.00")],
    });
    const [first, unit1, unit2] = applyAll(o, [
      amountRequest("a", "18.00"),
      request({ lineItems: [unit("a")] }),
      request({ lineItems: [unit("a")] }),
    ]);
    // V = 22.00; 18.00: f' = 18/22; tax round(2.00 × 18/22) = round(1.636) = 1.64,
    // subtotal = gross = 16.36.
    expect(show(first!.lineItems[0]!.gross)).toBe("16.36");
    // One unit: f' = min(1, 18/22 + 1/2) = 1: tax 2.00 − 1.64 = 0.36,
    // gross 20.00 − 16.36 = 3.64; total 4.00 = 22.00 − 18.00, the value left.
    expect([show(unit1!.tax), show(unit1!.lineItems[0]!.gross), show(unit1!.total)]).toEqual([
      "0.36",
      "3.64",
      "4.00",
    ]);
    // The last unit: nothing of the line's money is left; it is returned for 0.00.
    expect([unit2!.lineItems[0]!.quantity, show(unit2!.total)]).toEqual([1, "0.00"]);
  });

  it("the rounding corner keeps the rests for the refund that finishes the line", () => {
    // 3 × 1.00 with an excise of 9.00 and four taxes of 0.10: V = 3.00 + 9.40 = 12.40.
    const o = order({
      lineItems: [
        line("a", 3, "1.00", {
          taxLines: [tax("9.00", "Excise"), tax("0.10"), tax("0.10"), tax("0.10"), tax("0.10")],
        }),
      ],
      invoices: [invoice("i", "12.40")],
    });
    const [unitMemo, corner, last] = applyAll(o, [
      request({ lineItems: [unit("a")] }),
      amountRequest("a", "8.27"),
      amountRequest("a", "0.01"),
    ]);
    // One unit (§3.1): excise 3.00, each 0.10 → round(0.0333) = 0.03; value 1.00 + 3.12 = 4.12.
    expect(show(unitMemo!.total)).toBe("4.12");
    // Value left 12.40 − 4.12 = 8.28. f + a/V = 1/3 + 8.27/12.40 ≥ 1 but 8.27 < 8.28:
    // f' = 1 − (8.28 − 8.27)/12.40 = 1239/1240. Excise round(9.00 × 1239/1240) − 3.00 =
    // round(8.9927) − 3.00 = 5.99; each 0.10: round(0.0999) − 0.03 = 0.07 (their rests).
    // tax = 5.99 + 4 × 0.07 = 6.27; subtotal = 8.27 − 6.27 = 2.00.
    const c = corner!.lineItems[0]!;
    expect([show(c.taxLines[0]!.amount), show(c.tax), show(c.subtotal)]).toEqual([
      "5.99",
      "6.27",
      "2.00",
    ]);
    // The last cent finishes the line: f' = 1, excise rest 9.00 − 8.99 = 0.01, subtotal 0.00.
    const l = last!.lineItems[0]!;
    expect([show(l.taxLines[0]!.amount), show(l.subtotal), show(l.gross)]).toEqual([
      "0.01",
      "0.00",
      "0.00",
    ]);
  });
});

describe("§3.9 with taxes included, discounts, duties, currencies and policies", () => {
  it("taxes included: the amount is the subtotal; the memo says taxesIncluded", () => {
    const o = order({
      taxesIncluded: true,
      lineItems: [line("a", 1, "12.30", { taxLines: [tax("2.30", "VAT", "0.23")] })],
      invoices: [invoice("i", "12.30")],
    });
    // V = 12.30 (tax inside); f' = 5.00/12.30: tax 0.93 (inside), subtotal = amount = 5.00.
    const memo = memoOf(calculate(o, amountRequest("a", "5.00")));
    const l = memo.lineItems[0]!;
    expect([show(l.subtotal), show(l.gross), show(l.tax), show(l.total)]).toEqual([
      "5.00",
      "5.00",
      "0.93",
      "5.00",
    ]);
    expect(memo.taxesIncluded).toBe(true);
    expect(encodeCreditMemo(memo)["taxesIncluded"]).toBe(true);
  });

  it("discounts follow the progress; gross = subtotal + discount", () => {
    const o = order({
      lineItems: [
        line("a", 1, "20.00", {
          discountAllocations: [discount("10.00")],
          taxLines: [tax("1.00")],
        }),
      ],
      invoices: [invoice("i", "11.00")],
    });
    // V = 20.00 − 10.00 + 1.00 = 11.00; f' = 1/2: discount 5.00, tax 0.50,
    // subtotal 5.50 − 0.50 = 5.00, gross 5.00 + 5.00 = 10.00.
    const l = memoOf(calculate(o, amountRequest("a", "5.50"))).lineItems[0]!;
    expect([show(l.discount), show(l.tax), show(l.subtotal), show(l.gross)]).toEqual([
      "5.00",
      "0.50",
      "5.00",
      "10.00",
    ]);
  });

  it("refundDuties prorates the duties by the progress, outside the amount", () => {
    const o = order({
      lineItems: [line("a", 1, "10.00", { duties: [duty("d", "3.00", [tax("0.30")])] })],
      invoices: [invoice("i", "13.30")],
    });
    // V = 10.00 (duties are not part of it); f' = 2.50/10.00 = 1/4:
    // duty round(0.75) = 0.75, its tax round(0.075) = 0.08; total 2.50 + 0.75 + 0.08.
    const memo = memoOf(
      calculate(o, request({ lineItems: [byAmount("a", "2.50")], refundDuties: true })),
    );
    expect([show(memo.duties), show(memo.tax), show(memo.total)]).toEqual(["0.75", "0.08", "3.33"]);
  });

  const euros = order({
    currency: "USD",
    presentmentCurrency: "EUR",
    lineItems: [line("a", 1, bag("10.00", "9.00"), { taxLines: [tax(bag("1.00", "0.90"))] })],
    invoices: [invoice("i", bag("11.00", "9.90"))],
  });

  it("multi-currency: progress on the presentment side, the shop side from the value left", () => {
    const req = request({ lineItems: [byAmount("a", "4.95")], currency: "EUR" });
    // V = 9.90 EUR: f' = 4.95/9.90 = 1/2. Shop side of 4.95 EUR over the value left
    // 11.00 USD / 9.90 EUR: round(4.95 × 11.00/9.90) = 5.50 USD.
    // tax: round(1.00/2) = 0.50 USD, round(0.90/2) = 0.45 EUR; subtotal 5.00 USD / 4.50 EUR.
    const l = memoOf(calculate(euros, req)).lineItems[0]!;
    expect(show(l.amount!, "USD", "EUR")).toBe("5.50/4.95");
    expect(show(l.tax, "USD", "EUR")).toBe("0.50/0.45");
    expect(show(l.subtotal, "USD", "EUR")).toBe("5.00/4.50");
  });

  it("multi-currency: a line amount needs the currency", () => {
    const [error] = errorsOf(calculate(euros, amountRequest("a", "4.95")));
    expect(error).toMatchObject({ code: "MISSING_CURRENCY", field: "lineItems.amount" });
  });

  it("every policy uses the progress rule on a line with amounts, with its rounding", () => {
    const o = order({
      lineItems: [line("a", 2, "5.00", { taxLines: [tax("0.25"), tax("0.25")] })],
      invoices: [invoice("i", "10.50")],
    });
    // V = 10.50, f' = 5.25/10.50 = 1/2: each tax 0.25/2 = 0.125 → 0.13 half away
    // from zero (default, magento, shopify), 0.12 half to even (bankers).
    const taxOf = (policy: "default" | "magento" | "shopify" | "bankers") =>
      show(memoOf(calculate(o, amountRequest("a", "5.25"), policy)).tax);
    expect([taxOf("default"), taxOf("magento"), taxOf("shopify"), taxOf("bankers")]).toEqual([
      "0.26",
      "0.26",
      "0.26",
      "0.24",
    ]);
  });
});

describe("§3.9 request checks", () => {
  const o = order({
    lineItems: [line("a", 2, "10.00", { fulfilledQuantity: 2 })],
    invoices: [invoice("i", "20.00")],
  });
  const codeAt = (lineRequest: RefundLineRequest) =>
    errorsOf(calculate(o, request({ lineItems: [lineRequest] }))).map((e) => [
      e.code,
      "path" in e ? e.path : undefined,
    ]);

  it("quantity 0 with an amount is INVALID_QUANTITY", () => {
    expect(codeAt(byAmount("a", "1.00", 0))).toEqual([
      ["INVALID_QUANTITY", "lineItems[0].quantity"],
    ]);
  });
  it("a line amount must be positive and have the currency's digits", () => {
    expect(codeAt(byAmount("a", "0.00"))).toEqual([["INVALID_INPUT", "lineItems[0].amount"]]);
    const negative = { ...byAmount("a", "1.00"), amount: { coefficient: -100n, scale: 2 } };
    expect(codeAt(negative)).toEqual([["INVALID_INPUT", "lineItems[0].amount"]]);
    expect(codeAt(byAmount("a", "1.001"))).toEqual([["INVALID_INPUT", "lineItems[0].amount"]]);
  });
  it("a line amount that is no exact decimal (a hand-built request) is INVALID_INPUT, never a throw", () => {
    // The API's argument check (issue 12) finds it first, at the argument's path.
    for (const amount of [
      5,
      "5",
      null,
      { coefficient: 5, scale: 0 },
      { coefficient: 5n, scale: "x" },
    ])
      expect(codeAt({ lineItemId: "a", restock: "no_restock", amount: amount as never })).toEqual([
        ["INVALID_INPUT", "request.lineItems[0].amount"],
      ]);
  });
  it("an amount alone returns no unit: restock must be no_restock", () => {
    expect(codeAt({ ...byAmount("a", "1.00"), restock: "return" })).toEqual([
      ["INVALID_INPUT", "lineItems[0].restock"],
    ]);
  });
  it("quantity with an amount: the units count and the restock bounds apply", () => {
    expect(codeAt(byAmount("a", "1.00", 3))).toEqual([["OVER_REFUND", "lineItems[0].quantity"]]);
    const memo = memoOf(
      calculate(o, request({ lineItems: [{ ...byAmount("a", "1.00", 2), restock: "return" }] })),
    );
    // 2 units returned, the money is 1.00.
    expect([memo.lineItems[0]!.quantity, memo.lineItems[0]!.restock, show(memo.total)]).toEqual([
      2,
      "return",
      "1.00",
    ]);
    expect(
      errorsOf(
        calculate(
          orderAfterAll(o, [request({ lineItems: [byAmount("a", "1.00", 2)] })]),
          request({ lineItems: [unit("a")] }),
        ),
      )[0],
    ).toMatchObject({ code: "OVER_REFUND", subject: "quantity", maximum: 0 });
  });
});

describe("§3.9 and §6: chains, codecs and audits", () => {
  const o = order({
    lineItems: [
      line("a", 2, "10.00", { taxLines: [tax("1.20")] }),
      line("b", 1, "5.00", { taxLines: [tax("0.30")] }),
    ],
    invoices: [invoice("i", "26.50")],
  });
  const steps = [
    amountRequest("a", "10.50", 1),
    request({ lineItems: [unit("b")] }),
    amountRequest("a", "3.50"),
    request({ full: true }),
  ];

  it("the carried history and the history read back from JSON give the same memos", () => {
    let carried = o;
    let reread = o;
    for (const step of steps) {
      const a = applied(carried, step);
      const json = decodeOrder(JSON.parse(JSON.stringify(encodeOrder(reread))));
      if (E.isLeft(json)) throw new Error(JSON.stringify(json.left));
      const b = applyRefund(json.right, step);
      if (E.isLeft(b)) throw new Error(JSON.stringify(b.left));
      expect(encodeCreditMemo(b.right.creditMemo)).toEqual(encodeCreditMemo(a.memo));
      carried = a.order;
      reread = b.right.order;
    }
  });

  it("the memo line's amount is written and read back; v1 lines read as null", () => {
    const after = orderAfterAll(o, steps.slice(0, 2));
    const json = encodeOrder(after) as unknown as {
      refunds: { lineItems: { amount: unknown }[] }[];
    };
    expect(json.refunds.map((m) => m.lineItems.map((l) => l.amount))).toEqual([["10.50"], [null]]);
    const decoded = decodeOrder(JSON.parse(JSON.stringify(json)));
    expect(E.isRight(decoded) && decoded.right.refunds).toEqual(after.refunds);
  });

  it("an audit replays a history with line amounts and a full refund to itself", () => {
    const report = audit(orderAfterAll(o, steps));
    expect(E.isRight(report) && report.right).toMatchObject({ discrepancies: [], rejected: [] });
  });

  it("an audit finds a line amount recorded with the wrong tax", () => {
    const after = orderAfterAll(o, steps.slice(0, 1));
    const [memo] = after.refunds;
    const l = memo!.lineItems[0]!;
    // 10.50 of V = 21.20: tax round(1.20 × 1050/2120) = 0.59; recorded 0.60 and subtotal 9.90.
    const forged = {
      ...after,
      refunds: [
        {
          ...memo!,
          lineItems: [
            {
              ...l,
              tax: { shop: 60n, presentment: 60n },
              subtotal: { shop: 990n, presentment: 990n },
            },
          ],
        },
      ],
    };
    const report = audit(forged);
    const paths = E.isRight(report) ? report.right.discrepancies.map((d) => d.path) : [];
    expect(paths).toContain("lineItems[0].tax");
    expect(paths).toContain("lineItems[0].subtotal");
  });
});

describe("§3.9 messages, and lines a full refund finishes", () => {
  const o = order({
    lineItems: [line("a", 1, "10.00")],
    invoices: [invoice("i", "10.00")],
  });

  it("each line-amount error says what is wrong in a sentence", () => {
    const messages = (lineRequest: RefundLineRequest) =>
      errorsOf(calculate(o, request({ lineItems: [lineRequest] }))).map((e) => e.message);
    expect(messages(byAmount("a", "1.001"))).toEqual([
      "The value at lineItems[0].amount has more fraction digits than USD has.",
    ]);
    expect(messages({ lineItemId: "a", restock: "no_restock", amount: 5 as never })).toEqual([
      "The value at request.lineItems[0].amount must be an exact decimal {coefficient: bigint, scale: number} (the request is not a refund request as refund-core makes it; decode it from JSON first).",
    ]);
    expect(messages(byAmount("a", "0"))).toEqual([
      "The value at lineItems[0].amount must be positive (money refunded against the line).",
    ]);
    expect(messages({ ...byAmount("a", "1.00"), restock: "cancel" })).toEqual([
      'The value at lineItems[0].restock must be "no_restock" when the line gives an amount without a quantity: no unit is returned.',
    ]);
    expect(messages(byAmount("a", "10.01"))).toEqual([
      'At most 10.00 USD can still be refunded on item "a", not 10.01 USD.',
    ]);
  });

  it("full finishes a line that only an amount touched: no unit left to refund, the gross is", () => {
    // 4.00 of a 10.00 line without tax: gross 4.00, then full: quantity 1 (the unit is still
    // there), f' = 1, gross 10.00 − 4.00 = 6.00.
    const [, full] = applyAll(o, [amountRequest("a", "4.00"), request({ full: true })]);
    const l = full!.lineItems[0]!;
    expect([l.quantity, show(l.gross), show(full!.total)]).toEqual([1, "6.00", "6.00"]);
  });

  it("full finishes a line whose units are gone but whose gross an amount left short", () => {
    // 1 unit returned for 4.00 of 10.00: no unit left, 6.00 of gross left — full takes it
    // with quantity 0, not as an adjustment.
    const [, full] = applyAll(o, [amountRequest("a", "4.00", 1), request({ full: true })]);
    expect(full!.lineItems.map((l) => [l.quantity, show(l.gross)])).toEqual([[0, "6.00"]]);
    expect(show(full!.adjustmentPositive)).toBe("0.00");
  });

  it("a history that refunded a line of value 0 by amount counts as finished", () => {
    // 2 × 1.00 with 2.00 of discount: V = 0. A memo written elsewhere refunded 0.01 of it by
    // amount with no unit; progress is then 1, so one unit gives the rests: the discount 2.00
    // and the gross 2.00 − 0.00 (subtotal 0.00).
    const zero = order({
      lineItems: [line("z", 2, "1.00", { discountAllocations: [discount("2.00")] })],
      invoices: [invoice("i", "1.00")],
    });
    const recorded = memoOf(calculate(zero, request({ amount: dec("0.01") })));
    const history = {
      ...zero,
      refunds: [
        {
          ...recorded,
          adjustmentPositive: { shop: 0n, presentment: 0n },
          lineItems: [
            {
              lineItemId: "z",
              quantity: 0,
              amount: { shop: 1n, presentment: 1n },
              price: { shop: 100n, presentment: 100n },
              gross: { shop: 0n, presentment: 0n },
              discount: { shop: 0n, presentment: 0n },
              subtotal: { shop: 0n, presentment: 0n },
              tax: { shop: 0n, presentment: 0n },
              discountAllocations: [{ amount: { shop: 0n, presentment: 0n } }],
              taxLines: [],
              duties: [],
              total: { shop: 0n, presentment: 0n },
              restock: "no_restock" as const,
              locationId: null,
            },
          ],
        },
      ],
    };
    const l = memoOf(calculate(history, request({ lineItems: [unit("z")] }))).lineItems[0]!;
    expect([show(l.discount), show(l.gross), show(l.subtotal)]).toEqual(["2.00", "2.00", "0.00"]);
  });

  it("a history line amount that is not positive is INCONSISTENT_ORDER at its path", () => {
    const after = orderAfterAll(o, [amountRequest("a", "4.00")]);
    const [memo] = after.refunds;
    const forged = {
      ...after,
      refunds: [
        {
          ...memo!,
          lineItems: [{ ...memo!.lineItems[0]!, amount: { shop: 0n, presentment: 0n } }],
        },
      ],
    };
    expect(errorsOf(calculate(forged, request({ full: true })))).toEqual([
      expect.objectContaining({
        code: "INCONSISTENT_ORDER",
        path: "refunds[0].lineItems[0].amount",
      }),
    ]);
  });
});

describe("§3.9 a line with no price: tax shares can pass the amount", () => {
  it("0.35 of a 0.00 line with taxes 1.76 and 0.48: subtotal and gross −0.01, read back from JSON", () => {
    // V = 0.00 + 1.76 + 0.48 = 2.24; f' = 0.35 / 2.24 = 0.15625.
    // Taxes: round(1.76 × 0.15625) = round(0.275) = 0.28; round(0.48 × 0.15625) = round(0.075) = 0.08.
    // The line is worth exactly 0.35: subtotal = 0.35 − 0.36 = −0.01, gross = subtotal + 0 = −0.01.
    const o = order({
      lineItems: [line("z", 1, "0.00", { taxLines: [tax("1.76"), tax("0.48")] })],
      invoices: [invoice("i", "2.24")],
    });
    const applied = applyRefund(o, amountRequest("z", "0.35"));
    if (E.isLeft(applied)) throw new Error(JSON.stringify(applied.left));
    const memo = encodeCreditMemo(applied.right.creditMemo);
    expect(memo.lineItems[0]?.tax).toBe("0.36");
    expect(memo.lineItems[0]?.subtotal).toBe("-0.01");
    expect(memo.lineItems[0]?.gross).toBe("-0.01");
    expect(memo.total).toBe("0.35");
    // The order with that memo in its history decodes again (§6: the history format).
    const again = decodeOrder(JSON.parse(JSON.stringify(encodeOrder(applied.right.order))));
    expect(E.isRight(again) && again.right.refunds).toEqual(applied.right.order.refunds);
  });
});

describe("§3.9 edges a mutation run asked for", () => {
  it("a gross pushed past G by an amount is given back by full (negative)", () => {
    // 3 × 0.00 with taxes 2.03 and 3.65: V = 5.68. One unit: round(2.03/3) = 0.68,
    // round(3.65/3) = 1.22, value 1.90. Left 3.78; 3.77: f' = 1/3 + 3.77/5.68 = 1699/1704:
    // taxes round(2.03 × 1699/1704) − 0.68 = 2.02 − 0.68 = 1.34 and round(3.65 × 1699/1704)
    // − 1.22 = 3.64 − 1.22 = 2.42; tax 3.76, subtotal = gross = 3.77 − 3.76 = 0.01 > G = 0.
    // Full: f' = 1, taxes' rests 0.01 + 0.01, gross G − R = 0.00 − 0.01 = −0.01, total 0.01.
    const o = order({
      lineItems: [line("a", 3, "0.00", { taxLines: [tax("2.03"), tax("3.65")] })],
      invoices: [invoice("i", "5.68")],
    });
    const [, amountMemo, full] = applyAll(o, [
      request({ lineItems: [unit("a")] }),
      amountRequest("a", "3.77"),
      request({ full: true }),
    ]);
    expect(show(amountMemo!.lineItems[0]!.gross)).toBe("0.01");
    const l = full!.lineItems[0]!;
    expect([l.quantity, show(l.gross), show(l.tax), show(l.total)]).toEqual([
      2,
      "-0.01",
      "0.02",
      "0.01",
    ]);
  });

  /** A line 1 × 10.00 (taxes 1.00 and 0.50 unless told) and one memo line recorded elsewhere. */
  const recordedElsewhere = (
    memoLine: Partial<CreditMemoLine>,
    parts: Parameters<typeof line>[3] = { taxLines: [tax("1.00"), tax("0.50")] },
  ) => {
    const o = order({
      lineItems: [line("a", 1, "10.00", parts)],
      invoices: [invoice("i", "20.00")],
    });
    const base = memoOf(calculate(o, amountRequest("a", "1.00")));
    const m = { ...base, lineItems: [{ ...base.lineItems[0]!, ...memoLine }] };
    return { ...o, refunds: [m] };
  };

  it("a history that refunded more than the line's value leaves a maximum of 0.00, never negative", () => {
    // Recorded: gross 12.00 and tax 0.00 by an amount of 12.00: value refunded 12.00 > V = 11.50.
    const o = recordedElsewhere({
      quantity: 0,
      amount: usd("12.00"),
      gross: usd("12.00"),
      subtotal: usd("12.00"),
      tax: usd("0.00"),
      taxLines: [
        { title: "Tax", amount: usd("0.00") },
        { title: "Tax", amount: usd("0.00") },
      ],
      total: usd("12.00"),
    });
    const [error] = errorsOf(calculate(o, amountRequest("a", "1.00")));
    expect(error).toMatchObject({ code: "OVER_REFUND", subject: "line", maximum: "0.00" });
    // A zero amount is INVALID_INPUT alone: it is no over-refund, even of a line with less than nothing left.
    expect(errorsOf(calculate(o, amountRequest("a", "0.00"))).map((e) => e.code)).toEqual([
      "INVALID_INPUT",
    ]);
  });

  it("full finishes a line whose gross is refunded but one of whose taxes is not", () => {
    // Recorded: the unit and its whole gross 10.00 for 11.00, with 0.50 of the first tax (1.00)
    // and all of the second (0.50).
    const o = recordedElsewhere({
      quantity: 1,
      amount: usd("11.00"),
      gross: usd("10.00"),
      subtotal: usd("10.00"),
      tax: usd("1.00"),
      taxLines: [
        { title: "Tax", amount: usd("0.50") },
        { title: "Tax", amount: usd("0.50") },
      ],
      total: usd("11.00"),
    });
    const full = memoOf(calculate(o, request({ full: true })));
    expect(full.lineItems.map((l) => [l.quantity, show(l.gross), show(l.tax)])).toEqual([
      [0, "0.00", "0.50"],
    ]);
  });

  it("full finishes a line whose gross is refunded but one of whose discounts is not", () => {
    // 10.00 with discounts 2.00 and 1.00 (V = 7.00). Recorded: the unit and its whole gross
    // for 8.00, with 1.00 of the first discount and all of the second: full gives back 1.00 more
    // discount (a subtotal of −1.00), and the fit of the money left makes up the total.
    const o = recordedElsewhere(
      {
        quantity: 1,
        amount: usd("8.00"),
        gross: usd("10.00"),
        discount: usd("2.00"),
        discountAllocations: [{ amount: usd("1.00") }, { amount: usd("1.00") }],
        subtotal: usd("8.00"),
        tax: usd("0.00"),
        taxLines: [],
        total: usd("8.00"),
      },
      { discountAllocations: [discount("2.00"), discount("1.00")] },
    );
    const full = memoOf(calculate(o, request({ full: true })));
    expect(full.lineItems.map((l) => [l.quantity, show(l.discount), show(l.subtotal)])).toEqual([
      [0, "1.00", "-1.00"],
    ]);
  });

  it("full leaves out a line that amounts finished", () => {
    // a: 10.00 − 1.00 discount + 1.00 tax, V = 10.00, refunded whole with its unit.
    const o = order({
      lineItems: [
        line("a", 1, "10.00", { discountAllocations: [discount("1.00")], taxLines: [tax("1.00")] }),
        line("b", 1, "5.00"),
      ],
      invoices: [invoice("i", "15.00")],
    });
    const [, full] = applyAll(o, [amountRequest("a", "10.00", 1), request({ full: true })]);
    expect(full!.lineItems.map((l) => l.lineItemId)).toEqual(["b"]);
  });
});

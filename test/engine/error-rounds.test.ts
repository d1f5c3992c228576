/**
 * §5 (v2): an error about how the money would go out (`OFFLINE_INVOICE`,
 * `UNKNOWN_INVOICE`, `DUPLICATE_REFUND`) does not hide an error about the
 * total (`EMPTY_REFUND`, `NEGATIVE_TOTAL`, `AMOUNT_MISMATCH`, money
 * `OVER_REFUND`) whenever the total can be computed; and no error carries a
 * negative `maximum`.
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import { refundErrors } from "../../src/errors.js";
import { orderAfter, unit } from "../support/apply.js";
import { dec, errorsOf, invoice, line, order, request } from "../support/builders.js";

// The order of docs/errors.md: a tee (2 × 10.00) and a cap (5.00), 25.00 by card, 4.00 by wire.
const o = order({
  lineItems: [line("a", 2, "10.00"), line("b", 1, "5.00")],
  invoices: [invoice("card", "25.00", true), invoice("wire", "4.00", false, "banktransfer")],
});
const brief = (result: ReturnType<typeof calculate>) =>
  errorsOf(result).map((e) => [
    e.code,
    "maximum" in e ? e.maximum : "total" in e ? e.total : "expected" in e ? e.expected : null,
  ]);

describe("payout errors do not hide the total's errors", () => {
  it("{invoiceId} on an offline invoice with nothing to refund: OFFLINE_INVOICE and EMPTY_REFUND", () => {
    // v1 gave OFFLINE_INVOICE only. Nothing requested: no lines, total 0.00 → EMPTY_REFUND too.
    expect(brief(calculate(o, request({ invoiceId: "wire" })))).toEqual([
      ["OFFLINE_INVOICE", null],
      ["EMPTY_REFUND", null],
    ]);
  });
  it("an unknown invoice and a negative total: 5.00 − 6.00 = −1.00", () => {
    expect(
      brief(
        calculate(
          o,
          request({
            lineItems: [unit("b")],
            adjustmentNegative: dec("6.00"),
            invoiceId: "paypal",
          }),
        ),
      ),
    ).toEqual([
      ["UNKNOWN_INVOICE", null],
      ["NEGATIVE_TOTAL", "-1.00"],
    ]);
  });
  it("a used idempotency key and money over-refunded: 30.00 of 29.00 − 1.00 = 28.00 left", () => {
    const after = orderAfter(o, request({ amount: dec("1.00"), idempotencyKey: "k" }));
    expect(brief(calculate(after, request({ amount: dec("30.00"), idempotencyKey: "k" })))).toEqual(
      [
        ["DUPLICATE_REFUND", null],
        ["OVER_REFUND", "28.00"],
      ],
    );
  });
  it("an offline invoice and an amount check that fails: 5.00 computed, 4.00 stated", () => {
    expect(
      brief(
        calculate(o, request({ lineItems: [unit("b")], amount: dec("4.00"), invoiceId: "wire" })),
      ),
    ).toEqual([
      ["OFFLINE_INVOICE", null],
      ["AMOUNT_MISMATCH", "5.00"],
    ]);
  });
  it("an unknown invoice in explicit transactions and a mismatch of their sum: 1.00 of 5.00", () => {
    expect(
      brief(
        calculate(
          o,
          request({
            lineItems: [unit("b")],
            transactions: [{ invoiceId: "paypal", amount: dec("1.00") }],
          }),
        ),
      ),
    ).toEqual([
      ["UNKNOWN_INVOICE", null],
      ["TRANSACTION_MISMATCH", "5.00"],
    ]);
  });
  it("errors that keep the total from being computed still stop there", () => {
    // An unknown line: the total is unknown, so only the request's errors.
    expect(
      errorsOf(calculate(o, request({ lineItems: [unit("x")], invoiceId: "wire" }))).map(
        (e) => e.code,
      ),
    ).toEqual(["UNKNOWN_LINE_ITEM", "OFFLINE_INVOICE"]);
  });
});

describe("no error carries a negative maximum", () => {
  it("a money left of −0.50 is reported as a maximum of 0.00, in the message too", () => {
    const error = refundErrors.moneyOverRefund("USD", "1.00", "-0.50");
    expect(error).toMatchObject({ requested: "1.00", maximum: "0.00" });
    expect(error.message).toBe(
      "The refund of 1.00 USD is more than the 0.00 USD left to refund on this order.",
    );
  });
  it("every money subject, in the currency's digits, and unit counts", () => {
    expect(refundErrors.invoiceOverRefund("p", "i", "KWD", "1.000", "-0.250").maximum).toBe(
      "0.000",
    );
    expect(refundErrors.shippingOverRefund("p", "JPY", "5", "-12").maximum).toBe("0");
    expect(refundErrors.quantityOverRefund("p", "a", 1, -1).maximum).toBe(0);
    expect(refundErrors.restockExceedsFulfilled("p", "a", "return", 1, -2).maximum).toBe(0);
    // Non-negative maxima are kept as they are.
    expect(refundErrors.moneyOverRefund("USD", "9.00", "7.35").maximum).toBe("7.35");
    expect(refundErrors.quantityOverRefund("p", "a", 3, 2).maximum).toBe(2);
  });
});

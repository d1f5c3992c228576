/**
 * §9.2 (v2) and issue 12: an audit names a root cause once. A rejected memo
 * is listed under `rejected` only; no amount in a report is negative; a
 * memo in another currency and a memo whose id repeats are that memo's
 * problem, reported with the other memos audited.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { type AuditReport, audit } from "../../src/audit/audit.js";
import { AuditTally, auditDocument } from "../../src/cli/auditReport.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeOrder } from "../../src/json/order.js";
import { orderAfterAll, unitRequest } from "../support/apply.js";
import { invoice, line, order, usd } from "../support/builders.js";

function reportOf(o: Order): AuditReport {
  const result = audit(o);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
}

/** The summary line `refund-core audit` writes for one order. */
function summaryOf(o: Order) {
  const tally = new AuditTally();
  tally.add(auditDocument(JSON.stringify(encodeOrder(o)), 1, "canonical", "default"));
  return tally.summary();
}

describe("a first memo that paid out more than was collected", () => {
  // Five units of 2.45; only 7.35 (three units) was captured. The history, written elsewhere,
  // refunds three units (7.35) but records 7.85 paid out of the capture: 0.50 too much.
  // Then one unit (2.45) twice, each paid out of the capture, of which nothing is left.
  const paid = order({
    lineItems: [line("a", 5, "2.45")],
    invoices: [invoice("i", "20.00")],
  });
  const recorded = orderAfterAll(paid, [unitRequest("a", 3), unitRequest("a"), unitRequest("a")]);
  const [m1, m2, m3] = recorded.refunds as CreditMemo[];
  const history: Order = {
    ...paid,
    invoices: [invoice("i", "7.35")],
    refunds: [
      { ...m1!, transactions: m1!.transactions.map((t) => ({ ...t, amount: usd("7.85") })) },
      m2!,
      m3!,
    ],
  };

  it("reports the root cause once: the first memo's payout; the later memos only as rejected", () => {
    const report = reportOf(history);
    // Memo 1: its lines give 3 × 2.45 = 7.35, which the capture had; it paid 7.85:
    // transactions[0].amount 7.85 where at most 7.35 was left, and 7.85 paid for a 7.35 total.
    expect(report.discrepancies.map((d) => [d.refundId, d.path, d.recorded, d.expected])).toEqual([
      ["1-1", "transactions[0].amount", "7.85", "7.35"],
      ["1-1", "transactions", "7.85", "7.35"],
    ]);
    // Memos 2 and 3: 2.45 each against 7.35 − 7.85 = −0.50 left, that is nothing: rejected, with a
    // maximum of 0.00 (v1: "-0.50", and each also listed among the discrepancies at "-0.50").
    expect(report.rejected).toEqual([
      {
        refundId: "1-2",
        errors: [
          expect.objectContaining({
            code: "OVER_REFUND",
            subject: "money",
            requested: "2.45",
            maximum: "0.00",
            message:
              "The refund of 2.45 USD is more than the 0.00 USD left to refund on this order.",
          }),
        ],
      },
      {
        refundId: "1-3",
        errors: [expect.objectContaining({ code: "OVER_REFUND", maximum: "0.00" })],
      },
    ]);
  });

  it("no amount in the report is negative", () => {
    expect(JSON.stringify(reportOf(history))).not.toMatch(/"-\d/);
  });

  it("refundsWithDiscrepancies counts the root cause: 1 (v1: 3)", () => {
    expect(summaryOf(history)).toMatchObject({
      refunds: 3,
      refundsWithDiscrepancies: 1,
      discrepancies: 2,
      rejectedRefunds: 2,
    });
  });
});

describe("a rejected memo is not also a discrepancy", () => {
  it("a unit refunded twice is rejected, its amounts not compared", () => {
    const o = order({ lineItems: [line("a", 1, "5.00")], invoices: [invoice("i", "8.00")] });
    const once = orderAfterAll(o, [unitRequest("a")]);
    const [m1] = once.refunds as CreditMemo[];
    // The repeated memo also pays out 5.00 of the 8.00 − 5.00 = 3.00 left: v1 listed it among the
    // discrepancies too (transactions[0].amount 5.00, expected 3.00). It is listed once, rejected.
    const report = reportOf({ ...o, refunds: [m1!, { ...m1!, id: "1-2" }] });
    expect(report.rejected.map((r) => [r.refundId, r.errors.map((e) => e.code)])).toEqual([
      ["1-2", ["OVER_REFUND"]],
    ]);
    expect(report.discrepancies).toEqual([]);
  });
});

describe("issue 12: memos the order cannot hold", () => {
  const o = order({
    lineItems: [line("a", 2, "10.00")],
    invoices: [invoice("i", "20.00")],
  });
  const clean = orderAfterAll(o, [unitRequest("a"), unitRequest("a")]);
  const [m1, m2] = clean.refunds as CreditMemo[];

  it("two memos with the same id: the later is rejected as DUPLICATE_REFUND (v1: nothing reported)", () => {
    const twice: Order = { ...o, refunds: [m1!, { ...m2!, id: m1!.id }] };
    const report = reportOf(twice);
    expect(report.rejected).toEqual([
      {
        refundId: "1-1",
        errors: [
          expect.objectContaining({ code: "DUPLICATE_REFUND", idempotencyKey: "1-1", path: "id" }),
        ],
      },
    ]);
    expect(report.discrepancies).toEqual([]);
    // The CLI exits 1 for it: a rejected memo.
    expect(summaryOf(twice)).toMatchObject({ refunds: 2, rejectedRefunds: 1 });
  });

  it("a memo in another currency is that memo's problem, through the CLI too (v1: INCONSISTENT_ORDER)", () => {
    const json = encodeOrder(clean);
    const refunds = json["refunds"] as unknown as Record<string, unknown>[];
    const cad = { ...json, refunds: [refunds[0], { ...refunds[1], currency: "CAD" }] };
    const audited = auditDocument(JSON.stringify(cad), 1, "canonical", "default");
    expect(audited.line.errors).toEqual([]);
    expect(audited.line.refunds).toBe(2);
    expect(audited.line.rejected).toEqual([
      {
        refundId: "1-2",
        errors: [
          expect.objectContaining({ code: "CURRENCY_MISMATCH", expected: "USD", actual: "CAD" }),
        ],
      },
    ]);
    expect(audited.line.discrepancies).toEqual([]);
  });
});

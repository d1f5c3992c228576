/**
 * An order without refunds reads as one shared, empty history
 * (`refundHistoryOf`, src/order/historyConsistency.ts, issue 15 part 2). It
 * must stay empty whatever is computed from it: refunds applied to several
 * such orders, forks of the same order, keyed memos. A history that kept
 * what one of them added would leak into every later call.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { refundHistoryOf } from "../../src/order/historyConsistency.js";
import { readRefundHistory } from "../../src/order/refundHistory.js";
import { invoice, line, order, request } from "../support/builders.js";

const two = (id: string): Order =>
  order({
    id,
    lineItems: [line("a", 2, "10.00"), line("b", 1, "5.00")],
    invoices: [invoice("i", "25.00")],
  });

const oneOf = (lineItemId: string, idempotencyKey?: string) =>
  request({
    lineItems: [{ lineItemId, quantity: 1, restock: "no_restock" }],
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });

function expectEmpty(o: Order): void {
  const history = refundHistoryOf(o);
  expect(history.lines.size).toBe(0);
  expect(history.shipping.size).toBe(0);
  expect(history.invoices.size).toBe(0);
  expect(history.idempotencyKeys.size).toBe(0);
  expect(history.memoIds.size).toBe(0);
}

describe("the history of an order without refunds", () => {
  it("is one value for every such order, and reads as readRefundHistory([])", () => {
    expect(refundHistoryOf(two("1"))).toBe(refundHistoryOf(two("2")));
    expect(refundHistoryOf(two("1"))).toEqual(readRefundHistory([]));
  });

  it("stays empty through refunds, forks and keyed memos of several orders", () => {
    const first = two("1");
    const second = two("2");
    const forks = [
      applyRefund(first, oneOf("a", "k1")),
      applyRefund(first, oneOf("b")),
      applyRefund(second, oneOf("a", "k1")),
    ];
    for (const fork of forks) {
      expect(E.isRight(fork)).toBe(true);
      if (E.isLeft(fork)) continue;
      const next = applyRefund(fork.right.order, oneOf("a", "k2"));
      expect(E.isRight(next)).toBe(true);
      expectEmpty(first);
    }
    expectEmpty(second);
    // The same key again on a fresh order is no duplicate; its memo id is the first.
    const again = calculate(two("1"), oneOf("a", "k1"));
    expect(E.isRight(again) && again.right.id).toBe("k1");
    const plain = calculate(two("1"), oneOf("a"));
    expect(E.isRight(plain) && plain.right.id).toBe("1-1");
  });
});

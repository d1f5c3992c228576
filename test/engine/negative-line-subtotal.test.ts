/**
 * §3.1 with several discounts on a line, found by the codec property
 * (test/properties/codecs.test.ts): each discount allocation is rounded on
 * its own, so on a partial refund the discounts of a line can add up to more
 * than its gross, and the memo line's subtotal is negative. The history
 * `applyRefund` writes must still read back through the JSON codec (it was
 * refused: "must not be negative").
 *
 * 2 × 0.01 with two discounts of 0.01 (100 % off) and 1.00 of tax; refund 1
 * unit: each discount round(0.01 · 1/2) = round(0.005) = 0.01, so discount
 * 0.02 > gross 0.01, subtotal −0.01, total −0.01 + 0.50 = 0.49.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { decodeOrder, encodeOrder } from "../../src/json/order.js";
import { discount, invoice, line, order, request, show, tax } from "../support/builders.js";

const base = order({
  lineItems: [
    line("a", 2, "0.01", {
      discountAllocations: [discount("0.01", "A"), discount("0.01", "B")],
      taxLines: [tax("1.00")],
    }),
  ],
  invoices: [invoice("i", "1.00")],
});

function refundOne() {
  const applied = applyRefund(
    base,
    request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] }),
  );
  if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
  return applied.right;
}

describe("a partial refund of a line whose discounts round up", () => {
  it("prorates each discount by §3.1: 0.01 + 0.01 of discount on 0.01 of gross", () => {
    const memo = refundOne().creditMemo;
    expect(show(memo.lineItems[0]!.discount)).toBe("0.02");
    expect(show(memo.lineItems[0]!.subtotal)).toBe("-0.01");
    expect(show(memo.total)).toBe("0.49");
  });
  it("writes a history the JSON codec reads back, negative subtotal included", () => {
    const after = refundOne().order;
    expect(decodeOrder(JSON.parse(JSON.stringify(encodeOrder(after))))).toEqual({
      _tag: "Right",
      right: after,
    });
  });
});

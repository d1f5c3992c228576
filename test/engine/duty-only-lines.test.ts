/**
 * A line of quantity 0 refunds only the duties its earlier units left
 * (§3.3). Issue 12, finding 8: one that refunds nothing was accepted, and
 * the audit of the history it made rejected it (`INVALID_QUANTITY`).
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { applied } from "../support/apply.js";
import { duty, errorsOf, invoice, line, order, request, show } from "../support/builders.js";

// Two units of 10.00, unfulfilled, with a 2.00 duty; collected 22.00.
const start: Order = order({
  id: "z",
  lineItems: [line("a", 2, "10.00", { duties: [duty("d1", "2.00")], fulfilledQuantity: 0 })],
  invoices: [invoice("cap", "22.00")],
});

const dutiesOnly = (restock: "no_restock" | "cancel" = "no_restock") =>
  request({ lineItems: [{ lineItemId: "a", quantity: 0, restock }], refundDuties: true });

describe("a duty-only line (quantity 0)", () => {
  it.each(["no_restock", "cancel"] as const)(
    "is INVALID_QUANTITY while its duties give nothing (restock %s)",
    (restock) => {
      // No unit refunded yet: the duty's share for 0 of 2 units is
      // 2.00 × 0/2 − 0 = 0.00, so the line would refund nothing.
      const errors = errorsOf(calculate(start, dutiesOnly(restock)));
      expect(errors.map((e) => [e.code, "path" in e ? e.path : undefined])).toEqual([
        ["INVALID_QUANTITY", "lineItems[0].quantity"],
      ]);
      expect(E.isLeft(applyRefund(start, dutiesOnly(restock)))).toBe(true);
    },
  );

  it("refunds the duty its refunded units left, and the history audits clean", () => {
    // One unit refunded without duties: 10.00. Then quantity 0 with duties:
    // 2.00 × 1/2 − 0.00 = 1.00 of the duty.
    const first = applied(
      start,
      request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] }),
    );
    expect(show(first.memo.total)).toBe("10.00");
    const second = applied(first.order, dutiesOnly());
    expect(second.memo.lineItems[0]?.quantity).toBe(0);
    expect(show(second.memo.duties)).toBe("1.00");
    expect(show(second.memo.total)).toBe("1.00");
    const replayed = audit(second.order, "default");
    if (E.isLeft(replayed)) throw new Error(JSON.stringify(replayed.left));
    expect(replayed.right.discrepancies).toEqual([]);
    expect(replayed.right.rejected).toEqual([]);
  });
});

/**
 * §5 messages a support agent reads for lines named badly and unknown
 * currencies, and §3.3 duties left when only one tax of a duty is unrefunded.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import {
  dec,
  duty,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  show,
  tax,
} from "../support/builders.js";

describe("messages", () => {
  const o = order({
    lineItems: [line("a", 1, "1.00", { sku: "DUP" }), line("b", 1, "1.00", { sku: "DUP" })],
    invoices: [invoice("i", "2.00")],
  });
  it("an ambiguous sku and a line named by nothing", () => {
    const errors = errorsOf(
      calculate(
        o,
        request({
          lineItems: [
            { sku: "DUP", quantity: 1, restock: "no_restock" },
            { quantity: 1, restock: "no_restock" },
          ],
        }),
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      "The value at lineItems[0].sku names 2 items of the order; name the item by lineItemId instead.",
      "The value at lineItems[1] names no item: give lineItemId or sku.",
    ]);
  });
  it("unknown currencies", () => {
    const errors = errorsOf(
      calculate(
        { ...o, currency: "ZZZ", presentmentCurrency: "QQQ" },
        request({ amount: dec("1") }),
      ),
    );
    expect(errors.map((e) => e.message)).toEqual([
      "The value at currency is not a known ISO 4217 currency code.",
      "The value at presentmentCurrency is not a known ISO 4217 currency code.",
    ]);
  });
});

describe("duties left when one tax of a duty is still unrefunded", () => {
  it("a duty with two taxes, the second kept back by a recorded memo, can still be refunded (quantity 0)", () => {
    const o = order({
      lineItems: [
        line("a", 1, "10.00", {
          duties: [duty("d", "2.00", [tax("0.20", "T0"), tax("0.30", "T1")])],
        }),
      ],
      invoices: [invoice("i", "13.00")],
    });
    const applied = applyRefund(
      o,
      request({
        lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }],
        refundDuties: true,
      }),
    );
    if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
    const memo = applied.right.order.refunds[0] as CreditMemo;
    const l = memo.lineItems[0]!;
    const zero = { shop: 0n, presentment: 0n };
    const kept = {
      ...applied.right.order,
      refunds: [
        {
          ...memo,
          lineItems: [
            {
              ...l,
              duties: l.duties.map((d) => ({
                ...d,
                taxLines: d.taxLines.map((t, i) => (i === 1 ? { ...t, amount: zero } : t)),
              })),
            },
          ],
        },
      ],
    };
    const again = memoOf(
      calculate(
        kept,
        request({
          lineItems: [{ lineItemId: "a", quantity: 0, restock: "no_restock" }],
          refundDuties: true,
        }),
      ),
    );
    expect(show(again.tax)).toBe("0.30");
  });
});

/**
 * 2Checkout's `Items[].Amount` is a §3.9 line amount when it is not what the
 * item's units are worth: end to end, from `issueRefund` parameters to the
 * memo and back out (issue 13, after issue 11 added line amounts).
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromTwoCheckoutOrder } from "../../src/adapters/2checkout/order.js";
import {
  fromTwoCheckoutRefundRequest,
  toTwoCheckoutRefundRequest,
} from "../../src/adapters/2checkout/refund.js";
import { calculate } from "../../src/calculate.js";
import { encodeCreditMemo } from "../../src/json/creditMemo.js";

const order = fromTwoCheckoutOrder(
  JSON.parse(readFileSync("examples/2checkout-items/order.json", "utf8")),
);

describe("2Checkout Items[].Amount as a line amount (§3.9)", () => {
  it("10.00 against one hosting seat (3 × 9.99 + VAT 2.10): subtotal 9.35, tax 0.65, total 10.00", () => {
    if (E.isLeft(order)) throw new Error(JSON.stringify(order.left));
    const params = {
      RefNo: "715948211",
      Amount: 10.0,
      Reason: "Partial credit",
      Items: [{ ProductCode: "HOSTING-BASIC", Quantity: 1, Amount: 10.0 }],
    };
    const request = fromTwoCheckoutRefundRequest(params, order.right);
    if (E.isLeft(request)) throw new Error(JSON.stringify(request.left));
    const memo = calculate(order.right, request.right);
    if (E.isLeft(memo)) throw new Error(JSON.stringify(memo.left));
    // The line's value V = 29.97 + 2.10 = 32.07; progress f' = 10.00 / 32.07.
    // Tax: round(2.10 × 10.00 / 32.07) = round(0.6548…) = 0.65; subtotal 10.00 − 0.65 = 9.35.
    const json = encodeCreditMemo(memo.right);
    const line = json.lineItems[0];
    expect(line?.amount).toBe("10.00");
    expect(line?.quantity).toBe(1);
    expect(line?.tax).toBe("0.65");
    expect(line?.subtotal).toBe("9.35");
    expect(json.total).toBe("10.00");
    // Written back out, the item carries the same Amount.
    const out = toTwoCheckoutRefundRequest(memo.right, order.right);
    expect(E.isRight(out) && out.right).toMatchObject({
      Amount: 10,
      Items: [{ ProductCode: "HOSTING-BASIC", Quantity: 1, Amount: 10 }],
    });
  });
});

/**
 * A request line that names its item twice, by `lineItemId` and by `sku`
 * (§4), must name the same item (issue 12, finding 14): the sku was
 * ignored, and a line other than the one meant could be refunded.
 */
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { RefundLineRequest } from "../../src/domain/refundRequest.js";
import { errorsOf, memoOf, request, show } from "../support/builders.js";
import { shopifyOrder } from "../support/fixtures.js";

const oneOf = (naming: Partial<RefundLineRequest>) =>
  request({ lineItems: [{ quantity: 1, restock: "no_restock", ...naming }] });

describe("a line named by lineItemId and sku", () => {
  it("is refunded when both name the same item", () => {
    // Shopify's fixture: IPOD2008GREEN is 466157049, 199.00 − 3.34 + 3.98 = 199.64.
    const memo = memoOf(
      calculate(shopifyOrder, oneOf({ lineItemId: "466157049", sku: "IPOD2008GREEN" })),
    );
    expect(memo.lineItems.map((l) => l.lineItemId)).toEqual(["466157049"]);
    expect(show(memo.total)).toBe("199.64");
  });

  it("is INVALID_INPUT at its sku when the sku is another item's, or no item's", () => {
    const other = shopifyOrder.lineItems[1]?.sku;
    for (const sku of [other as string, "NO-SUCH-SKU"])
      expect(
        errorsOf(calculate(shopifyOrder, oneOf({ lineItemId: "466157049", sku }))).map((e) => [
          e.code,
          e.message,
        ]),
      ).toEqual([
        [
          "INVALID_INPUT",
          `The value at lineItems[0].sku is "${sku}", which is not the sku of item "466157049"; name the item by lineItemId or by sku, or by both of the same item.`,
        ],
      ]);
  });
});

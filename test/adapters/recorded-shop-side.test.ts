/**
 * A platform that records each refund transaction's own shop money
 * (Shopify's `amount_set.shop_money`) keeps it when its memos are rebuilt,
 * so that an audit compares it; one that does not (Magento records the
 * memo's grand total) has it converted at the invoice's rate (§3.8 v2).
 */
import { describe, expect, it } from "vitest";
import { buildCreditMemos, type RecordedRefund } from "../../src/adapters/memoBuilder.js";
import { Problems } from "../../src/adapters/platformCodecs.js";
import { ZERO } from "../../src/money/moneyBag.js";
import { bag, invoice, order } from "../support/builders.js";

// One capture of 100.00 USD / 90.00 EUR; a 45.00 EUR amount-only refund.
const o = order({
  presentmentCurrency: "EUR",
  lineItems: [],
  invoices: [{ ...invoice("cap", "0.00"), amount: bag("100.00", "90.00") }],
});
const refund = (shopRecorded: boolean): RecordedRefund => ({
  id: "r1",
  path: "refunds[0]",
  lines: [],
  shippingAmount: ZERO,
  shippingTax: ZERO,
  adjustmentPositive: bag("49.50", "45.00"),
  adjustmentNegative: ZERO,
  payout: {
    kind: "explicit",
    shopRecorded,
    transactions: [{ invoiceId: "cap", amount: bag("49.50", "45.00"), path: "refunds[0].t" }],
  },
  note: null,
});

describe("a recorded transaction's shop side", () => {
  it("is kept as the platform recorded it (49.50 USD), not converted (50.00 USD)", () => {
    const [memo] = buildCreditMemos(o, [refund(true)], new Problems());
    expect(memo?.transactions[0]?.amount).toEqual({ shop: 4950n, presentment: 4500n });
    expect(memo?.exchangeDifference).toBe(0n);
  });
  it("is converted at the invoice's rate when the platform records none: round(45.00 × 100.00 / 90.00) = 50.00", () => {
    const [memo] = buildCreditMemos(o, [refund(false)], new Problems());
    expect(memo?.transactions[0]?.amount).toEqual({ shop: 5000n, presentment: 4500n });
    // 50.00 paid against a memo total of 49.50: exchangeDifference +0.50.
    expect(memo?.exchangeDifference).toBe(50n);
  });
});

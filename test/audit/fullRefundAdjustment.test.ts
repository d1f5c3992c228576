/**
 * §3.6 + §3.8 (v2) + §9.2: a full refund with a negative adjustment on a
 * multi-currency order whose money left has a shop side of its own (the
 * transactions took shop money at the invoice's rate) audits clean. The
 * fitting to the money left adds to the negative adjustment's presentment
 * side, so the audit finds the asked amount again from its shop side. The
 * counterexample of the self-audit property, worked by hand.
 */
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";

const none = { discountAllocations: [], taxLines: [], duties: [] };
// JPY shop, KWD presentment: an item with 0.372 KWD of tax and no yen,
// shipping of 0.003 KWD / 0 JPY and of 0 KWD / 48 JPY, one invoice of
// 48 JPY / 0.375 KWD.
const start: Order = {
  id: "order-1",
  currency: "JPY",
  presentmentCurrency: "KWD",
  taxesIncluded: false,
  lineItems: [
    {
      id: "L1",
      title: "Item 1",
      quantity: 3,
      price: { shop: 0n, presentment: 0n },
      ...none,
      taxLines: [{ title: "T0", rate: "0.1", amount: { shop: 0n, presentment: 372n } }],
      fulfilledQuantity: 0,
    },
  ],
  shippingLines: [
    { id: "S0", title: "Shipping 0", price: { shop: 0n, presentment: 3n }, ...none },
    { id: "S1", title: "Shipping 1", price: { shop: 48n, presentment: 0n }, ...none },
  ],
  invoices: [
    { id: "I0", amount: { shop: 48n, presentment: 375n }, online: false, gateway: "stripe" },
  ],
  refunds: [],
};

const base = { lineItems: [], refundDuties: false, full: false, notify: false } as const;
const kwd = (coefficient: bigint) => ({ coefficient, scale: 3 });

it("a full refund with a negative adjustment audits clean when the fitting adds to it", () => {
  const requests: RefundRequest[] = [
    // 1: all shipping, 48 JPY / 0.003 KWD; its transaction takes 3 fils of
    //    I0's 375: round(3 · 48 / 375) = round(0.384) = 0, kept at 1 yen.
    //    I0 has 47 JPY / 0.372 KWD left.
    { ...base, shipping: { fullRefund: true } },
    // 2: adjustment 0.015 KWD: round(15 · 47 / 372) = round(1.895) = 2 yen. Left 45 / 0.357.
    { ...base, adjustmentPositive: kwd(15n), currency: "KWD" },
    // 3: adjustment 0.061 KWD: round(61 · 45 / 357) = round(7.689) = 8 yen. Left 37 / 0.296.
    { ...base, adjustmentPositive: kwd(61n), currency: "KWD" },
    // 4: full, negative adjustment 0.074 KWD: round(74 · 37 / 296) = round(9.25) = 9 yen.
    //    Before fitting: tax 0 / 372 less 9 / 74 = −9 JPY / 0.298 KWD; money
    //    left 37 / 296, so the fitting adds 37 − (−9) = 46 JPY to the
    //    positive adjustment and 298 − 296 = 2 fils to the negative one:
    //    positive 46 JPY / 0, negative 9 JPY / 0.076 KWD, total 37 / 0.296.
    { ...base, full: true, adjustmentNegative: kwd(74n), currency: "KWD" },
  ];
  let order = start;
  for (const request of requests) {
    const applied = applyRefund(order, request, "default");
    if (E.isLeft(applied)) return expect.fail(JSON.stringify(applied.left));
    order = applied.right.order;
  }
  const last = order.refunds[3];
  expect(last?.adjustmentPositive).toEqual({ shop: 46n, presentment: 0n });
  expect(last?.adjustmentNegative).toEqual({ shop: 9n, presentment: 76n });
  expect(last?.total).toEqual({ shop: 37n, presentment: 296n });
  // Replaying 0.076 KWD would give round(76 · 37 / 296) = round(9.5) = 10
  // yen; the asked amount is found again from the 9 yen: round(9 · 296 / 37)
  // = 72 fils, round(72 · 37 / 296) = 9, and fitting gives the same memo.
  const report = audit(order, "default");
  if (E.isLeft(report)) return expect.fail(JSON.stringify(report.left));
  expect(report.right.rejected).toEqual([]);
  expect(report.right.discrepancies).toEqual([]);
});

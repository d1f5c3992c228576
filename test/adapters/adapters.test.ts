/**
 * Platform adapters: the documented fixtures read, refunded and audited,
 * with the platforms' published numbers.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { fromMagentoRefundRequest } from "../../src/adapters/magento/refund.js";
import { fromShopifyOrder } from "../../src/adapters/shopify/order.js";
import {
  fromShopifyRefundRequest,
  toShopifyCalculateResponse,
} from "../../src/adapters/shopify/refund.js";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { memoOf, show } from "../support/builders.js";
import { fixture, left, paths, right } from "./support.js";

describe("Shopify order 450789469", () => {
  const order = right(fromShopifyOrder(fixture("shopify-order-450789469.json")));
  it("reads lines, TENOFF 3.34/3.33/3.33, tax 3.98, shipping 5.00 and only the 250.94 capture", () => {
    expect(order.id).toBe("450789469");
    expect(
      order.lineItems.map((l) => [
        l.id,
        l.sku,
        show(l.price),
        show(l.discountAllocations[0]!.amount),
        show(l.taxLines[0]!.amount),
        l.taxLines[0]!.rate,
      ]),
    ).toEqual([
      ["466157049", "IPOD2008GREEN", "199.00", "3.34", "3.98", "0.06"],
      ["518995019", "IPOD2008RED", "199.00", "3.33", "3.98", "0.06"],
      ["703073504", "IPOD2008BLACK", "199.00", "3.33", "3.98", "0.06"],
    ]);
    expect(order.shippingLines.map((s) => [s.id, s.title, show(s.price)])).toEqual([
      ["369256396", "Free Shipping", "5.00"],
    ]);
    // The 598.94 authorization is not money collected; the capture is, online (gateway bogus).
    expect(order.invoices.map((i) => [i.id, show(i.amount), i.online, i.gateway])).toEqual([
      ["801038806", "250.94", true, "bogus"],
    ]);
  });
  it("refunds/calculate of line 518995019 with full shipping: 195.67 + 3.98 + 5.00 = 204.65, max 250.94", () => {
    const request = right(fromShopifyRefundRequest(fixture("shopify-calculate-request.json")));
    const memo = memoOf(calculate(order, request));
    // subtotal 199.00 − 3.33 = 195.67; tax 3.98; shipping 5.00.
    const response = toShopifyCalculateResponse(memo) as { refund: Record<string, unknown> };
    expect(response.refund).toMatchObject({
      currency: "USD",
      shipping: { amount: "5.00", tax: "0.00", maximum_refundable: "5.00" },
      refund_line_items: [
        {
          line_item_id: "518995019",
          quantity: 1,
          restock_type: "no_restock",
          price: "199.00",
          subtotal: "195.67",
          total_tax: "3.98",
          discounted_total_price: "199.00",
          total_cart_discount_amount: "3.33",
        },
      ],
      transactions: [
        {
          kind: "suggested_refund",
          parent_id: "801038806",
          amount: "204.65",
          maximum_refundable: "250.94",
          gateway: "bogus",
        },
      ],
    });
  });
  it("a partial shipping amount {currency: USD, shipping: {amount: 2.0}} refunds 2.00, tax 0.00, of 5.00", () => {
    const request = right(fromShopifyRefundRequest(fixture("shopify-calculate-shipping.json")));
    const memo = memoOf(calculate(order, request));
    expect([
      show(memo.shipping.amount),
      show(memo.shipping.tax),
      show(memo.shipping.maximumRefundable),
    ]).toEqual(["2.00", "0.00", "5.00"]);
  });
  it("the create-refund sample (seed 002) maps field by field; its 41.94 transaction does not cover 204.65", () => {
    const request = right(
      fromShopifyRefundRequest({
        refund: {
          currency: "USD",
          notify: true,
          note: "wrong size",
          shipping: { full_refund: true },
          refund_line_items: [
            {
              line_item_id: 518995019,
              quantity: 1,
              restock_type: "return",
              location_id: 487838322,
            },
          ],
          transactions: [{ parent_id: 801038806, amount: 41.94, kind: "refund", gateway: "bogus" }],
        },
      }),
    );
    expect(request).toEqual({
      lineItems: [
        { lineItemId: "518995019", quantity: 1, restock: "return", locationId: "487838322" },
      ],
      shipping: { fullRefund: true },
      refundDuties: false,
      full: false,
      currency: "USD",
      transactions: [{ invoiceId: "801038806", amount: { coefficient: 4194n, scale: 2 } }],
      note: "wrong size",
      notify: true,
    });
    expect(left(calculate(order, request))).toMatchObject([
      { code: "TRANSACTION_MISMATCH", transactionsTotal: "41.94", total: "204.65" },
    ]);
  });
  it("after a 209.00 refund out of the capture, 41.94 is the most left", () => {
    const applied = right(
      applyRefund(order, {
        lineItems: [],
        refundDuties: false,
        full: false,
        notify: false,
        amount: { coefficient: 20900n, scale: 2 },
      }),
    );
    const memo = memoOf(
      calculate(
        applied.order,
        right(fromShopifyRefundRequest({ refund: { shipping: { full_refund: true } } })),
      ),
    );
    expect(toShopifyCalculateResponse(memo)).toMatchObject({
      refund: {
        transactions: [{ parent_id: "801038806", amount: "5.00", maximum_refundable: "41.94" }],
      },
    });
  });
  it("the recorded sample refund (seed 002) reads back; its audit finds the transaction short of the total", () => {
    const raw = fixture("shopify-order-450789469.json") as { order: Record<string, unknown> };
    const withRefund = {
      ...raw.order,
      refunds: [
        {
          id: 929361465,
          note: "wrong size",
          refund_line_items: [
            {
              id: 1058498312,
              line_item_id: 518995019,
              quantity: 1,
              restock_type: "no_restock",
              location_id: null,
              subtotal: 195.67,
              total_tax: 3.98,
            },
          ],
          transactions: [
            {
              id: 1068278489,
              kind: "refund",
              gateway: "bogus",
              status: "success",
              parent_id: 801038806,
              amount: "41.94",
              currency: "USD",
            },
          ],
          order_adjustments: [],
        },
      ],
    };
    const o = right(fromShopifyOrder(withRefund));
    const memo = o.refunds[0]!;
    // discount 199.00 − 195.67 = 3.33; total 195.67 + 3.98 = 199.65.
    expect([memo.id, show(memo.discount), show(memo.tax), show(memo.total), memo.note]).toEqual([
      "929361465",
      "3.33",
      "3.98",
      "199.65",
      "wrong size",
    ]);
    expect(right(audit(o)).discrepancies).toEqual([
      {
        refundId: "929361465",
        path: "transactions",
        currency: "USD",
        recorded: "41.94",
        expected: "199.65",
        explainedBy: null,
      },
    ]);
  });
});

describe("a Shopify history recorded with per-unit rounding", () => {
  // 349.99 × 5 with 524.98 discount and 98.00 tax; Shopify refunded 2: discount round(524.98/5) × 2 = 210.00,
  // subtotal 699.98 − 210.00 = 489.98, tax 19.60 × 2 = 39.20, paid 529.18.
  // The default: discount round(52498 · 2/5) = 209.99, subtotal 489.99, tax round(9800 · 2/5) = 39.20, total 529.19.
  const o = right(fromShopifyOrder(fixture("shopify-order-per-unit-history.json")));
  it("reads the refund with restock and location", () => {
    const memo = o.refunds[0]!;
    expect([memo.lineItems[0]?.restock, memo.lineItems[0]?.locationId, show(memo.total)]).toEqual([
      "return",
      "487838322",
      "529.18",
    ]);
    expect(o.invoices.map((i) => [i.id, i.online])).toEqual([["1072844637", true]]);
  });
  it("audits with discrepancies explained by shopify", () => {
    const report = right(audit(o));
    expect(
      report.discrepancies.map((d) => [d.path, d.recorded, d.expected, d.explainedBy]),
    ).toEqual([
      ["lineItems[0].discount", "210.00", "209.99", "shopify"],
      ["lineItems[0].subtotal", "489.98", "489.99", "shopify"],
      ["lineItems[0].total", "529.18", "529.19", "shopify"],
      ["subtotal", "489.98", "489.99", "shopify"],
      ["discount", "210.00", "209.99", "shopify"],
      ["total", "529.18", "529.19", "shopify"],
    ]);
    expect(right(audit(o, "shopify"))).toMatchObject({ discrepancies: [], rejected: [] });
  });
});

describe("Shopify data that does not fit", () => {
  const raw = (fixture("shopify-order-450789469.json") as { order: Record<string, unknown> }).order;
  const lines = raw["line_items"] as Record<string, unknown>[];
  it("a bad price is INVALID_INPUT at line_items[2].price; a price that contradicts its price_set is INCONSISTENT_ORDER", () => {
    const bad = {
      ...raw,
      line_items: [
        lines[0],
        { ...lines[1], price: "199.001", price_set: undefined },
        { ...lines[2], price: "abc" },
      ],
    };
    expect(paths(left(fromShopifyOrder(bad)))).toEqual([["INVALID_INPUT", "line_items[2].price"]]);
    const contradicting = {
      ...raw,
      line_items: [lines[0], lines[1], { ...lines[2], price: "198.00" }],
    };
    expect(paths(left(fromShopifyOrder(contradicting)))).toEqual([
      ["INCONSISTENT_ORDER", "line_items[2].price"],
    ]);
    const digits = {
      ...raw,
      line_items: [lines[0], { ...lines[1], price: "199.001", price_set: undefined }, lines[2]],
    };
    expect(paths(left(fromShopifyOrder(digits)))).toEqual([
      ["INVALID_INPUT", "line_items[1].price"],
    ]);
  });
  it("a multi-currency order needs the *_set amounts", () => {
    const multi = {
      ...raw,
      presentment_currency: "CAD",
      line_items: [{ ...lines[0], price_set: undefined }],
    };
    expect(paths(left(fromShopifyOrder(multi)))).toContainEqual([
      "INVALID_INPUT",
      "line_items[0].price_set",
    ]);
  });
  it("a refund naming an unknown line or capture is INCONSISTENT_ORDER with its path", () => {
    const withRefund = {
      ...raw,
      refunds: [
        {
          id: 1,
          refund_line_items: [
            { line_item_id: 999, quantity: 1, subtotal: "1.00", total_tax: "0.00" },
          ],
          transactions: [
            { id: 2, kind: "refund", status: "success", parent_id: 77, amount: "1.00" },
          ],
        },
      ],
    };
    expect(paths(left(fromShopifyOrder(withRefund)))).toEqual([
      ["INCONSISTENT_ORDER", "refunds[0].refund_line_items[0].line_item_id"],
      ["INCONSISTENT_ORDER", "refunds[0].transactions[0].parent_id"],
    ]);
  });
  it("never throws on junk", () => {
    for (const junk of [null, 3, "x", [], { id: {} }, { order: null }])
      expect(E.isLeft(fromShopifyOrder(junk))).toBe(true);
  });
});

describe("Magento tutorial order 5 (seed 000)", () => {
  const order = right(fromMagentoOrder(fixture("magento-order-5.json")));
  it("reads the configurable tee as one line (the money-less child item 4 is left out)", () => {
    expect(
      order.lineItems.map((l) => [
        l.id,
        l.sku,
        l.quantity,
        show(l.price),
        show(l.discountAllocations[0]!.amount),
        show(l.taxLines[0]!.amount),
        l.taxLines[0]!.rate,
      ]),
    ).toEqual([["3", "MS09-M-Orange", 2, "22.00", "4.40", "3.27", "0.0825"]]);
    expect(order.shippingLines.map((s) => [s.id, s.title, show(s.price)])).toEqual([
      ["shipping", "Best Way - Table Rate", "15.00"],
    ]);
    expect(order.invoices.map((i) => [i.id, show(i.amount), i.online, i.gateway])).toEqual([
      ["3", "57.87", false, "banktransfer"],
    ]);
  });
  it("the tutorial's refund: 1 tee, shipping 0, returned to stock → 19.80 + 1.64 = 21.44, offline", () => {
    const request = right(fromMagentoRefundRequest(fixture("magento-refund-order-5.json"), order));
    expect(request).toMatchObject({
      lineItems: [{ lineItemId: "3", quantity: 1, restock: "return" }],
      notify: true,
      full: false,
    });
    expect(request.shipping).toBeUndefined();
    const memo = memoOf(calculate(order, request));
    // discount 4.40/2 = 2.20, subtotal 19.80, tax 3.27/2 = 1.635 → 1.64.
    expect([show(memo.lineItems[0]!.subtotal), show(memo.tax), show(memo.total)]).toEqual([
      "19.80",
      "1.64",
      "21.44",
    ]);
    expect(memo.transactions.map((t) => [t.invoiceId, t.online, show(t.amount)])).toEqual([
      ["3", false, "21.44"],
    ]);
  });
  it("an invoice refund of this bank-transfer order is refused as offline, as Magento does", () => {
    const request = right(
      fromMagentoRefundRequest(
        { items: [{ order_item_id: 3, qty: 1 }], arguments: { shipping_amount: 0 } },
        order,
        { kind: "invoice", invoiceId: "3" },
      ),
    );
    expect(left(calculate(order, request))).toMatchObject([
      { code: "OFFLINE_INVOICE", invoiceId: "3" },
    ]);
  });
  it("a shipping_amount of 5 refunds 5.00 of shipping; no shipping_amount refunds all 15.00 of it", () => {
    const five = memoOf(
      calculate(
        order,
        right(
          fromMagentoRefundRequest(
            { items: [{ order_item_id: 3, qty: 1 }], arguments: { shipping_amount: 5 } },
            order,
          ),
        ),
      ),
    );
    expect(show(five.shipping.amount)).toBe("5.00");
    const all = memoOf(
      calculate(
        order,
        right(fromMagentoRefundRequest({ items: [{ order_item_id: 3, qty: 1 }] }, order)),
      ),
    );
    expect(show(all.shipping.amount)).toBe("15.00");
  });
  it("no items means everything: full, total 57.87", () => {
    const request = right(fromMagentoRefundRequest({ notify: false }, order));
    expect(request.full).toBe(true);
    expect(show(memoOf(calculate(order, request)).total)).toBe("57.87");
  });
  it("{} is everything too, but another platform's body is refused, never read as everything", () => {
    // Everything left of order 5: 2 × 22.00 − 4.40 + 3.27 tax + 15.00 shipping = 57.87.
    const empty = right(fromMagentoRefundRequest({}, order));
    expect(show(memoOf(calculate(order, empty)).total)).toBe("57.87");
    // Shopify's published refunds/calculate body, and a canonical request, given as Magento's.
    expect(
      paths(left(fromMagentoRefundRequest(fixture("shopify-calculate-request.json"), order))),
    ).toEqual([["INVALID_INPUT", "refund"]]);
    const canonical = { lineItems: [{ lineItemId: "3", quantity: 1 }], reason: "wrong size" };
    const errors = left(fromMagentoRefundRequest(canonical, order));
    expect(paths(errors)).toEqual([["INVALID_INPUT", "lineItems"]]);
    expect(errors[0]?.message).toContain("it would refund everything");
  });
});

describe("Magento DiscountTest: 2 × 100, 40% off items and shipping 100, 10% tax (grand total 198)", () => {
  const order = right(fromMagentoOrder(fixture("magento-order-discount-test.json")));
  it("one unit with shipping 0: discount 40, tax 6, total 66", () => {
    const request = right(
      fromMagentoRefundRequest(
        { items: [{ order_item_id: 1, qty: 1 }], arguments: { shipping_amount: 0 } },
        order,
      ),
    );
    const memo = memoOf(calculate(order, request));
    // 100 − 80/2 = 60; tax 12/2 = 6; 66.
    expect([show(memo.discount), show(memo.tax), show(memo.total)]).toEqual([
      "40.00",
      "6.00",
      "66.00",
    ]);
  });
  it("everything with shipping 100 (before its 40 discount): shipping 60, tax 18, total 198", () => {
    const request = right(fromMagentoRefundRequest({ arguments: { shipping_amount: 100 } }, order));
    // shipping 100 · 60/100 = 60 net; tax 12 + 6 = 18; 120 + 12 + 60 + 6 = 198.
    const memo = memoOf(calculate(order, request));
    expect([show(memo.shipping.amount), show(memo.tax), show(memo.total)]).toEqual([
      "60.00",
      "18.00",
      "198.00",
    ]);
  });
  it("a recorded Magento memo of everything reads back net shipping: 100 less the 40 of discount beyond the items'", () => {
    const raw = fixture("magento-order-discount-test.json") as Record<string, unknown>;
    const withMemo = {
      ...raw,
      items: [{ ...(raw["items"] as Record<string, unknown>[])[0], qty_refunded: 2 }],
      creditmemos: [
        {
          entity_id: 1,
          items: [{ order_item_id: 1, qty: 2, discount_amount: 80, tax_amount: 12 }],
          shipping_amount: 100,
          shipping_tax_amount: 6,
          discount_amount: -120,
          grand_total: 198,
        },
      ],
    };
    const o = right(fromMagentoOrder(withMemo));
    expect([show(o.refunds[0]!.shipping.amount), show(o.refunds[0]!.total)]).toEqual([
      "60.00",
      "198.00",
    ]);
    expect(right(audit(o, "magento"))).toMatchObject({ discrepancies: [], rejected: [] });
  });
});

describe("Magento #38388: memos with tax 19.00 / 19.01 / 18.99", () => {
  const order: Order = right(fromMagentoOrder(fixture("magento-order-38388.json")));
  it("reads three memos paid offline out of the invoice in order", () => {
    expect(
      order.refunds.map((m) => [
        m.id,
        show(m.tax),
        show(m.total),
        m.transactions.map((t) => show(t.amount)).join(),
      ]),
    ).toEqual([
      ["31", "19.00", "52.33", "52.33"],
      ["32", "19.01", "52.34", "52.34"],
      ["33", "18.99", "52.33", "52.33"],
    ]);
  });
  it("the audit under magento reports the 19.01 memo; the 18.99 memo is the rest after it (57 − 38.01)", () => {
    const report = right(audit(order, "magento"));
    // Memo 32: magento expects round((57 − 19)·1/2) = 19.00 of tax; total 100 − 66.67 + 19.00 = 52.33.
    expect(
      report.discrepancies.map((d) => [d.refundId, d.path, d.recorded, d.expected, d.explainedBy]),
    ).toEqual([
      ["32", "lineItems[0].tax", "19.01", "19.00", null],
      ["32", "lineItems[0].total", "52.34", "52.33", null],
      ["32", "tax", "19.01", "19.00", null],
      ["32", "total", "52.34", "52.33", null],
    ]);
  });
  it("qty_refunded that disagrees with the memos is INCONSISTENT_ORDER at items[0].qty_refunded", () => {
    const raw = fixture("magento-order-38388.json") as Record<string, unknown>;
    const bad = {
      ...raw,
      items: [{ ...(raw["items"] as Record<string, unknown>[])[0], qty_refunded: 2 }],
    };
    expect(paths(left(fromMagentoOrder(bad)))).toEqual([
      ["INCONSISTENT_ORDER", "items[0].qty_refunded"],
    ]);
  });
  it("a memo refunding more tax than is left is INCONSISTENT_ORDER at its item", () => {
    const raw = fixture("magento-order-38388.json") as Record<string, unknown>;
    const memos = raw["creditmemos"] as Record<string, unknown>[];
    const third = memos[2] as { items: Record<string, unknown>[] };
    const bad = {
      ...raw,
      creditmemos: [
        memos[0],
        memos[1],
        { ...third, items: [{ ...third.items[0], tax_amount: 19.5, base_tax_amount: 19.5 }] },
      ],
    };
    expect(paths(left(fromMagentoOrder(bad)))).toEqual([
      ["INCONSISTENT_ORDER", "creditmemos[2].items[0].order_item_id"],
    ]);
  });
  it("a bad item price is INVALID_INPUT at items[0].price", () => {
    const raw = fixture("magento-order-38388.json") as Record<string, unknown>;
    const bad = {
      ...raw,
      items: [{ ...(raw["items"] as Record<string, unknown>[])[0], price: "1e3" }],
    };
    expect(paths(left(fromMagentoOrder(bad)))).toEqual([["INVALID_INPUT", "items[0].price"]]);
  });
});

/**
 * §10 with the platforms' published numbers: what refund-core writes for
 * Shopify, Magento and itself, the Shopify GraphQL Admin documents, and
 * Magento's tax-inclusive and partly invoiced orders. Provenance of every
 * fixture: test/adapters/fixtures/README.md.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { toCanonicalRefundRequest } from "../../src/adapters/canonical/request.js";
import { toMagentoCreditMemo, toMagentoRefund } from "../../src/adapters/magento/emit.js";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { fromMagentoRefundRequest } from "../../src/adapters/magento/refund.js";
import { PLATFORMS } from "../../src/adapters/platforms.js";
import {
  toShopifyRefund,
  toShopifyRefundCreateVariables,
} from "../../src/adapters/shopify/emit.js";
import { fromShopifyOrder } from "../../src/adapters/shopify/order.js";
import { fromShopifyRefundRequest } from "../../src/adapters/shopify/refund.js";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import { encodeCreditMemo } from "../../src/json/creditMemo.js";
import { decodeOrder } from "../../src/json/order.js";
import { decodeRefundRequest, encodeRefundRequest } from "../../src/json/refundRequest.js";
import { fixture, left, paths, right } from "./support.js";

describe("Shopify order 450789469: refund line 518995019 with full shipping, written for Shopify", () => {
  const order = right(fromShopifyOrder(fixture("shopify-order-450789469.json")));
  const request = right(fromShopifyRefundRequest(fixture("shopify-calculate-request.json")));
  const memo = right(calculate(order, request, "shopify"));

  it("refunds.json carries Shopify's suggested transaction: 195.67 + 3.98 + 5.00 = 204.65 on capture 801038806", () => {
    // Shopify's calculate response: subtotal 195.67 (199.00 − 3.33), total_tax 3.98, shipping 5.00.
    expect(right(toShopifyRefund(memo, order))).toEqual({
      refund: {
        currency: "USD",
        notify: false,
        shipping: { amount: "5.00" },
        refund_line_items: [{ line_item_id: 518995019, quantity: 1, restock_type: "no_restock" }],
        transactions: [
          { parent_id: 801038806, amount: "204.65", kind: "refund", gateway: "bogus" },
        ],
      },
    });
  });

  it("the GraphQL refundCreate variables name the same refund with global ids", () => {
    expect(right(toShopifyRefundCreateVariables(memo, order))).toEqual({
      input: {
        orderId: "gid://shopify/Order/450789469",
        currency: "USD",
        notify: false,
        shipping: { amount: "5.00" },
        refundLineItems: [
          {
            lineItemId: "gid://shopify/LineItem/518995019",
            quantity: 1,
            restockType: "NO_RESTOCK",
          },
        ],
        transactions: [
          {
            orderId: "gid://shopify/Order/450789469",
            parentId: "gid://shopify/OrderTransaction/801038806",
            amount: "204.65",
            gateway: "bogus",
            kind: "REFUND",
          },
        ],
      },
    });
  });

  it("both read back to the memo Shopify calculated", () => {
    for (const body of [
      right(toShopifyRefund(memo, order)),
      right(toShopifyRefundCreateVariables(memo, order)),
    ]) {
      const again = right(calculate(order, right(fromShopifyRefundRequest(body)), "shopify"));
      expect(encodeCreditMemo(again)).toEqual(encodeCreditMemo(memo));
      expect(encodeCreditMemo(again)["total"]).toBe("204.65");
    }
  });

  it("a refund of transactions only reads as amount-only: 41.94 (what is left after the 209.00 refund)", () => {
    const read = right(
      fromShopifyRefundRequest({
        refund: { transactions: [{ parent_id: 801038806, amount: "41.94", kind: "refund" }] },
      }),
    );
    expect(encodeRefundRequest(read)).toMatchObject({
      lineItems: [],
      amount: "41.94",
      transactions: [{ invoiceId: "801038806", amount: "41.94" }],
    });
  });

  it("a line refunded by an amount (§3.9) is INVALID_INPUT at lineItems[0].amount for Shopify and Magento", () => {
    const line = memo.lineItems[0];
    if (line === undefined) throw new Error("no line");
    const byAmount = { ...memo, lineItems: [{ ...line, amount: line.total }] };
    expect(paths(left(toShopifyRefund(byAmount, order)))).toEqual([
      ["INVALID_INPUT", "lineItems[0].amount"],
    ]);
    expect(paths(left(toMagentoRefund(byAmount, order)))).toContainEqual([
      "INVALID_INPUT",
      "lineItems[0].amount",
    ]);
  });

  it("an adjustment Shopify has no field for is INVALID_INPUT at the memo's field, never dropped", () => {
    const withFee = right(
      calculate(
        order,
        { ...request, adjustmentNegative: { coefficient: 500n, scale: 2 } },
        "shopify",
      ),
    );
    expect(paths(left(toShopifyRefund(withFee, order)))).toEqual([
      ["INVALID_INPUT", "adjustmentNegative"],
    ]);
  });
});

describe("Shopify GraphQL Admin documents", () => {
  it("the GraphQL Order of 450789469 reads as the REST order does (TENOFF 3.34/3.33/3.33, capture 250.94)", () => {
    const rest = right(fromShopifyOrder(fixture("shopify-order-450789469.json")));
    const graphql = right(fromShopifyOrder(fixture("shopify-graphql-order-450789469.json")));
    expect(graphql).toEqual(rest);
    expect(graphql.invoices).toEqual([
      {
        id: "801038806",
        amount: { shop: 25094n, presentment: 25094n },
        gateway: "bogus",
        online: true,
      },
    ]);
  });

  it("a recorded refund (2 chairs: subtotal 489.98, tax 39.20, 529.18 paid back) reads as in REST and audits alike", () => {
    const rest = right(fromShopifyOrder(fixture("shopify-order-per-unit-history.json")));
    const graphql = right(fromShopifyOrder(fixture("shopify-graphql-order-per-unit-history.json")));
    expect(graphql).toEqual(rest);
    const recorded = graphql.refunds[0];
    if (recorded === undefined) throw new Error("no refund read");
    expect(encodeCreditMemo(recorded)).toMatchObject({
      subtotal: "489.98",
      tax: "39.20",
      total: "529.18",
    });
    expect(audit(graphql, "shopify")).toEqual(audit(rest, "shopify"));
  });

  it("a GraphQL refund with refundShippingLines (positive) is the shipping refunded: 195.67 + 3.98 + 5.00 = 204.65, audited clean", () => {
    const doc = fixture("shopify-graphql-order-450789469.json") as {
      data: { order: Record<string, unknown> };
    };
    const usd = (amount: string) => ({
      shopMoney: { amount, currencyCode: "USD" },
      presentmentMoney: { amount, currencyCode: "USD" },
    });
    // Shopify's calculated refund of line 518995019 with full shipping, recorded.
    const refund = {
      id: "gid://shopify/Refund/1",
      refundLineItems: {
        nodes: [
          {
            lineItem: { id: "gid://shopify/LineItem/518995019" },
            quantity: 1,
            restockType: "NO_RESTOCK",
            subtotalSet: usd("195.67"),
            totalTaxSet: usd("3.98"),
          },
        ],
      },
      refundShippingLines: {
        nodes: [{ subtotalAmountSet: usd("5.00"), taxAmountSet: usd("0.00") }],
      },
      transactions: {
        edges: [
          {
            node: {
              id: "gid://shopify/OrderTransaction/2",
              kind: "REFUND",
              status: "SUCCESS",
              amountSet: usd("204.65"),
              parentTransaction: { id: "gid://shopify/OrderTransaction/801038806" },
            },
          },
        ],
      },
    };
    const order = right(
      fromShopifyOrder({ data: { order: { ...doc.data.order, refunds: [refund] } } }),
    );
    const memo = order.refunds[0];
    if (memo === undefined) throw new Error("no refund read");
    expect(encodeCreditMemo(memo)).toMatchObject({
      subtotal: "195.67",
      tax: "3.98",
      shipping: { amount: "5.00", tax: "0.00" },
      total: "204.65",
      transactions: [{ invoiceId: "801038806", amount: "204.65" }],
    });
    expect(right(audit(order, "shopify"))).toMatchObject({ discrepancies: [], rejected: [] });
  });

  it("the refundCreate sample of the GraphQL reference reads: 2 of line 25746870, 10.0 on transaction 723599266", () => {
    const read = right(fromShopifyRefundRequest(fixture("shopify-graphql-refundcreate.json")));
    expect(read).toMatchObject({
      lineItems: [{ lineItemId: "25746870", quantity: 2, restock: "no_restock" }],
      transactions: [{ invoiceId: "723599266", amount: { coefficient: 100n, scale: 1 } }],
      note: "Want to exchange for a different item",
    });
  });

  it("a bad GraphQL amount is INVALID_INPUT at its GraphQL path; a bad REST one at line_items[2].tax_lines[0].price", () => {
    const graphql = fixture("shopify-graphql-order-450789469.json") as {
      data: {
        order: {
          lineItems: {
            edges: { node: { taxLines: { priceSet: { shopMoney: { amount: unknown } } }[] } }[];
          };
        };
      };
    };
    const bad = structuredClone(graphql);
    const taxLine = bad.data.order.lineItems.edges[2]?.node.taxLines[0];
    if (taxLine === undefined) throw new Error("fixture");
    taxLine.priceSet.shopMoney.amount = "3.9x";
    expect(paths(left(fromShopifyOrder(bad)))).toEqual([
      ["INVALID_INPUT", "lineItems.edges[2].node.taxLines[0].priceSet.shopMoney.amount"],
    ]);
    const rest = fixture("shopify-order-450789469.json") as {
      order: { line_items: { tax_lines: Record<string, unknown>[] }[] };
    };
    const badRest = structuredClone(rest);
    const restTax = badRest.order.line_items[2]?.tax_lines[0];
    if (restTax === undefined) throw new Error("fixture");
    restTax["price"] = "3.9x";
    delete restTax["price_set"];
    const errors = left(fromShopifyOrder(badRest));
    expect(paths(errors)).toEqual([["INVALID_INPUT", "line_items[2].tax_lines[0].price"]]);
    expect(errors[0]?.message).toContain("line_items[2].tax_lines[0].price");
  });

  it("a GraphQL input for another order is INVALID_INPUT at input.orderId", () => {
    const order = right(fromShopifyOrder(fixture("shopify-order-450789469.json")));
    expect(
      paths(
        left(PLATFORMS.shopify.readRequest(fixture("shopify-graphql-refundcreate.json"), order)),
      ),
    ).toEqual([["INVALID_INPUT", "input.orderId"]]);
  });

  it("a GraphQL refund input with a negative shipping amount is INVALID_INPUT at input.shipping.amount", () => {
    expect(
      paths(left(fromShopifyRefundRequest({ input: { shipping: { amount: "-1.00" } } }))),
    ).toEqual([["INVALID_INPUT", "input.shipping.amount"]]);
  });
});

describe("Magento tutorial order 5: the refund written for Magento", () => {
  const order = right(fromMagentoOrder(fixture("magento-order-5.json")));
  const tutorialRequest = fixture("magento-refund-order-5.json");
  const memo = right(
    calculate(order, right(fromMagentoRefundRequest(tutorialRequest, order)), "magento"),
  );

  it("is the tutorial's own request, posted to V1/order/5/refund (bank transfer: offline)", () => {
    expect(right(toMagentoRefund(memo, order))).toEqual({ orderId: 5, ...tutorialRequest });
  });

  it("the credit memo entity: subtotal 22, discount −2.20, tax 1.64, grand total 21.44 (22 − 2.20 + 1.64)", () => {
    expect(right(toMagentoCreditMemo(memo, order))).toMatchObject({
      order_id: 5,
      subtotal: 22,
      base_subtotal: 22,
      discount_amount: -2.2,
      tax_amount: 1.64,
      shipping_amount: 0,
      grand_total: 21.44,
      base_grand_total: 21.44,
      items: [
        {
          order_item_id: 3,
          qty: 1,
          price: 22,
          row_total: 22,
          discount_amount: 2.2,
          tax_amount: 1.64,
        },
      ],
    });
  });

  it("attached to the order's creditmemos it reads back as the memo, and the audit finds nothing", () => {
    const entity = right(toMagentoCreditMemo(memo, order));
    const recorded = right(
      fromMagentoOrder({
        ...fixture("magento-order-5.json"),
        items: (fixture("magento-order-5.json")["items"] as Record<string, unknown>[]).map(
          (it) => ({
            ...it,
            qty_refunded: it["item_id"] === 3 ? 1 : 0,
          }),
        ),
        creditmemos: [{ entity_id: 1, ...entity }],
      }),
    );
    const back = recorded.refunds[0];
    if (back === undefined) throw new Error("no memo read");
    for (const field of ["subtotal", "discount", "tax", "total"] as const)
      expect(encodeCreditMemo(back)[field]).toEqual(encodeCreditMemo(memo)[field]);
    expect(right(audit(recorded, "magento"))).toMatchObject({ discrepancies: [], rejected: [] });
  });
});

describe("Magento DiscountTest order paid online: an invoice refund", () => {
  const order = right(
    fromMagentoOrder({
      ...fixture("magento-order-discount-test.json"),
      payment: { method: "braintree" },
    }),
  );

  it("one unit with shipping 0 (discount 40, tax 6, total 66) goes to V1/invoice/10/refund with isOnline", () => {
    const memo = right(
      calculate(
        order,
        right(
          fromMagentoRefundRequest(
            {
              invoiceId: 10,
              items: [{ order_item_id: 1, qty: 1 }],
              arguments: { shipping_amount: 0 },
            },
            order,
          ),
        ),
        "magento",
      ),
    );
    expect(encodeCreditMemo(memo)).toMatchObject({
      discount: "40.00",
      tax: "6.00",
      total: "66.00",
    });
    const body = right(toMagentoRefund(memo, order));
    expect(body).toEqual({
      invoiceId: 10,
      items: [{ order_item_id: 1, qty: 1 }],
      isOnline: true,
      notify: false,
      arguments: { shipping_amount: 0, adjustment_positive: 0, adjustment_negative: 0 },
    });
    expect(right(toMagentoCreditMemo(memo, order))).toMatchObject({
      invoice_id: 10,
      grand_total: 66,
    });
  });

  it("shipping 60 after its 40 discount is sent as Magento's 100 before it", () => {
    // round(100 × 60 / 100) = 60: the reader's conversion gives the net back.
    const memo = right(
      calculate(
        order,
        right(fromMagentoRefundRequest({ items: [], arguments: { shipping_amount: 100 } }, order)),
        "magento",
      ),
    );
    expect(encodeCreditMemo(memo)["shipping"]).toMatchObject({ amount: "60.00", tax: "6.00" });
    expect(right(toMagentoRefund(memo, order))).toMatchObject({
      arguments: { shipping_amount: 100 },
    });
  });

  it("an orderId that names another order is INVALID_INPUT at orderId", () => {
    expect(paths(left(fromMagentoRefundRequest({ orderId: 7, items: [] }, order)))).toEqual([
      ["INVALID_INPUT", "orderId"],
    ]);
  });
});

describe("Magento multi-currency: the entity's base_* side is shop money", () => {
  it("an order in EUR of a USD store: 1 of 2 × 20.00 EUR (18.00 USD) → grand_total 20, base_grand_total 18", () => {
    const order = right(
      fromMagentoOrder({
        entity_id: 9,
        base_currency_code: "USD",
        order_currency_code: "EUR",
        items: [{ item_id: 1, qty_ordered: 2, price: 20, base_price: 18 }],
        payment: { method: "braintree", amount_paid: 40, base_amount_paid: 36 },
        invoices: [{ entity_id: 31, grand_total: 40, base_grand_total: 36 }],
      }),
    );
    const request = right(
      fromMagentoRefundRequest({ items: [{ order_item_id: 1, qty: 1 }] }, order),
    );
    const memo = right(calculate(order, request, "magento"));
    // 1 × 20.00 EUR = 20.00; 1 × 18.00 USD = 18.00; one online payment: an invoice refund.
    expect(right(toMagentoCreditMemo(memo, order))).toMatchObject({
      order_currency_code: "EUR",
      base_currency_code: "USD",
      subtotal: 20,
      base_subtotal: 18,
      grand_total: 20,
      base_grand_total: 18,
      items: [{ order_item_id: 1, qty: 1, price: 20, base_price: 18 }],
    });
    expect(right(toMagentoRefund(memo, order))).toMatchObject({
      invoiceId: 31,
      isOnline: true,
    });
  });

  it("paid online but read without its invoices: no invoice to refund through, INVALID_INPUT", () => {
    const order = right(
      fromMagentoOrder({
        entity_id: 9,
        base_currency_code: "USD",
        items: [{ item_id: 1, qty_ordered: 2, price: 20 }],
        payment: { method: "braintree", amount_paid: 40 },
      }),
    );
    const request = right(
      fromMagentoRefundRequest({ items: [{ order_item_id: 1, qty: 1 }] }, order),
    );
    const memo = right(calculate(order, request, "magento"));
    expect(paths(left(toMagentoRefund(memo, order)))).toEqual([
      ["INVALID_INPUT", "transactions[0].invoiceId"],
    ]);
  });
});

describe("Magento tax-inclusive prices: the Tax module's including_tax_apply_tax_after_discount item", () => {
  const raw = fixture("magento-order-tax-included.json");
  const order = right(fromMagentoOrder(raw));

  it("reads with taxesIncluded: price_incl_tax 29.00, discount 13.18, tax 1.44 contained", () => {
    expect(order.taxesIncluded).toBe(true);
    expect(order.lineItems[0]).toMatchObject({
      price: { shop: 2900n, presentment: 2900n },
      discountAllocations: [{ amount: { shop: 1318n, presentment: 1318n } }],
      taxLines: [{ rate: "0.1", amount: { shop: 144n, presentment: 144n } }],
    });
  });

  it("refunding the item returns what Magento charged: 26.36 + 1.44 + 1.20 − 13.18 = 15.82 = 29.00 − 13.18", () => {
    const memo = encodeCreditMemo(
      right(
        calculate(
          order,
          right(fromMagentoRefundRequest({ items: [{ order_item_id: 1, qty: 1 }] }, order)),
          "magento",
        ),
      ),
    );
    expect(memo).toMatchObject({
      subtotal: "15.82",
      tax: "1.44",
      discount: "13.18",
      total: "15.82",
    });
  });

  it("the credit memo entity of that refund, attached to the order, reads back and audits clean", () => {
    const memo = right(
      calculate(
        order,
        right(fromMagentoRefundRequest({ items: [{ order_item_id: 1, qty: 1 }] }, order)),
        "magento",
      ),
    );
    const entity = right(toMagentoCreditMemo(memo, order));
    expect(entity).toMatchObject({
      subtotal_incl_tax: 29,
      discount_amount: -13.18,
      tax_amount: 1.44,
      grand_total: 15.82,
    });
    const recorded = right(
      fromMagentoOrder({ ...raw, creditmemos: [{ entity_id: 1, ...entity }] }),
    );
    expect(encodeCreditMemo(recorded.refunds[0] ?? memo)["total"]).toBe("15.82");
    expect(recorded.refunds).toHaveLength(1);
    expect(right(audit(recorded, "magento"))).toMatchObject({ discrepancies: [], rejected: [] });
  });

  it("without price_incl_tax the item cannot be read: INVALID_INPUT at items[0].price_incl_tax", () => {
    const items = raw["items"] as Record<string, unknown>[];
    const { price_incl_tax: _p, ...item } = items[0] ?? {};
    expect(paths(left(fromMagentoOrder({ ...raw, items: [item] })))).toEqual([
      ["INVALID_INPUT", "items[0].price_incl_tax"],
    ]);
  });
});

describe("Magento qty_invoiced: only invoiced units are refunded", () => {
  const raw = fixture("magento-order-5.json");
  const items = raw["items"] as Record<string, unknown>[];
  // Order 5 with one of its two tees invoiced: that unit's share is the tutorial memo's (discount 2.20, tax 1.64).
  const partly = {
    ...raw,
    items: items.map((it, i) =>
      i === 0 ? { ...it, qty_invoiced: 1, discount_invoiced: 2.2, tax_invoiced: 1.64 } : it,
    ),
    invoices: [{ entity_id: 3, grand_total: 21.44 }],
  };

  it("one of two tees invoiced: 1 unit refundable, 22.00 − 2.20 + 1.64 = 21.44; 2 units is OVER_REFUND", () => {
    const order = right(fromMagentoOrder(partly));
    expect(order.lineItems[0]?.quantity).toBe(1);
    const one = right(
      calculate(
        order,
        right(
          fromMagentoRefundRequest(
            { items: [{ order_item_id: 3, qty: 1 }], arguments: { shipping_amount: 0 } },
            order,
          ),
        ),
        "magento",
      ),
    );
    expect(encodeCreditMemo(one)["total"]).toBe("21.44");
    const two = left(
      calculate(
        order,
        right(
          fromMagentoRefundRequest(
            { items: [{ order_item_id: 3, qty: 2 }], arguments: { shipping_amount: 0 } },
            order,
          ),
        ),
        "magento",
      ),
    );
    expect(two.map((e) => e.code)).toContain("OVER_REFUND");
  });

  it("fewer units invoiced than ordered needs the invoiced amounts: INVALID_INPUT at items[0].tax_invoiced", () => {
    const { tax_invoiced: _t, ...item } = (partly.items[0] ?? {}) as Record<string, unknown>;
    expect(
      paths(left(fromMagentoOrder({ ...partly, items: [item, ...partly.items.slice(1)] }))),
    ).toEqual([["INVALID_INPUT", "items[0].tax_invoiced"]]);
  });
});

describe("canonical: the §4 request is what refund-core writes for the §6 memo", () => {
  it("order §2, request §4 → memo §6 (21.44) → the §4 request again", () => {
    // examples/magento-tutorial/order.json is the order of spec §2.
    const order = right(
      decodeOrder(JSON.parse(readFileSync("examples/magento-tutorial/order.json", "utf8"))),
    );
    const specRequest = {
      lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }],
      reason: "wrong size",
      notify: true,
    };
    const memo = right(calculate(order, right(decodeRefundRequest(specRequest))));
    expect(encodeCreditMemo(memo)["total"]).toBe("21.44");
    const emitted = toCanonicalRefundRequest(memo, order);
    expect(emitted).toEqual(encodeRefundRequest(right(decodeRefundRequest(specRequest))));
    expect(PLATFORMS.canonical.emitRequest(memo, order)).toEqual(E.right(emitted));
  });

  it("apply --emit: the order applyRefund returns (the memo recorded on it) gives the same request", () => {
    const order = right(
      decodeOrder(JSON.parse(readFileSync("examples/magento-tutorial/order.json", "utf8"))),
    );
    // Everything: counted twice, the memo would leave no money to suggest and the payout would change.
    const request = right(decodeRefundRequest({ full: true }));
    const applied = right(applyRefund(order, request));
    expect(encodeCreditMemo(applied.creditMemo)["total"]).toBe("59.37");
    for (const name of ["canonical", "shopify", "magento"] as const)
      expect(PLATFORMS[name].emitRequest(applied.creditMemo, applied.order)).toEqual(
        PLATFORMS[name].emitRequest(applied.creditMemo, order),
      );
  });
});

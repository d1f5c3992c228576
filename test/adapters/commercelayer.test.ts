/**
 * Commerce Layer, both ways (§10), on Commerce Layer's own published
 * numbers: the order NMWYhbGorj of the app-elements mocks (a €100 gift card
 * spread over two SKU lines, a €10 payment method, one €154 capture) and
 * the API reference's capture sample (1500 captured, 500 refunded, balance
 * 1000). Sources: test/adapters/fixtures/README.md.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromCommerceLayerOrder } from "../../src/adapters/commercelayer/order.js";
import {
  fromCommerceLayerRefundRequest,
  toCommerceLayerRefundRequest,
} from "../../src/adapters/commercelayer/refund.js";
import { PLATFORMS } from "../../src/adapters/platforms.js";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { invoice, line, memoOf, order, request, show, usd } from "../support/builders.js";
import { left, paths, right } from "./results.js";

const fixture = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      new URL("./fixtures/commercelayer/order-NMWYhbGorj.json", import.meta.url),
      "utf8",
    ),
  );

const eur = (b: Parameters<typeof show>[0]) => show(b, "EUR");

/** The fixture with one included resource's attributes changed. */
function withAttributes(index: number, change: Record<string, unknown>): Record<string, unknown> {
  const doc = fixture();
  const included = doc["included"] as { attributes: Record<string, unknown> }[];
  const target = included[index];
  if (target === undefined) throw new Error("no such resource");
  target.attributes = { ...target.attributes, ...change };
  return doc;
}

describe("Commerce Layer order NMWYhbGorj (app-elements mock)", () => {
  const order = right(fromCommerceLayerOrder(fixture()));

  it("reads the SKU lines with the gift card spread as discounts, the payment method as a fee, and only the capture that succeeded", () => {
    expect(order.id).toBe("NMWYhbGorj");
    expect(order.currency).toBe("EUR");
    expect(order.taxesIncluded).toBe(true);
    // included[2] payment_methods 1000; [5] 5 × 2900 with −5943 of vaoMtAZlXy; [6] 1 × 9900 with −4057.
    expect(
      order.lineItems.map((l) => [
        l.id,
        l.sku,
        l.quantity,
        eur(l.price),
        l.discountAllocations.map((d) => [d.title, eur(d.amount)]),
      ]),
    ).toEqual([
      ["kmnptjPlBv", undefined, 1, "10.00", []],
      ["NoEntBwEdk", "TSHIRTMMFFFFFF000000XLXX", 5, "29.00", [["Gift card: €100,00", "59.43"]]],
      ["NlQmtMAnGy", "CANVASAU000000FFFFFF1824", 1, "99.00", [["Gift card: €100,00", "40.57"]]],
    ]);
    // The two shipments cost nothing; the gift card line itself (−10000) is not counted again.
    expect(order.shippingLines.map((s) => [s.id, eur(s.price)])).toEqual([
      ["vWEZtMGVKy", "0.00"],
      ["NqYatGaKnN", "0.00"],
    ]);
    // Capture kyAnxUgegE succeeded (154.00); vcAnxfaiLc failed and collected nothing.
    expect(order.invoices.map((i) => [i.id, eur(i.amount), i.online])).toEqual([
      ["kyAnxUgegE", "154.00", true],
    ]);
    // 10.00 + (145.00 − 59.43) + (99.00 − 40.57) = 10.00 + 85.57 + 58.43 = 154.00 = the capture.
    expect(eur(moneyLeft(order))).toBe("154.00");
  });

  it("a full refund returns the capture's 154.00 and is sent as one capture refund of 15400 cents", () => {
    const memo = memoOf(calculate(order, request({ full: true })));
    expect(eur(memo.total)).toBe("154.00");
    expect(memo.transactions.map((t) => [t.invoiceId, eur(t.amount)])).toEqual([
      ["kyAnxUgegE", "154.00"],
    ]);
    expect(right(toCommerceLayerRefundRequest(memo, order))).toEqual({
      data: {
        type: "captures",
        id: "kyAnxUgegE",
        attributes: { _refund: true, _refund_amount_cents: 15400 },
      },
    });
  });

  it("2 of the 5 T-shirts: discount round(59.43 × 2/5) = 23.77, refund 58.00 − 23.77 = 34.23 (tax included, 0)", () => {
    const memo = memoOf(
      calculate(
        order,
        request({ lineItems: [{ lineItemId: "NoEntBwEdk", quantity: 2, restock: "return" }] }),
      ),
    );
    expect([eur(memo.discount), eur(memo.subtotal), eur(memo.total)]).toEqual([
      "23.77",
      "34.23",
      "34.23",
    ]);
    const sent = right(toCommerceLayerRefundRequest(memo, order));
    expect(sent).toEqual({
      data: {
        type: "captures",
        id: "kyAnxUgegE",
        attributes: { _refund: true, _refund_amount_cents: 3423 },
      },
    });
    // Read back: an amount-only refund of the same 34.23 through the same capture.
    const back = memoOf(calculate(order, right(fromCommerceLayerRefundRequest(sent, order))));
    expect([eur(back.total), back.lineItems.length, eur(back.adjustmentPositive)]).toEqual([
      "34.23",
      0,
      "34.23",
    ]);
    expect(back.transactions).toEqual(memo.transactions);
  });

  it("refunds already made are read back from the capture's balance and audit clean", () => {
    const refunded = withAttributes(11, { refund_balance_cents: 10000 });
    const read = right(fromCommerceLayerOrder(refunded));
    // 15400 − 10000 = 5400 refunded before: one amount-only memo of 54.00 on the capture.
    expect(read.refunds.map((m) => [m.id, eur(m.total), m.lineItems.length])).toEqual([
      ["kyAnxUgegE-refunded", "54.00", 0],
    ]);
    expect(eur(moneyLeft(read))).toBe("100.00");
    const report = right(audit(read));
    expect(report.discrepancies).toEqual([]);
    expect(report.rejected).toEqual([]);
  });

  it("a refund applied with refund-core and written back as the capture's balance reads back as the same money", () => {
    const applied = right(
      applyRefund(order, request({ amount: { coefficient: 2000n, scale: 2 } })),
    );
    const balance = moneyLeft(applied.order).presentment; // 154.00 − 20.00 = 134.00
    expect(balance).toBe(13400n);
    const read = right(fromCommerceLayerOrder(withAttributes(11, { refund_balance_cents: 13400 })));
    expect(moneyLeft(read)).toEqual(moneyLeft(applied.order));
    expect(right(audit(read)).discrepancies).toEqual([]);
  });
});

describe("Commerce Layer capture sample xYZkjABcde (API reference: 1500 captured, balance 1000)", () => {
  // The capture's numbers are the reference's; the one €15.00 line is ours, to give it an order.
  const document = {
    data: { type: "orders", id: "o1", attributes: { currency_code: "EUR" } },
    included: [
      {
        type: "line_items",
        id: "l1",
        attributes: {
          item_type: "skus",
          sku_code: "TSHIRTMM000000FFFFFFXLXX",
          quantity: 1,
          unit_amount_cents: 1500,
          total_amount_cents: 1500,
        },
      },
      {
        type: "captures",
        id: "xYZkjABcde",
        attributes: {
          currency_code: "EUR",
          amount_cents: 1500,
          succeeded: true,
          refund_amount_cents: 500,
          refund_balance_cents: 1000,
        },
      },
    ],
  };
  const order = right(fromCommerceLayerOrder(document));
  const patch = (attributes: Record<string, unknown>) => ({
    data: { type: "captures", id: "xYZkjABcde", attributes: { _refund: true, ...attributes } },
  });

  it("1500 − 1000 = 500 already refunded, 10.00 left", () => {
    expect(order.refunds.map((m) => [m.id, eur(m.total)])).toEqual([
      ["xYZkjABcde-refunded", "5.00"],
    ]);
    expect(eur(moneyLeft(order))).toBe("10.00");
  });

  it("an included refund of the capture is that memo; refunds that do not add up to the balance are INCONSISTENT_ORDER", () => {
    // The "Create a refund" sample's attributes (amount_cents "1500", succeeded "false", as strings):
    // a refund that did not succeed returned nothing.
    const refund = (id: string, cents: string, succeeded: string) => ({
      type: "refunds",
      id,
      attributes: { amount_cents: cents, succeeded },
      relationships: { reference_capture: { data: { type: "captures", id: "xYZkjABcde" } } },
    });
    const withRefunds = (...refunds: unknown[]) => ({
      ...document,
      included: [...document.included, ...refunds],
    });
    const listed = right(
      fromCommerceLayerOrder(
        withRefunds(refund("xYZkjABcde", "1500", "false"), refund("r1", "500", "true")),
      ),
    );
    expect(listed.refunds.map((m) => [m.id, eur(m.total)])).toEqual([["r1", "5.00"]]);
    expect(paths(left(fromCommerceLayerOrder(withRefunds(refund("r1", "400", "true")))))).toEqual([
      ["INCONSISTENT_ORDER", "included[1].attributes.refund_balance_cents"],
    ]);
  });

  it("without _refund_amount_cents the whole balance, 10.00, is refunded", () => {
    const memo = memoOf(calculate(order, right(fromCommerceLayerRefundRequest(patch({}), order))));
    expect([eur(memo.total), eur(memo.transactions[0]!.maximumRefundable)]).toEqual([
      "10.00",
      "10.00",
    ]);
  });

  it("more than the balance is OVER_REFUND with the balance as maximum", () => {
    const req = right(fromCommerceLayerRefundRequest(patch({ _refund_amount_cents: 1100 }), order));
    const errors = left(calculate(order, req));
    expect(errors).toContainEqual(
      // The capture is all the order's money, so the order's money left (10.00) is the bound.
      expect.objectContaining({ code: "OVER_REFUND", requested: "11.00", maximum: "10.00" }),
    );
  });

  it("the older refund resource (amount_cents, reference_capture) reads the same", () => {
    const older = {
      data: {
        type: "refunds",
        attributes: { amount_cents: "500" },
        relationships: { reference_capture: { data: { type: "captures", id: "xYZkjABcde" } } },
      },
    };
    expect(right(fromCommerceLayerRefundRequest(older, order))).toEqual(
      right(fromCommerceLayerRefundRequest(patch({ _refund_amount_cents: 500 }), order)),
    );
  });

  it("an unknown capture is UNKNOWN_INVOICE at data.id; _refund false is refused", () => {
    const unknown = { data: { type: "captures", id: "nope", attributes: { _refund: true } } };
    expect(paths(left(fromCommerceLayerRefundRequest(unknown, order)))).toEqual([
      ["UNKNOWN_INVOICE", "data.id"],
    ]);
    expect(paths(left(fromCommerceLayerRefundRequest(patch({ _refund: false }), order)))).toEqual([
      ["INVALID_INPUT", "data.attributes._refund"],
    ]);
    expect(
      paths(left(fromCommerceLayerRefundRequest(patch({ _refund_amount_cents: 1.5 }), order))),
    ).toEqual([["INVALID_INPUT", "data.attributes._refund_amount_cents"]]);
  });

  it("is the commercelayer platform, default policy, recognised as an order document", () => {
    const platform = PLATFORMS.commercelayer;
    expect(platform.policy).toBe("default");
    expect(platform.looksLikeOrder(document)).toBe(true);
    expect(platform.looksLikeOrder({ id: "5", lineItems: [] })).toBe(false);
    expect(E.isRight(platform.readOrder(document))).toBe(true);
  });
});

describe("Commerce Layer problems at Commerce Layer paths", () => {
  it("a discount_breakdown that does not add up to discount_cents is INCONSISTENT_ORDER there", () => {
    const errors = left(fromCommerceLayerOrder(withAttributes(5, { discount_cents: -5000 })));
    expect(paths(errors)).toContainEqual([
      "INCONSISTENT_ORDER",
      "included[5].attributes.discount_cents",
    ]);
  });

  it("a gift card not spread over the lines cannot be honoured: INVALID_INPUT at its total", () => {
    const doc = withAttributes(5, { discount_breakdown: null, discount_cents: 0 });
    const errors = left(fromCommerceLayerOrder(doc));
    // 10000 of the card, 4057 spread (on the canvas only).
    expect(paths(errors)).toContainEqual([
      "INVALID_INPUT",
      "included[1].attributes.total_amount_cents",
    ]);
  });

  it("cents that are not whole, or a line total that is not unit × quantity", () => {
    expect(
      paths(left(fromCommerceLayerOrder(withAttributes(6, { unit_amount_cents: 99.5 })))),
    ).toEqual([["INVALID_INPUT", "included[6].attributes.unit_amount_cents"]]);
    expect(paths(left(fromCommerceLayerOrder(withAttributes(5, { quantity: 4 }))))).toContainEqual([
      "INVALID_INPUT",
      "included[5].attributes.total_amount_cents",
    ]);
  });

  it("an unknown currency, a missing data, an unknown kind of line, a line in another currency", () => {
    const doc = fixture();
    (doc["data"] as { attributes: Record<string, unknown> }).attributes["currency_code"] = "XXX1";
    expect(paths(left(fromCommerceLayerOrder(doc)))).toEqual([
      ["INVALID_INPUT", "data.attributes.currency_code"],
    ]);
    expect(paths(left(fromCommerceLayerOrder({})))).toEqual([["INVALID_INPUT", "data"]]);
    expect(paths(left(fromCommerceLayerOrder(withAttributes(2, { item_type: "taxes" }))))).toEqual([
      ["INVALID_INPUT", "included[2].attributes.item_type"],
    ]);
    expect(
      paths(left(fromCommerceLayerOrder(withAttributes(6, { currency_code: "USD" })))),
    ).toEqual([["INCONSISTENT_ORDER", "included[6].attributes.currency_code"]]);
  });

  it("an amount beyond JSON's exact integers (2^53 cents) cannot be sent", () => {
    // 10^16 cents = 100,000,000,000,000.00: above 2^53 = 9,007,199,254,740,992.
    const huge = order({
      lineItems: [line("l1", 1, "100000000000000.00")],
      invoices: [invoice("cap", "100000000000000.00")],
    });
    const memo = memoOf(calculate(huge, request({ full: true })));
    expect(paths(left(toCommerceLayerRefundRequest(memo, huge)))).toEqual([
      ["INVALID_INPUT", "transactions[0].amount"],
    ]);
  });

  it("a memo paid back offline or with nothing to pay out cannot be sent", () => {
    const order = right(fromCommerceLayerOrder(fixture()));
    const memo = memoOf(calculate(order, request({ full: true })));
    const offline = {
      ...memo,
      transactions: memo.transactions.map((t) => ({ ...t, online: false })),
    };
    expect(paths(left(toCommerceLayerRefundRequest(offline, order)))).toEqual([
      ["INVALID_INPUT", "transactions[0]"],
    ]);
    expect(
      paths(
        left(toCommerceLayerRefundRequest({ ...memo, transactions: [], total: usd("0") }, order)),
      ),
    ).toEqual([["INVALID_INPUT", "transactions"]]);
  });
});

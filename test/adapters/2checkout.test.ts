/**
 * 2Checkout, both ways (§10), on 2Checkout's own published samples: the
 * REST order object of the API documentation (RefNo 1234567, one
 * subscription of 384.45 BRL), the Avangate order sample 11316734 (whose
 * net price is not its unit price times its quantity) and the `issueRefund`
 * parameters of the "Refund an order" page. Sources:
 * test/adapters/fixtures/2checkout/README.md.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromTwoCheckoutOrder } from "../../src/adapters/2checkout/order.js";
import {
  fromTwoCheckoutRefundRequest,
  toTwoCheckoutRefundRequest,
} from "../../src/adapters/2checkout/refund.js";
import { PLATFORMS } from "../../src/adapters/platforms.js";
import { audit } from "../../src/audit/audit.js";
import { calculate } from "../../src/calculate.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { memoOf, request, show } from "../support/builders.js";
import { left, paths, right } from "./results.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/2checkout/${name}`, import.meta.url), "utf8"));

const brl = (b: Parameters<typeof show>[0]) => show(b, "BRL");

describe("2Checkout REST order sample 1234567", () => {
  const published = fixture("order-1234567.json");
  const pending = right(fromTwoCheckoutOrder(published));
  // The same order once its payment is collected: only Status differs from the sample.
  const paid = right(fromTwoCheckoutOrder({ ...published, Status: "COMPLETE" }));

  it("reads the subscription: 1 × 384.45 BRL, no discount, no VAT, product code as sku", () => {
    expect(pending.id).toBe("1234567");
    expect(pending.currency).toBe("BRL");
    expect(
      pending.lineItems.map((l) => [
        l.id,
        l.sku,
        l.title,
        l.quantity,
        brl(l.price),
        l.taxLines.length,
      ]),
    ).toEqual([
      ["my_subscription_1", "my_subscription_1", "2Checkout Subscription", 1, "384.45", 0],
    ]);
  });

  it("a PENDING order has collected nothing: any refund is NOT_PAID, as 2Checkout refunds only collected payments", () => {
    expect(pending.invoices).toEqual([]);
    const req = right(
      fromTwoCheckoutRefundRequest({ RefNo: "1234567", Amount: 10, Reason: "Other" }, pending),
    );
    expect(left(calculate(pending, req)).map((e) => e.code)).toContain("NOT_PAID");
  });

  it("once COMPLETE: one online 2checkout invoice of the order's GrossDiscountedPrice, 384.45", () => {
    expect(paid.invoices.map((i) => [i.id, brl(i.amount), i.gateway, i.online])).toEqual([
      ["1234567", "384.45", "2checkout", true],
    ]);
  });

  it("Amount 384.45 with no Items is the total refund; Amount 100 a partial refund of 100.00", () => {
    const total = right(
      fromTwoCheckoutRefundRequest(
        { RefNo: "1234567", Amount: 384.45, Reason: "Unwanted auto-renewal" },
        paid,
      ),
    );
    expect(total.full).toBe(true);
    const memo = memoOf(calculate(paid, total));
    expect([brl(memo.total), memo.lineItems.length, memo.reason]).toEqual([
      "384.45",
      1,
      "Unwanted auto-renewal",
    ]);
    // Sent back as the total refund it is: no Items.
    expect(right(toTwoCheckoutRefundRequest(memo, paid))).toEqual({
      RefNo: "1234567",
      Amount: 384.45,
      Reason: "Unwanted auto-renewal",
    });
    const partial = memoOf(
      calculate(
        paid,
        right(
          fromTwoCheckoutRefundRequest({ RefNo: "1234567", Amount: 100, Reason: "Other" }, paid),
        ),
      ),
    );
    expect([brl(partial.total), brl(partial.adjustmentPositive), partial.lineItems.length]).toEqual(
      ["100.00", "100.00", 0],
    );
  });

  it("Items[].Amount is the gross line amount: 384.45, what the one subscription is worth, refunds that unit", () => {
    const items = (amount: number) => ({
      RefNo: "1234567",
      Amount: amount,
      Reason: "Other",
      Items: [{ ProductCode: "my_subscription_1", Quantity: 1, Amount: amount }],
    });
    const whole = right(fromTwoCheckoutRefundRequest(items(384.45), paid));
    expect(whole.lineItems).toEqual([
      { sku: "my_subscription_1", quantity: 1, restock: "no_restock" },
    ]);
    expect(brl(memoOf(calculate(paid, whole)).total)).toBe("384.45");
    // 300.00 of a 384.45 item is money against the line (§3.9), and the total's check.
    const part = right(fromTwoCheckoutRefundRequest(items(300), paid));
    expect(part.lineItems).toEqual([
      {
        sku: "my_subscription_1",
        quantity: 1,
        restock: "no_restock",
        amount: { coefficient: 30000n, scale: 2 },
      },
    ]);
    expect(part.amount).toEqual({ coefficient: 30000n, scale: 2 });
  });
});

describe("2Checkout order statuses", () => {
  const published = fixture("order-1234567.json");
  it.each(["REFUND", "REVERSED"])(
    "%s: the 384.45 collected went back whole — one memo of the total, nothing left, the audit clean",
    (status) => {
      const order = right(fromTwoCheckoutOrder({ ...published, Status: status }));
      expect(order.refunds.map((m) => [m.id, brl(m.total), m.lineItems.length])).toEqual([
        ["1234567-refunded", "384.45", 0],
      ]);
      expect(brl(moneyLeft(order))).toBe("0.00");
      expect(right(audit(order)).discrepancies).toEqual([]);
    },
  );

  it("a JSON-RPC response {result: order} reads as the order and looks like a 2Checkout order", () => {
    expect(right(fromTwoCheckoutOrder({ jsonrpc: "2.0", id: 1, result: published })).id).toBe(
      "1234567",
    );
    expect(PLATFORMS["2checkout"].looksLikeOrder({ result: published })).toBe(true);
  });
});

describe("Avangate order sample 11316734", () => {
  it("its NetPrice 179.55 is not UnitNetPrice 19.95 × Quantity 5 (= 99.75): INCONSISTENT_ORDER, never a guess", () => {
    const errors = left(fromTwoCheckoutOrder(fixture("order-11316734.json")));
    expect(paths(errors)).toContainEqual(["INCONSISTENT_ORDER", "Items[0].Price.NetPrice"]);
  });
});

describe("2Checkout issueRefund sample 721924012", () => {
  // The parameters are the documentation's; the order they refund (one 26.00 item) is ours.
  const order = right(
    fromTwoCheckoutOrder({
      RefNo: "721924012",
      Currency: "usd",
      Status: "COMPLETE",
      Items: [{ Code: "AUTO-RENEWAL", Quantity: 1, Price: { UnitNetPrice: 26, NetPrice: 26 } }],
    }),
  );
  const params = fixture("issueRefund-721924012.json");

  it("Amount 26.00, the whole order, no Items: a total refund with the Reason and Comment carried", () => {
    const req = right(fromTwoCheckoutRefundRequest(params, order));
    expect([req.full, req.reason, req.note]).toEqual([
      true,
      "Unwanted auto-renewal",
      "Let us know if you are satisfied with the refund process",
    ]);
    const memo = memoOf(calculate(order, req));
    expect(show(memo.total)).toBe("26.00");
    expect(right(toTwoCheckoutRefundRequest(memo, order))).toEqual(params);
  });

  it("another order's RefNo, a missing Amount, an item named by nothing are INVALID_INPUT at their paths", () => {
    expect(paths(left(fromTwoCheckoutRefundRequest({ ...params, RefNo: "1" }, order)))).toEqual([
      ["INVALID_INPUT", "RefNo"],
    ]);
    const { Amount: _, ...noAmount } = params;
    expect(paths(left(fromTwoCheckoutRefundRequest(noAmount, order)))).toEqual([
      ["INVALID_INPUT", "Amount"],
    ]);
    expect(
      paths(
        left(
          fromTwoCheckoutRefundRequest(
            {
              ...params,
              Items: [
                { Quantity: 1, Amount: "26.00" },
                { ProductCode: "X", Quantity: "one", Amount: 1 },
              ],
            },
            order,
          ),
        ),
      ),
    ).toEqual([["INVALID_INPUT", "Items[1].Quantity"]]);
  });
});

describe("2Checkout items with VAT (examples/2checkout-items)", () => {
  // 3 hosting seats × 9.99 (VAT 2.10 = 7 % of 29.97, rounded) and an SSL certificate 49.00 (VAT 3.43).
  const order = right(
    fromTwoCheckoutOrder({
      RefNo: "715948211",
      Currency: "usd",
      Status: "COMPLETE",
      Items: [
        {
          Code: "HOSTING-BASIC",
          Quantity: 3,
          Price: { UnitNetPrice: 9.99, NetPrice: 29.97, VAT: 2.1, GrossDiscountedPrice: 32.07 },
        },
        { Code: "SSL-CERT", Quantity: "1", Price: { NetPrice: "49.00", VAT: "3.43" } },
      ],
      GrossDiscountedPrice: 84.5,
    }),
  );

  it("paid 29.97 + 2.10 + 49.00 + 3.43 = 84.50", () => {
    expect(show(moneyLeft(order))).toBe("84.50");
  });

  it("2 seats: 19.98 + round(2.10 × 2/3) = 19.98 + 1.40 = 21.38, sent as Items with that line amount", () => {
    const params = {
      RefNo: "715948211",
      Amount: 21.38,
      Reason: "Customer changed plan",
      Comment: "Two seats were never used.",
      Items: [{ ProductCode: "HOSTING-BASIC", Quantity: 2, Amount: 21.38 }],
    };
    const memo = memoOf(calculate(order, right(fromTwoCheckoutRefundRequest(params, order))));
    expect([show(memo.subtotal), show(memo.tax), show(memo.total)]).toEqual([
      "19.98",
      "1.40",
      "21.38",
    ]);
    expect(right(toTwoCheckoutRefundRequest(memo, order))).toEqual(params);
    // Clients that send the order's total (84.50) as Amount mean no check.
    expect(
      E.isRight(
        calculate(order, right(fromTwoCheckoutRefundRequest({ ...params, Amount: 84.5 }, order))),
      ),
    ).toBe(true);
    // Any other Amount contradicts the Items.
    expect(paths(left(fromTwoCheckoutRefundRequest({ ...params, Amount: 20 }, order)))).toEqual([
      ["INVALID_INPUT", "Amount"],
    ]);
  });

  it("what 2Checkout cannot take is refused: no reason, an adjustment beside items", () => {
    const memo = memoOf(
      calculate(
        order,
        request({ lineItems: [{ sku: "SSL-CERT", quantity: 1, restock: "no_restock" }] }),
      ),
    );
    expect(paths(left(toTwoCheckoutRefundRequest(memo, order)))).toEqual([
      ["INVALID_INPUT", "reason"],
    ]);
    const adjusted = memoOf(
      calculate(
        order,
        request({
          lineItems: [{ sku: "SSL-CERT", quantity: 1, restock: "no_restock" }],
          adjustmentNegative: { coefficient: 500n, scale: 2 },
          reason: "Restocking fee",
        }),
      ),
    );
    expect(paths(left(toTwoCheckoutRefundRequest(adjusted, order)))).toEqual([
      ["INVALID_INPUT", "adjustmentPositive"],
    ]);
  });

  it("an amount a double cannot hold exactly is refused on writing", () => {
    // 10^15 cents: 10,000,000,000,000.00 has 17 significant digits.
    const huge = right(
      fromTwoCheckoutOrder({
        RefNo: "1",
        Currency: "usd",
        Status: "COMPLETE",
        Items: [{ Code: "X", Quantity: 1, Price: { NetPrice: "10000000000000.00" } }],
      }),
    );
    const memo = memoOf(calculate(huge, request({ full: true, reason: "Other" })));
    expect(paths(left(toTwoCheckoutRefundRequest(memo, huge)))).toEqual([
      ["INVALID_INPUT", "total"],
    ]);
  });

  it("is the 2checkout platform, default policy, recognised by RefNo and Items", () => {
    const platform = PLATFORMS["2checkout"];
    expect(platform.policy).toBe("default");
    expect(platform.looksLikeOrder(fixture("order-1234567.json"))).toBe(true);
    expect(platform.looksLikeOrder({ data: { type: "orders" } })).toBe(false);
  });
});

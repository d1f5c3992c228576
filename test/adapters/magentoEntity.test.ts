/**
 * §10 "toPlatform(fromPlatform(x)) keeps every amount" for what Magento
 * stores: a memo computed on a Magento order, written as the credit memo
 * entity Magento would keep (`toMagentoCreditMemo`) and attached to the
 * order's `creditmemos`, reads back through `fromMagentoOrder` with every
 * amount it had — lines, shipping, adjustments, totals, payout — over
 * generated orders of Magento's shape (one discount and one tax per item,
 * one shipping line, no duties, one payment method).
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";
import { toMagentoCreditMemo } from "../../src/adapters/magento/emit.js";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeCreditMemo } from "../../src/json/creditMemo.js";
import { findCurrency } from "../../src/money/currency.js";
import { formatMinorUnits } from "../../src/money/decimal.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { RUNS } from "../properties/support.js";

/** A generated order as the Magento order entity (with its invoices) that reads back to it. */
function magentoJson(order: Order, online: boolean): Record<string, unknown> {
  const text = (minor: bigint, code: string) =>
    formatMinorUnits(minor, findCurrency(code) ?? { code, exponent: 2 });
  const pair = (name: string, bag: MoneyBag | undefined) =>
    bag === undefined
      ? {}
      : {
          [name]: text(bag.presentment, order.presentmentCurrency),
          [`base_${name}`]: text(bag.shop, order.currency),
        };
  const shipping = order.shippingLines[0];
  return {
    entity_id: order.id,
    base_currency_code: order.currency,
    order_currency_code: order.presentmentCurrency,
    items: order.lineItems.map((line) => ({
      item_id: line.id,
      qty_ordered: line.quantity,
      qty_shipped: line.fulfilledQuantity,
      ...pair("price", line.price),
      ...pair("discount_amount", line.discountAllocations[0]?.amount),
      ...pair("tax_amount", line.taxLines[0]?.amount),
    })),
    ...(shipping === undefined
      ? {}
      : {
          ...pair("shipping_amount", shipping.price),
          ...pair("shipping_discount_amount", shipping.discountAllocations[0]?.amount),
          ...pair("shipping_tax_amount", shipping.taxLines[0]?.amount),
        }),
    payment: { method: online ? "braintree" : "checkmo" },
    invoices: order.invoices.map((invoice) => ({
      entity_id: invoice.id,
      ...pair("grand_total", invoice.amount),
    })),
  };
}

/** What a Magento credit memo records: every amount, not the restock, notes or id. */
const amounts = (memo: CreditMemo) => {
  const {
    id: _id,
    reason: _r,
    note: _n,
    notify: _y,
    idempotencyKey: _k,
    lineItems,
    ...rest
  } = encodeCreditMemo(memo);
  return {
    ...rest,
    lineItems: (lineItems as unknown as Record<string, unknown>[]).map(
      ({ restock: _s, locationId: _l, ...line }) => line,
    ),
  };
};

test.prop(
  [
    generatedOrderArb({ coverage: ["exact", "partial"], oddIds: false, maxShippingLines: 1 }),
    fc.boolean(),
    stepChoiceArb({ refundDuties: false }),
  ],
  RUNS,
)(
  "a memo written as Magento's credit memo entity reads back with every amount",
  (generated, online, step) => {
    const read = fromMagentoOrder(magentoJson(generated.order, online));
    // Orders Magento's shape cannot hold (a line of zero price and no money is a child item) are skipped.
    if (E.isLeft(read)) return;
    const order = read.right;
    const request = validRequest(order, step);
    if (request === undefined) return;
    const memo = calculate(
      order,
      {
        ...request,
        lineItems: request.lineItems.map((l) => ({ ...l, restock: "no_restock" as const })),
      },
      "magento",
    );
    if (E.isLeft(memo)) return;
    const entity = toMagentoCreditMemo(memo.right, order);
    // A payout Magento cannot record (neither the invoices in order nor one online invoice) is refused.
    if (E.isLeft(entity)) {
      expect(entity.left.map((e) => ("path" in e ? e.path : ""))).toEqual(["transactions"]);
      return;
    }
    const json = JSON.parse(JSON.stringify(entity.right)) as Record<string, unknown>;
    const recorded = fromMagentoOrder({
      ...magentoJson(generated.order, online),
      creditmemos: [{ entity_id: "cm-1", ...json }],
    });
    if (E.isLeft(recorded))
      expect.fail(`not read back: ${JSON.stringify(recorded.left)} from ${JSON.stringify(json)}`);
    const back = recorded.right.refunds[0];
    if (back === undefined) expect.fail("no memo read back");
    expect(amounts(back)).toEqual(amounts(memo.right));
  },
);

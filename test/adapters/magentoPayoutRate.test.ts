/**
 * §3.8 (v2) through Magento's credit memo entity: a memo read back from the
 * entity has the transactions' shop sides `calculate` gave them — each at
 * its invoice's own rate — not the entity's `base_grand_total` (the memo's
 * shop total). The counterexample of the round-trip property in
 * magentoEntity.test.ts, worked by hand.
 */
import * as E from "fp-ts/lib/Either.js";
import { expect, it } from "vitest";
import { toMagentoCreditMemo } from "../../src/adapters/magento/emit.js";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { calculate } from "../../src/calculate.js";
import { request } from "../support/builders.js";

// A JPY shop selling in KWD: one item of 0 JPY / 0.004 KWD, one online
// (braintree) invoice of 1 JPY / 0.004 KWD (the yen is the invoice's, not the item's).
const magentoOrder = {
  entity_id: "order-1",
  base_currency_code: "JPY",
  order_currency_code: "KWD",
  items: [{ item_id: "L0", qty_ordered: 1, qty_shipped: 0, price: "0.004", base_price: "0" }],
  payment: { method: "braintree" },
  invoices: [{ entity_id: "I0", grand_total: "0.004", base_grand_total: "1" }],
};

it("a memo read back from its Magento entity keeps the transaction's shop side at the invoice's rate", () => {
  const order = fromMagentoOrder(magentoOrder);
  if (E.isLeft(order)) return expect.fail(JSON.stringify(order.left));
  const memo = calculate(
    order.right,
    request({ lineItems: [{ lineItemId: "L0", quantity: 1, restock: "no_restock" }] }),
    "magento",
  );
  if (E.isLeft(memo)) return expect.fail(JSON.stringify(memo.left));
  // Total: 0 JPY / 0.004 KWD (the item's price). The transaction takes all
  // 4 fils the invoice has (P = 4), so it takes all of its S = 1 yen; the
  // exchange difference is 1 − 0 = 1 yen.
  expect(memo.right.total).toEqual({ shop: 0n, presentment: 4n });
  expect(memo.right.transactions.map((t) => t.amount)).toEqual([{ shop: 1n, presentment: 4n }]);
  expect(memo.right.exchangeDifference).toBe(1n);
  const entity = toMagentoCreditMemo(memo.right, order.right);
  if (E.isLeft(entity)) return expect.fail(JSON.stringify(entity.left));
  // The entity records base_grand_total 0 (the memo's shop total), not the
  // transaction's 1 yen; reading it back converts 4 fils at I0's rate again:
  // all of P → all of S = 1 yen, exchange difference 1 − 0 = 1.
  const back = fromMagentoOrder({
    ...magentoOrder,
    creditmemos: [{ entity_id: "cm-1", ...JSON.parse(JSON.stringify(entity.right)) }],
  });
  if (E.isLeft(back)) return expect.fail(JSON.stringify(back.left));
  const read = back.right.refunds[0];
  expect(read?.transactions.map((t) => t.amount)).toEqual([{ shop: 1n, presentment: 4n }]);
  expect(read?.exchangeDifference).toBe(1n);
});

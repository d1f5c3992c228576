/**
 * The benchmark scenarios: fixed orders and requests, generated from fixed
 * seeds so that every run measures the same data.
 */
import * as E from "fp-ts/lib/Either.js";
import { applyRefund } from "../src/applyRefund.js";
import type { LineItem, Order, ShippingLine } from "../src/domain/order.js";
import type { RefundLineRequest, RefundRequest } from "../src/domain/refundRequest.js";
import { type MoneyBag, single } from "../src/money/moneyBag.js";
import { seeded } from "./random.js";

const usd = (minor: number | bigint): MoneyBag => single(BigInt(minor));

/** A request with the defaults of §4. */
export function request(parts: Partial<RefundRequest> = {}): RefundRequest {
  return { lineItems: [], refundDuties: false, full: false, notify: false, ...parts };
}

/** An order with the defaults of §2. */
function order(parts: Partial<Order> & Pick<Order, "id">): Order {
  return {
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems: [],
    shippingLines: [],
    invoices: [],
    refunds: [],
    ...parts,
  };
}

/** `a · num / den`, rounded down: stored amounts only need to be plausible. */
function part(a: bigint, num: bigint, den: bigint): bigint {
  return (a * num) / den;
}

/** Everything an order charges (no refunds): what its single invoice collected. */
function orderTotal(lines: readonly LineItem[], shipping: readonly ShippingLine[]): bigint {
  let total = 0n;
  for (const line of lines) {
    total += line.price.shop * BigInt(line.quantity);
    for (const d of line.discountAllocations) total -= d.amount.shop;
    for (const t of line.taxLines) total += t.amount.shop;
  }
  for (const s of shipping) {
    total += s.price.shop;
    for (const t of s.taxLines) total += t.amount.shop;
  }
  return total;
}

/** The Shopify fixture order 450789469 (test/engine/seeds.test.ts `shopifyOrder`). */
export const shopifyOrder: Order = order({
  id: "450789469",
  lineItems: [
    ["466157049", "IPOD2008GREEN", 334],
    ["518995019", "IPOD2008RED", 333],
    ["703073504", "IPOD2008BLACK", 333],
  ].map(([id, sku, off]) => ({
    id: String(id),
    sku: String(sku),
    quantity: 1,
    price: usd(19900),
    discountAllocations: [{ title: "TENOFF", amount: usd(Number(off)) }],
    taxLines: [{ title: "State Tax", rate: "0.06", amount: usd(398) }],
    duties: [],
    fulfilledQuantity: 1,
  })),
  shippingLines: [
    {
      id: "369256396",
      title: "Free Shipping",
      price: usd(500),
      discountAllocations: [],
      taxLines: [],
    },
  ],
  invoices: [{ id: "801038806", amount: usd(25094), online: true, gateway: "bogus" }],
});

/** Shopify's `refunds/calculate` example: line 518995019 with full shipping (204.65). */
export const shopifyRequest: RefundRequest = request({
  lineItems: [{ lineItemId: "518995019", quantity: 1, restock: "no_restock" }],
  shipping: { fullRefund: true },
});

/**
 * An order of `count` lines, each with an even quantity (2–10), a price of
 * 1.00–500.00, one discount of up to 30 % and two tax lines (6 % and
 * 1.25 % of the discounted amount), one taxed shipping line and one online
 * invoice for the whole.
 */
export function largeOrder(count: number, seed = 7): Order {
  const random = seeded(seed + count);
  const lineItems: LineItem[] = [];
  for (let i = 0; i < count; i++) {
    const quantity = 2 * random.int(1, 5);
    const price = BigInt(random.int(100, 50_000));
    const gross = price * BigInt(quantity);
    const discount = part(gross, BigInt(random.int(0, 30)), 100n);
    const net = gross - discount;
    lineItems.push({
      id: `L${i}`,
      sku: `SKU-${i}`,
      title: `Item ${i}`,
      quantity,
      price: usd(price),
      discountAllocations: [{ title: "PROMO", amount: usd(discount) }],
      taxLines: [
        { title: "State Tax", rate: "0.06", amount: usd(part(net, 6n, 100n)) },
        { title: "County Tax", rate: "0.0125", amount: usd(part(net, 125n, 10_000n)) },
      ],
      duties: [],
      fulfilledQuantity: quantity,
    });
  }
  const shippingLines: ShippingLine[] = [
    {
      id: "ship-1",
      title: "Ground",
      price: usd(1500),
      discountAllocations: [],
      taxLines: [{ title: "State Tax", rate: "0.06", amount: usd(90) }],
    },
  ];
  return order({
    id: `large-${count}`,
    lineItems,
    shippingLines,
    invoices: [
      {
        id: "inv-1",
        amount: usd(orderTotal(lineItems, shippingLines)),
        online: true,
        gateway: "stripe",
      },
    ],
  });
}

/** Half of every line (no restock) and all the shipping. */
export function halfOfEveryLine(o: Order): RefundRequest {
  const lineItems: RefundLineRequest[] = o.lineItems.map((line) => ({
    lineItemId: line.id,
    quantity: Math.floor(line.quantity / 2),
    restock: "no_restock",
  }));
  return request({ lineItems, shipping: { fullRefund: true } });
}

/** One unit of the `i`-th line (the `i`-th refund of the chain). */
export function oneUnitOf(o: Order, i: number): RefundRequest {
  const line = o.lineItems[i % o.lineItems.length];
  if (line === undefined) throw new Error("the order has no lines");
  return request({ lineItems: [{ lineItemId: line.id, quantity: 1, restock: "no_restock" }] });
}

/** The order after `count` single-unit refunds, one per line in turn. */
export function afterChain(o: Order, count: number): Order {
  let current = o;
  for (let i = 0; i < count; i++) {
    const applied = applyRefund(current, oneUnitOf(current, i));
    if (E.isLeft(applied))
      throw new Error(`chain refund ${i + 1}: ${JSON.stringify(applied.left)}`);
    current = applied.right.order;
  }
  return current;
}

/**
 * A typical order for the audit: 1–5 lines of 1–4 units, most with a
 * discount, one tax line each, taxed shipping, one or two invoices, and a
 * history of 1–3 refunds made by the engine (single lines, sometimes with
 * part of the shipping).
 */
export function typicalOrder(index: number): Order {
  const random = seeded(10_007 * (index + 1));
  const lineItems: LineItem[] = [];
  const count = random.int(1, 5);
  for (let i = 0; i < count; i++) {
    const quantity = random.int(1, 4);
    const price = BigInt(random.int(500, 20_000));
    const gross = price * BigInt(quantity);
    const discount = random.int(0, 2) === 0 ? 0n : part(gross, BigInt(random.int(5, 25)), 100n);
    lineItems.push({
      id: `${index}-${i}`,
      sku: `SKU-${random.int(1, 9999)}-${i}`,
      title: `Item ${i}`,
      quantity,
      price: usd(price),
      discountAllocations: discount === 0n ? [] : [{ title: "PROMO", amount: usd(discount) }],
      taxLines: [
        { title: "VAT", rate: "0.0825", amount: usd(part(gross - discount, 825n, 10_000n)) },
      ],
      duties: [],
      fulfilledQuantity: quantity,
    });
  }
  const shippingLines: ShippingLine[] = [
    {
      id: `${index}-s`,
      title: "Standard",
      price: usd(random.int(0, 3) * 500),
      discountAllocations: [],
      taxLines: [{ title: "VAT", rate: "0.0825", amount: usd(random.int(0, 40)) }],
    },
  ];
  const total = orderTotal(lineItems, shippingLines);
  const firstPart = random.int(0, 1) === 0 ? total : part(total, 6n, 10n);
  const invoices = [{ id: `${index}-i1`, amount: usd(firstPart), online: true, gateway: "stripe" }];
  if (firstPart < total)
    invoices.push({
      id: `${index}-i2`,
      amount: usd(total - firstPart),
      online: false,
      gateway: "cash",
    });
  let current = order({ id: String(index), lineItems, shippingLines, invoices });
  const refunds = Math.min(random.int(1, 3), count);
  for (let r = 0; r < refunds; r++) {
    const line = lineItems[r];
    if (line === undefined) break;
    const quantity = random.int(1, line.quantity);
    const withShipping = r === 0 && random.int(0, 1) === 1;
    const applied = applyRefund(
      current,
      request({
        lineItems: [{ lineItemId: line.id, quantity, restock: "return" }],
        ...(withShipping ? { shipping: { fullRefund: true } } : {}),
        reason: "customer return",
      }),
    );
    if (E.isRight(applied)) current = applied.right.order;
  }
  return current;
}

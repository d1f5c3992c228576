/**
 * Peer: Medusa's `decorateCartTotals` (`@medusajs/utils`, pinned
 * devDependency) on the same refund: the requested lines as cart items whose
 * `detail.return_requested_quantity` is the refunded quantity (Medusa then
 * reports `return_requested_total`, the value of the returned units with
 * their discount and tax), and the shipping as shipping methods
 * (`shipping_total`).
 *
 * Medusa stores tax *rates* and computes the tax; each tax line's rate is
 * derived from the order's stored amount (`amount ÷ taxable · 100`), so that
 * Medusa computes the same tax as the order holds and its total agrees with
 * refund-core's to rounding (Medusa does not round: it works in decimal
 * major units with bignumber.js). The plain data is prepared once per
 * scenario; each call builds the cart objects from it, since
 * `decorateCartTotals` writes its totals into the cart it is given.
 */
import { createRequire } from "node:module";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";

interface Numeric {
  readonly numeric: number;
}
interface MedusaTaxLine {
  rate: number;
}
interface MedusaItem {
  id: string;
  quantity: number;
  unit_price: number;
  adjustments: { amount: number }[];
  tax_lines: MedusaTaxLine[];
  detail: { return_requested_quantity: number };
}
interface MedusaShippingMethod {
  id: string;
  amount: number;
  adjustments: { amount: number }[];
  tax_lines: MedusaTaxLine[];
}
interface MedusaCart {
  currency_code: string;
  items: MedusaItem[];
  shipping_methods: MedusaShippingMethod[];
  return_requested_total?: Numeric;
  shipping_total?: Numeric;
}

const require = createRequire(import.meta.url);
const { decorateCartTotals } = require("@medusajs/utils") as {
  decorateCartTotals: (cart: MedusaCart) => MedusaCart;
};

const major = (minor: bigint): number => Number(minor) / 100;

/** Tax rates in percent such that `rate · taxable` is the stored tax. */
function rates(
  taxes: readonly { readonly amount: { readonly presentment: bigint } }[],
  taxable: bigint,
) {
  return taxes.map((t) =>
    taxable === 0n ? 0 : (Number(t.amount.presentment) / Number(taxable)) * 100,
  );
}

/** A refund prepared as Medusa's plain data: build with {@link medusaCart}, total with {@link medusaRefundTotal}. */
export interface MedusaRefund {
  readonly items: readonly {
    readonly id: string;
    readonly quantity: number;
    readonly unitPrice: number;
    readonly discounts: readonly number[];
    readonly rates: readonly number[];
    readonly returned: number;
  }[];
  readonly shipping: readonly {
    readonly id: string;
    readonly amount: number;
    readonly discounts: readonly number[];
    readonly rates: readonly number[];
  }[];
}

/** The refund of `request` on `order` as Medusa cart data (once per scenario). */
export function medusaRefund(order: Order, request: RefundRequest): MedusaRefund {
  const byId = new Map(order.lineItems.map((line) => [line.id, line]));
  const items: MedusaRefund["items"][number][] = [];
  for (const requested of request.lineItems) {
    const line = requested.lineItemId === undefined ? undefined : byId.get(requested.lineItemId);
    if (line === undefined) continue;
    let discount = 0n;
    for (const d of line.discountAllocations) discount += d.amount.presentment;
    items.push({
      id: line.id,
      quantity: line.quantity,
      unitPrice: major(line.price.presentment),
      discounts: line.discountAllocations.map((d) => major(d.amount.presentment)),
      rates: rates(line.taxLines, line.price.presentment * BigInt(line.quantity) - discount),
      returned: requested.quantity ?? 0,
    });
  }
  const shipping =
    request.shipping?.fullRefund === true
      ? order.shippingLines.map((s) => {
          let discount = 0n;
          for (const d of s.discountAllocations) discount += d.amount.presentment;
          return {
            id: s.id,
            amount: major(s.price.presentment),
            discounts: s.discountAllocations.map((d) => major(d.amount.presentment)),
            rates: rates(s.taxLines, s.price.presentment - discount),
          };
        })
      : [];
  return { items, shipping };
}

/** A fresh cart for one `decorateCartTotals` call. */
function medusaCart(refund: MedusaRefund): MedusaCart {
  return {
    currency_code: "usd",
    items: refund.items.map((item) => ({
      id: item.id,
      quantity: item.quantity,
      unit_price: item.unitPrice,
      adjustments: item.discounts.map((amount) => ({ amount })),
      tax_lines: item.rates.map((rate) => ({ rate })),
      detail: { return_requested_quantity: item.returned },
    })),
    shipping_methods: refund.shipping.map((s) => ({
      id: s.id,
      amount: s.amount,
      adjustments: s.discounts.map((amount) => ({ amount })),
      tax_lines: s.rates.map((rate) => ({ rate })),
    })),
  };
}

/** The refund's total in major units (unrounded), as Medusa computes it. */
export function medusaRefundTotal(refund: MedusaRefund): number {
  const cart = decorateCartTotals(medusaCart(refund));
  return (cart.return_requested_total?.numeric ?? 0) + (cart.shipping_total?.numeric ?? 0);
}

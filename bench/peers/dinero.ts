/**
 * Peer: the same refund written straightforwardly with dinero.js v2 (its
 * bigint calculator, as refund-core's amounts are bigints) — what a
 * developer would write instead of using refund-core: per requested line
 * the gross, each discount and tax line split with `allocate` in the ratio
 * refunded : kept, all shipping, and the sums with `add`. No validation, no
 * history, no memo: the totals only.
 *
 * `allocate` gives the remainder of a split to the largest share first
 * (not half away from zero), so a total may differ from refund-core's by a
 * minor unit per split amount; the bench checks it stays within that.
 */
import {
  add,
  allocate,
  type Dinero,
  dinero,
  multiply,
  subtract,
  toSnapshot,
} from "dinero.js/bigint";
import { USD } from "dinero.js/bigint/currencies";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";

const money = (amount: bigint): Dinero<bigint> => dinero({ amount, currency: USD });

/** The refund's total in minor units, computed with dinero.js. */
export function dineroRefundTotal(order: Order, request: RefundRequest): bigint {
  const byId = new Map(order.lineItems.map((line) => [line.id, line]));
  let total = money(0n);
  for (const requested of request.lineItems) {
    const line = requested.lineItemId === undefined ? undefined : byId.get(requested.lineItemId);
    if (line === undefined) continue;
    const q = BigInt(requested.quantity ?? 0);
    const kept = BigInt(line.quantity) - q;
    const share = (amount: bigint): Dinero<bigint> =>
      kept === 0n ? money(amount) : (allocate(money(amount), [q, kept])[0] as Dinero<bigint>);
    total = add(total, multiply(money(line.price.presentment), q));
    for (const d of line.discountAllocations) total = subtract(total, share(d.amount.presentment));
    for (const t of line.taxLines) total = add(total, share(t.amount.presentment));
  }
  if (request.shipping?.fullRefund === true) {
    for (const s of order.shippingLines) {
      total = add(total, money(s.price.presentment));
      for (const d of s.discountAllocations) total = subtract(total, money(d.amount.presentment));
      for (const t of s.taxLines) total = add(total, money(t.amount.presentment));
    }
  }
  return toSnapshot(total).amount;
}

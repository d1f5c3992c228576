/**
 * The floor: a minimal hand-written bigint computation of the same refund
 * over the same data — per requested line its gross, its discount and tax
 * shares by cumulative proration (§3.1) rounded half away from zero, and the
 * memo totals with the shipping remainder and its tax. Both sides of every
 * bag are computed, as the engine must. No validation, no history (the
 * scenarios refund fresh orders), no memo objects beyond the totals: nothing
 * that does the same arithmetic can be much faster on this runtime.
 */
import type { Order } from "../src/domain/order.js";
import type { RefundRequest } from "../src/domain/refundRequest.js";

/** The totals the baseline computes (presentment side; the shop side is summed too). */
export interface BaselineTotals {
  readonly subtotal: bigint;
  readonly discount: bigint;
  readonly tax: bigint;
  readonly total: bigint;
  readonly shopTotal: bigint;
}

/** `round(x · k / n)` half away from zero, for non-negative numbers. */
function share(x: bigint, k: bigint, n: bigint): bigint {
  const product = x * k;
  const quotient = product / n;
  return 2n * (product % n) >= n ? quotient + 1n : quotient;
}

/** The order's lines by id. */
function lineIndex(order: Order): Map<string, Order["lineItems"][number]> {
  const byId = new Map<string, Order["lineItems"][number]>();
  for (const line of order.lineItems) byId.set(line.id, line);
  return byId;
}

/** The refund's totals, computed as plainly as possible. */
export function baselineRefund(order: Order, request: RefundRequest): BaselineTotals {
  const byId = lineIndex(order);
  let subtotal = 0n;
  let discount = 0n;
  let tax = 0n;
  let shopSubtotal = 0n;
  let shopTax = 0n;
  for (const requested of request.lineItems) {
    const line = requested.lineItemId === undefined ? undefined : byId.get(requested.lineItemId);
    if (line === undefined) continue;
    const n = BigInt(line.quantity);
    const q = BigInt(requested.quantity ?? 0);
    const whole = q === n;
    let lineDiscount = 0n;
    let shopDiscount = 0n;
    for (const d of line.discountAllocations) {
      lineDiscount += whole ? d.amount.presentment : share(d.amount.presentment, q, n);
      shopDiscount += whole ? d.amount.shop : share(d.amount.shop, q, n);
    }
    for (const t of line.taxLines) {
      tax += whole ? t.amount.presentment : share(t.amount.presentment, q, n);
      shopTax += whole ? t.amount.shop : share(t.amount.shop, q, n);
    }
    subtotal += line.price.presentment * q - lineDiscount;
    shopSubtotal += line.price.shop * q - shopDiscount;
    discount += lineDiscount;
  }
  let shipping = 0n;
  let shopShipping = 0n;
  if (request.shipping?.fullRefund === true) {
    for (const s of order.shippingLines) {
      shipping += s.price.presentment;
      shopShipping += s.price.shop;
      for (const d of s.discountAllocations) {
        shipping -= d.amount.presentment;
        shopShipping -= d.amount.shop;
      }
      for (const t of s.taxLines) {
        tax += t.amount.presentment;
        shopTax += t.amount.shop;
      }
    }
  }
  return {
    subtotal,
    discount,
    tax,
    total: subtotal + tax + shipping,
    shopTotal: shopSubtotal + shopTax + shopShipping,
  };
}

/**
 * The like-for-like floor of a single-currency order: the same computation
 * as {@link baselineRefund} on one side only. On such an order both sides of
 * every amount are the same number and refund-core computes one shared
 * bigint, so the two-sided floor would flatter it by the work it rightly
 * skips. The bench's targets are taken against this floor.
 */
export function oneSidedBaselineRefund(order: Order, request: RefundRequest): BaselineTotals {
  const byId = lineIndex(order);
  let subtotal = 0n;
  let discount = 0n;
  let tax = 0n;
  for (const requested of request.lineItems) {
    const line = requested.lineItemId === undefined ? undefined : byId.get(requested.lineItemId);
    if (line === undefined) continue;
    const n = BigInt(line.quantity);
    const q = BigInt(requested.quantity ?? 0);
    const whole = q === n;
    let lineDiscount = 0n;
    for (const d of line.discountAllocations)
      lineDiscount += whole ? d.amount.presentment : share(d.amount.presentment, q, n);
    for (const t of line.taxLines)
      tax += whole ? t.amount.presentment : share(t.amount.presentment, q, n);
    subtotal += line.price.presentment * q - lineDiscount;
    discount += lineDiscount;
  }
  let shipping = 0n;
  if (request.shipping?.fullRefund === true) {
    for (const s of order.shippingLines) {
      shipping += s.price.presentment;
      for (const d of s.discountAllocations) shipping -= d.amount.presentment;
      for (const t of s.taxLines) tax += t.amount.presentment;
    }
  }
  const total = subtotal + tax + shipping;
  return { subtotal, discount, tax, total, shopTotal: total };
}

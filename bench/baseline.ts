/**
 * The floor: a minimal hand-written bigint computation of the same refund
 * over the same data — per requested line its gross, its discount and tax
 * shares by cumulative proration (§3.1) rounded half away from zero, and the
 * memo totals with the shipping remainder and its tax. Both sides of every
 * bag are computed, as the engine must. No validation, no history (the
 * scenarios refund fresh orders), no memo objects beyond the totals: nothing
 * that does the same arithmetic can be much faster on this runtime.
 */
import type {
  CreditMemoLine,
  DiscountRefund,
  DutyRefund,
  TaxLineRefund,
} from "../src/domain/creditMemo.js";
import type { DiscountAllocation, LineItem, Order, TaxLine } from "../src/domain/order.js";
import type { RefundLineRequest, RefundRequest } from "../src/domain/refundRequest.js";
import { type MoneyBag, single } from "../src/money/moneyBag.js";

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

/** The shipping a one-sided floor refunds (all of it, or none) and its tax, presentment side. */
function oneSidedShipping(
  order: Order,
  request: RefundRequest,
): { readonly net: bigint; readonly tax: bigint } {
  let net = 0n;
  let tax = 0n;
  if (request.shipping?.fullRefund === true) {
    for (const s of order.shippingLines) {
      net += s.price.presentment;
      for (const d of s.discountAllocations) net -= d.amount.presentment;
      for (const t of s.taxLines) tax += t.amount.presentment;
    }
  }
  return { net, tax };
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
  const shipping = oneSidedShipping(order, request);
  tax += shipping.tax;
  const total = subtotal + tax + shipping.net;
  return { subtotal, discount, tax, total, shopTotal: total };
}

/** The memo lines' empty list of duty refunds, shared and frozen as the engine's. */
const NO_DUTIES: readonly DutyRefund[] = Object.freeze([]);

/** The share `q` of `n` units of single-currency amount `x`: `x` itself when it is all of it. */
function shareOf(x: MoneyBag, q: bigint, n: bigint): MoneyBag {
  const s = q === n ? x.shop : share(x.shop, q, n);
  return s === x.shop ? x : single(s);
}

/** Whether `a` is a single-currency amount the contract accepts: bigints, equal sides, not negative. */
function isSingleAmount(a: MoneyBag): boolean {
  return (
    typeof a === "object" &&
    a !== null &&
    typeof a.shop === "bigint" &&
    a.shop >= 0n &&
    a.shop === a.presentment
  );
}

/** Whether an order line passes the checks every line needs: its amounts and discounts within its gross. */
function isLineChecked(line: LineItem): boolean {
  if (typeof line !== "object" || line === null || typeof line.id !== "string") return false;
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) return false;
  if (!isSingleAmount(line.price)) return false;
  let discount = 0n;
  for (let i = 0; i < line.discountAllocations.length; i++) {
    const d = line.discountAllocations[i] as DiscountAllocation;
    if (!isSingleAmount(d.amount)) return false;
    discount += d.amount.shop;
  }
  for (let i = 0; i < line.taxLines.length; i++) {
    const t = line.taxLines[i] as TaxLine;
    if (typeof t.title !== "string" || !isSingleAmount(t.amount)) return false;
  }
  return discount <= line.price.shop * BigInt(line.quantity);
}

/**
 * The memo floor: the one-sided floor that also does the least the
 * contract asks on top of the arithmetic — every order line's amounts
 * checked (bigints, equal sides, not negative, discounts within the gross)
 * and the v2 memo's objects built ([§6](../docs/specification.md#6-credit-memo)): per refunded line the memo line,
 * its lists of discount and tax refunds and their bags, shared as the
 * engine shares them (a line's one discount is its discount bag, a share
 * of all of a component is the component's bag). No history, ids,
 * request checks, shipping refund lines or payouts. It tells how much of
 * `calculate`'s ratio to the one-sided floor is the memo's format itself.
 * Single-currency orders only (the bench's scenarios); `undefined` for an
 * order it does not accept.
 */
export function memoBaselineRefund(
  order: Order,
  request: RefundRequest,
): { readonly lines: readonly CreditMemoLine[]; readonly totals: BaselineTotals } | undefined {
  const byId = new Map<string, LineItem>();
  const items = order.lineItems;
  for (let i = 0; i < items.length; i++) {
    const line = items[i] as LineItem;
    if (!isLineChecked(line)) return undefined;
    byId.set(line.id, line);
  }
  const requested = request.lineItems;
  const lines = new Array<CreditMemoLine>(requested.length);
  let subtotal = 0n;
  let discount = 0n;
  let tax = 0n;
  let count = 0;
  for (let r = 0; r < requested.length; r++) {
    const ask = requested[r] as RefundLineRequest;
    const line = ask.lineItemId === undefined ? undefined : byId.get(ask.lineItemId);
    if (line === undefined) continue;
    const n = BigInt(line.quantity);
    const q = BigInt(ask.quantity ?? 0);
    const ds = line.discountAllocations;
    const discounts = new Array<DiscountRefund>(ds.length);
    let lineDiscount = 0n;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i] as DiscountAllocation;
      const amount = shareOf(d.amount, q, n);
      lineDiscount += amount.shop;
      discounts[i] = d.title === undefined ? { amount } : { title: d.title, amount };
    }
    const ts = line.taxLines;
    const taxes = new Array<TaxLineRefund>(ts.length);
    let lineTax = 0n;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i] as TaxLine;
      const amount = shareOf(t.amount, q, n);
      lineTax += amount.shop;
      taxes[i] =
        t.rate === undefined
          ? { title: t.title, amount }
          : { title: t.title, rate: t.rate, amount };
    }
    const gross = line.price.shop * q;
    const lineSubtotal = gross - lineDiscount;
    lines[count++] = {
      lineItemId: line.id,
      quantity: Number(q),
      amount: null,
      price: line.price,
      gross: single(gross),
      discount: ds.length === 1 ? (discounts[0] as DiscountRefund).amount : single(lineDiscount),
      subtotal: single(lineSubtotal),
      tax: ts.length === 1 ? (taxes[0] as TaxLineRefund).amount : single(lineTax),
      discountAllocations: discounts,
      taxLines: taxes,
      duties: NO_DUTIES,
      total: single(order.taxesIncluded ? lineSubtotal : lineSubtotal + lineTax),
      restock: ask.restock ?? "no_restock",
      locationId: ask.locationId ?? null,
    };
    subtotal += lineSubtotal;
    discount += lineDiscount;
    tax += lineTax;
  }
  const shipping = oneSidedShipping(order, request);
  tax += shipping.tax;
  lines.length = count;
  const total = subtotal + tax + shipping.net;
  return { lines, totals: { subtotal, discount, tax, total, shopTotal: total } };
}

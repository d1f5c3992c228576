/**
 * Generators of consistent orders as domain values (bigint bags, no JSON):
 * many lines, 0–3 discounts and tax lines per line (discounts never above
 * the gross), duties with tax lines, several shipping lines with discounts
 * and taxes, several online and offline invoices that cover the order total
 * exactly, only in part or more than in full, single- and multi-currency
 * (independent shop and presentment amounts), JPY/USD/EUR/KWD, taxes
 * included or not, amounts from 0 to 10^18 minor units.
 */
import fc from "fast-check";
import type { LineItem, Order, ShippingLine } from "../../src/domain/order.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import {
  amountArb,
  type Currencies,
  currenciesArb,
  fractionArb,
  fractionOf,
  LIMIT,
  type Scale,
  scaleArb,
  splitExactly,
  weightsArb,
} from "./money.js";

/** How the invoices relate to the order total. */
export type Coverage = "exact" | "partial" | "over" | "unpaid";

/** A generated order with what the generator knows about it. */
export interface GeneratedOrder {
  readonly order: Order;
  readonly coverage: Coverage;
  /**
   * The order total per §3.5 (lines' subtotals, their tax unless included,
   * duties and their taxes, shipping net and, unless included, its tax).
   */
  readonly total: MoneyBag;
  readonly scale: Scale;
}

export interface OrderOptions {
  /** Allowed coverages (default: all). */
  readonly coverage?: readonly Coverage[];
  /** At most this many lines (default 6). */
  readonly maxLines?: number;
  /** At most this many units per line (default 6; sometimes up to 40 units). */
  readonly maxQuantity?: number;
  /** At most this many shipping lines (default 3). */
  readonly maxShippingLines?: number;
  /** Restrict to single-currency orders. */
  readonly singleCurrency?: boolean;
  /** Restrict the scale of amounts. */
  readonly scales?: readonly Scale[];
  /** Allow odd ids ("", "__proto__", …) — default true; the JSON format wants non-empty ids. */
  readonly oddIds?: boolean;
}

interface LineShape {
  readonly quantity: number;
  readonly fulfilled: number;
  readonly discounts: number;
  readonly taxes: number;
  /** Number of tax lines of each duty. */
  readonly duties: readonly number[];
  readonly sku: boolean;
}

interface ShippingShape {
  readonly discounts: number;
  readonly taxes: number;
}

interface OrderShape {
  readonly currencies: Currencies;
  readonly taxesIncluded: boolean;
  readonly scale: Scale;
  readonly coverage: Coverage;
  readonly oddIds: boolean;
  readonly lines: readonly LineShape[];
  readonly shipping: readonly ShippingShape[];
  readonly invoices: readonly { readonly online: boolean; readonly gateway: string }[];
}

interface SideLine {
  readonly price: bigint;
  readonly discounts: readonly bigint[];
  readonly taxes: readonly bigint[];
  readonly duties: readonly { readonly amount: bigint; readonly taxes: readonly bigint[] }[];
}

interface SideShipping {
  readonly price: bigint;
  readonly discounts: readonly bigint[];
  readonly taxes: readonly bigint[];
}

/** Every amount of one side (shop or presentment) of an order. */
interface Side {
  readonly lines: readonly SideLine[];
  readonly shipping: readonly SideShipping[];
  readonly invoices: readonly bigint[];
  readonly total: bigint;
}

const count = (max: number) => fc.integer({ min: 0, max });

function quantityArb(maxQuantity: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: maxQuantity }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(maxQuantity, 40) }) },
  );
}

function lineShapeArb(maxQuantity: number): fc.Arbitrary<LineShape> {
  return quantityArb(maxQuantity).chain((quantity) =>
    fc.record({
      quantity: fc.constant(quantity),
      fulfilled: fc.oneof(fc.constant(quantity), fc.integer({ min: 0, max: quantity })),
      discounts: count(3),
      taxes: count(3),
      duties: fc.array(count(2), { maxLength: 2 }),
      sku: fc.boolean(),
    }),
  );
}

function shapeArb(options: OrderOptions): fc.Arbitrary<OrderShape> {
  const coverages = options.coverage ?? ["exact", "exact", "partial", "over", "unpaid"];
  return fc.record({
    currencies: options.singleCurrency
      ? currenciesArb.filter((c) => c.currency === c.presentmentCurrency)
      : currenciesArb,
    taxesIncluded: fc.boolean(),
    scale: options.scales ? fc.constantFrom(...options.scales) : scaleArb,
    coverage: fc.constantFrom(...coverages),
    oddIds: options.oddIds === false ? fc.constant(false) : fc.boolean(),
    lines: fc.array(lineShapeArb(options.maxQuantity ?? 6), { maxLength: options.maxLines ?? 6 }),
    shipping: fc.array(fc.record({ discounts: count(2), taxes: count(3) }), {
      maxLength: options.maxShippingLines ?? 3,
    }),
    invoices: fc.array(
      fc.record({
        online: fc.boolean(),
        gateway: fc.constantFrom("stripe", "paypal", "banktransfer", ""),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
}

const amounts = (n: number, scale: Scale) =>
  fc.array(amountArb(scale), { minLength: n, maxLength: n });

/** Discounts of a whole `gross`: a fraction of it (often none or all of it), split unevenly. */
function discountsArb(gross: bigint, n: number): fc.Arbitrary<bigint[]> {
  return fc
    .tuple(fractionArb, weightsArb(n))
    .map(([fraction, weights]) => splitExactly(fractionOf(gross, fraction), weights));
}

/**
 * Tax lines: any amounts, or with taxes included a part of the net they are
 * contained in (a price of 0 cannot contain 1 of tax).
 */
function taxesArb(
  n: number,
  scale: Scale,
  containedIn: bigint | undefined,
): fc.Arbitrary<bigint[]> {
  return containedIn === undefined ? amounts(n, scale) : discountsArb(containedIn, n);
}

function sideLineArb(
  shape: LineShape,
  scale: Scale,
  taxesIncluded: boolean,
): fc.Arbitrary<SideLine> {
  const q = BigInt(shape.quantity);
  return amountArb(scale, LIMIT / q)
    .chain((price) => fc.tuple(fc.constant(price), discountsArb(price * q, shape.discounts)))
    .chain(([price, discounts]) =>
      fc.record({
        price: fc.constant(price),
        discounts: fc.constant(discounts),
        taxes: taxesArb(shape.taxes, scale, taxesIncluded ? price * q - sum(discounts) : undefined),
        duties: fc.tuple(
          ...shape.duties.map((taxes) =>
            fc.record({ amount: amountArb(scale), taxes: amounts(taxes, scale) }),
          ),
        ),
      }),
    );
}

function sideShippingArb(
  shape: ShippingShape,
  scale: Scale,
  taxesIncluded: boolean,
): fc.Arbitrary<SideShipping> {
  return amountArb(scale)
    .chain((price) => fc.tuple(fc.constant(price), discountsArb(price, shape.discounts)))
    .chain(([price, discounts]) =>
      fc.record({
        price: fc.constant(price),
        discounts: fc.constant(discounts),
        taxes: taxesArb(shape.taxes, scale, taxesIncluded ? price - sum(discounts) : undefined),
      }),
    );
}

const sum = (xs: readonly bigint[]) => xs.reduce((a, x) => a + x, 0n);

function sideTotal(
  shape: OrderShape,
  lines: readonly SideLine[],
  shipping: readonly SideShipping[],
): bigint {
  const withTax = (net: bigint, taxes: readonly bigint[]) =>
    net + (shape.taxesIncluded ? 0n : sum(taxes));
  const lineTotal = lines.reduce((t, line, i) => {
    const gross = line.price * BigInt(shape.lines[i]?.quantity ?? 0);
    const duties = line.duties.reduce((d, duty) => d + duty.amount + sum(duty.taxes), 0n);
    return t + withTax(gross - sum(line.discounts), line.taxes) + duties;
  }, 0n);
  const shippingTotal = shipping.reduce(
    (t, s) => t + withTax(s.price - sum(s.discounts), s.taxes),
    0n,
  );
  return lineTotal + shippingTotal;
}

function sideArb(shape: OrderShape): fc.Arbitrary<Side> {
  return fc
    .tuple(
      fc.tuple(...shape.lines.map((l) => sideLineArb(l, shape.scale, shape.taxesIncluded))),
      fc.tuple(...shape.shipping.map((s) => sideShippingArb(s, shape.scale, shape.taxesIncluded))),
      fc.bigInt({ min: 0n, max: FRACTION_BELOW_ONE }),
      amountArb(shape.scale),
      weightsArb(shape.invoices.length),
    )
    .map(([lines, shipping, partial, extra, weights]) => {
      const total = sideTotal(shape, lines, shipping);
      const collected =
        shape.coverage === "exact"
          ? total
          : shape.coverage === "partial"
            ? fractionOf(total, partial)
            : shape.coverage === "over"
              ? total + extra + 1n
              : 0n;
      return { lines, shipping, invoices: splitExactly(collected, weights), total };
    });
}

/** Just below one, as a fraction over 2^32. */
const FRACTION_BELOW_ONE = 2n ** 32n - 1n;

const ODD_IDS = ["", "__proto__", "constructor", "0", "line 1", "é", "toString", "a.b[0]"];

function ids(prefix: string, n: number, odd: boolean): string[] {
  return Array.from({ length: n }, (_, i) =>
    odd ? (ODD_IDS[i] ?? `${prefix}${i}`) : `${prefix}${i}`,
  );
}

function build(shape: OrderShape, shop: Side, presentment: Side): GeneratedOrder {
  const bagAt = (f: (side: Side) => bigint | undefined): MoneyBag => ({
    shop: f(shop) ?? 0n,
    presentment: f(presentment) ?? 0n,
  });
  const lineIds = ids("L", shape.lines.length, shape.oddIds);
  const lineItems: LineItem[] = shape.lines.map((ls, i) => {
    const at = (side: Side) => side.lines[i];
    const line: LineItem = {
      id: lineIds[i] ?? `L${i}`,
      title: `Item ${i}`,
      quantity: ls.quantity,
      price: bagAt((s) => at(s)?.price),
      discountAllocations: Array.from({ length: ls.discounts }, (_, d) => ({
        title: `D${d}`,
        amount: bagAt((s) => at(s)?.discounts[d]),
      })),
      taxLines: Array.from({ length: ls.taxes }, (_, t) => ({
        title: `T${t}`,
        rate: "0.1",
        amount: bagAt((s) => at(s)?.taxes[t]),
      })),
      duties: ls.duties.map((taxes, d) => ({
        id: `duty-${i}-${d}`,
        amount: bagAt((s) => at(s)?.duties[d]?.amount),
        taxLines: Array.from({ length: taxes }, (_, t) => ({
          title: `DT${t}`,
          amount: bagAt((s) => at(s)?.duties[d]?.taxes[t]),
        })),
      })),
      fulfilledQuantity: ls.fulfilled,
    };
    return ls.sku ? { ...line, sku: `SKU-${i}` } : line;
  });
  const shippingIds = ids("S", shape.shipping.length, shape.oddIds);
  const shippingLines: ShippingLine[] = shape.shipping.map((ss, i) => {
    const at = (side: Side) => side.shipping[i];
    return {
      id: shippingIds[i] ?? `S${i}`,
      title: `Shipping ${i}`,
      price: bagAt((s) => at(s)?.price),
      discountAllocations: Array.from({ length: ss.discounts }, (_, d) => ({
        amount: bagAt((s) => at(s)?.discounts[d]),
      })),
      taxLines: Array.from({ length: ss.taxes }, (_, t) => ({
        title: `ST${t}`,
        amount: bagAt((s) => at(s)?.taxes[t]),
      })),
    };
  });
  const invoiceIds = ids("I", shape.invoices.length, shape.oddIds);
  const invoices = shape.invoices.map((inv, i) => ({
    id: invoiceIds[i] ?? `I${i}`,
    amount: bagAt((s) => s.invoices[i]),
    online: inv.online,
    ...(inv.gateway === "" ? {} : { gateway: inv.gateway }),
  }));
  return {
    order: {
      id: "order-1",
      currency: shape.currencies.currency,
      presentmentCurrency: shape.currencies.presentmentCurrency,
      taxesIncluded: shape.taxesIncluded,
      lineItems,
      shippingLines,
      invoices,
      refunds: [],
    },
    coverage: shape.coverage,
    total: { shop: shop.total, presentment: presentment.total },
    scale: shape.scale,
  };
}

/**
 * A consistent order with no refunds yet. On a single-currency order both
 * sides of every bag are equal; on a multi-currency order the shop and the
 * presentment amounts are drawn independently (each side consistent).
 */
export function generatedOrderArb(options: OrderOptions = {}): fc.Arbitrary<GeneratedOrder> {
  return shapeArb(options).chain((shape) => {
    const single = shape.currencies.currency === shape.currencies.presentmentCurrency;
    const sides = single
      ? sideArb(shape).map((side) => [side, side] as const)
      : fc.tuple(sideArb(shape), sideArb(shape));
    return sides.map(([shop, presentment]) => build(shape, shop, presentment));
  });
}

/** Just the order. */
export function orderArb(options: OrderOptions = {}): fc.Arbitrary<Order> {
  return generatedOrderArb(options).map((g) => g.order);
}

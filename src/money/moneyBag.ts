/**
 * A money bag: one amount in shop money and presentment money (Shopify's
 * `*_set`). On a single-currency order both sides are equal. Every amount in
 * refund-core's domain is a bag of integer minor units, so one code path
 * computes both currencies of a multi-currency order independently.
 *
 * @module
 */

/**
 * An amount in integer minor units on both sides of an order: `shop` in the
 * order's `currency`, `presentment` in its `presentmentCurrency`. On a
 * single-currency order both sides are equal. Stored amounts are prorated on
 * each side independently; free request amounts are presentment money whose
 * shop side is derived ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)). In JSON a bag is a decimal string
 * (single-currency) or `{"shop": "10.00", "presentment": "9.12"}`.
 *
 * @example
 * ```ts
 * import { type MoneyBag, findCurrency, formatMinorUnits } from "refund-core";
 * const total: MoneyBag = { shop: 1000n, presentment: 912n };
 * formatMinorUnits(total.presentment, findCurrency("EUR")!); // => "9.12"
 * ```
 *
 * @category Money
 */
export interface MoneyBag {
  /** Minor units of the order's `currency` (shop money). */
  readonly shop: bigint;
  /** Minor units of the order's `presentmentCurrency` (what the customer paid in). */
  readonly presentment: bigint;
}

/** The two sides of a bag, for code that treats them alike. */
export const SIDES = ["shop", "presentment"] as const;
/** One side of a bag. */
export type Side = (typeof SIDES)[number];

/**
 * The empty bag, shared by every zero amount the engine hands out; frozen,
 * so that a caller writing to one zero amount cannot change the others.
 * @category Money
 */
export const ZERO: MoneyBag = Object.freeze({ shop: 0n, presentment: 0n });

/** A bag with the same minor units on both sides (single-currency orders). @category Money */
export function single(minor: bigint): MoneyBag {
  if (minor === 0n) return ZERO;
  return { shop: minor, presentment: minor };
}

/** Applies `f` to each side. */
export function mapBag(a: MoneyBag, f: (x: bigint, side: Side) => bigint): MoneyBag {
  return { shop: f(a.shop, "shop"), presentment: f(a.presentment, "presentment") };
}

/** Combines two bags side by side. */
export function zipBag(
  a: MoneyBag,
  b: MoneyBag,
  f: (x: bigint, y: bigint, side: Side) => bigint,
): MoneyBag {
  return {
    shop: f(a.shop, b.shop, "shop"),
    presentment: f(a.presentment, b.presentment, "presentment"),
  };
}

/**
 * Whether both sides hold the same number, as on every bag of a
 * single-currency order. Bag arithmetic then computes one side and shares
 * the result (bigints are immutable), which halves the work and the memory.
 */
export function sameSides(a: MoneyBag): boolean {
  return a.shop === a.presentment;
}

/**
 * `a + b` on each side. Adding zero gives the other bag itself (bags are
 * immutable), so a sum that adds nothing allocates nothing.
 */
export function addBags(a: MoneyBag, b: MoneyBag): MoneyBag {
  if (isZeroBag(b)) return a;
  if (isZeroBag(a)) return b;
  if (sameSides(a) && sameSides(b)) return single(a.shop + b.shop);
  return { shop: a.shop + b.shop, presentment: a.presentment + b.presentment };
}

/** `a - b` on each side. Taking zero away gives `a` itself (bags are immutable). */
export function subtractBags(a: MoneyBag, b: MoneyBag): MoneyBag {
  if (isZeroBag(b)) return a;
  if (sameSides(a) && sameSides(b)) return single(a.shop - b.shop);
  return { shop: a.shop - b.shop, presentment: a.presentment - b.presentment };
}

/** `a · k` on each side (`k` a count, such as the units of a line); `a` itself for one. */
export function scaleBag(a: MoneyBag, k: bigint): MoneyBag {
  if (k === 1n) return a;
  if (sameSides(a)) return single(a.shop * k);
  return { shop: a.shop * k, presentment: a.presentment * k };
}

/**
 * A running sum of bags, for plain loops (one object shape, monomorphic
 * `add`; optimised code keeps it in registers). While every bag added has
 * equal sides (a single-currency order), one bigint serves both sides. The
 * sum of one bag is that bag itself (bags are immutable) and the sum starts
 * from the first bag, not from zero: sums of short lists run for every
 * refunded line, so each bag or bigint saved counts.
 */
export class BagSum {
  private count = 0;
  private first: MoneyBag = ZERO;
  private shop = 0n;
  private presentment = 0n;
  /** Whether the sides differ so far (`presentment` is then kept apart from `shop`). */
  private twoSided = false;

  /** Adds `b` to the sum. */
  add(b: MoneyBag): void {
    if (this.count === 0) {
      this.first = b;
      this.shop = b.shop;
      this.presentment = b.presentment;
      this.twoSided = !sameSides(b);
    } else if (!this.twoSided && sameSides(b)) {
      this.shop += b.shop;
    } else {
      if (!this.twoSided) {
        this.presentment = this.shop;
        this.twoSided = true;
      }
      this.shop += b.shop;
      this.presentment += b.presentment;
    }
    this.count += 1;
  }

  /** The sum so far: zero for none, the bag itself for one. */
  total(): MoneyBag {
    if (this.count === 0) return ZERO;
    if (this.count === 1) return this.first;
    return this.twoSided ? { shop: this.shop, presentment: this.presentment } : single(this.shop);
  }
}

/** The sum of a list of bags (zero for none), in a plain loop. */
export function sumBags(bags: readonly MoneyBag[]): MoneyBag {
  const sum = new BagSum();
  for (let i = 0; i < bags.length; i++) sum.add(bags[i] as MoneyBag);
  return sum.total();
}

/**
 * The sum of the `amount` of a list of components (discounts, tax lines,
 * duties, invoices…), in a plain loop: no callback, so no call site that
 * every kind of list passes through with its own function.
 */
export function sumAmounts(items: readonly { readonly amount: MoneyBag }[]): MoneyBag {
  const sum = new BagSum();
  for (let i = 0; i < items.length; i++)
    sum.add((items[i] as { readonly amount: MoneyBag }).amount);
  return sum.total();
}

/**
 * The sum of `f(item)` over a list, in one pass. Prefer a plain loop with a
 * {@link BagSum}, or {@link sumAmounts}: the call to `f` here is shared by
 * every caller's function, and V8 stops inlining it once it has seen a few
 * (a megamorphic call site); `sumBy(components, amountOf)` goes to
 * {@link sumAmounts}.
 */
export function sumBy<T>(items: readonly T[], f: (item: T) => MoneyBag): MoneyBag {
  if (f === (amountOf as unknown)) return sumAmounts(items as readonly { amount: MoneyBag }[]);
  const sum = new BagSum();
  for (let i = 0; i < items.length; i++) sum.add(f(items[i] as T));
  return sum.total();
}

/**
 * The amount of a component (a discount, a tax line, a duty…): a named
 * function for `sumBy(components, amountOf)`, which reads the amounts in a
 * plain loop ({@link sumAmounts}).
 */
export function amountOf(component: { readonly amount: MoneyBag }): MoneyBag {
  return component.amount;
}

/**
 * `Σ amount[side]` over a list of components, as a plain bigint: for checks
 * that compare one side at a time and need no bag.
 */
export function sumSide(items: readonly { readonly amount: MoneyBag }[], side: Side): bigint {
  // Indexed, not `for…of`: this runs per order line, and unoptimized code
  // allocates an iterator result for every `for…of` step.
  let sum = 0n;
  for (let i = 0; i < items.length; i++)
    sum += (items[i] as { readonly amount: MoneyBag }).amount[side];
  return sum;
}

/** Whether every component's amount has equal sides. */
export function everySameSides(items: readonly { readonly amount: MoneyBag }[]): boolean {
  for (let i = 0; i < items.length; i++)
    if (!sameSides((items[i] as { readonly amount: MoneyBag }).amount)) return false;
  return true;
}

/**
 * The `i`-th bag of a list, zero past its end (a component's history that
 * lists fewer amounts than the component has). Checked against the length
 * rather than read and defaulted with `??`: a read past the end of an
 * array is a slow path in V8, and on a first refund every such list is
 * empty.
 */
export function bagAt(bags: readonly MoneyBag[], i: number): MoneyBag {
  return i < bags.length ? (bags[i] as MoneyBag) : ZERO;
}

/** Whether both sides are zero. */
export function isZeroBag(a: MoneyBag): boolean {
  return a.shop === 0n && a.presentment === 0n;
}

/** Whether both sides are equal. */
export function bagsEqual(a: MoneyBag, b: MoneyBag): boolean {
  return a.shop === b.shop && a.presentment === b.presentment;
}

/** Whether either side of `a` is above the same side of `b`. */
export function exceedsOnEitherSide(a: MoneyBag, b: MoneyBag): boolean {
  return a.shop > b.shop || a.presentment > b.presentment;
}

/** Whether either side is negative. */
export function isNegativeOnEitherSide(a: MoneyBag): boolean {
  return a.shop < 0n || a.presentment < 0n;
}

/**
 * A refunded order line ([§3.1](../../docs/specification.md#31-proration), [§3.3](../../docs/specification.md#33-duties), [§3.5](../../docs/specification.md#35-totals)): gross, prorated discounts,
 * taxes and duties, subtotal and total, on both sides of the money bag.
 *
 * `refundLine` runs once per refunded line — 10,000 times for a 10,000-line
 * refund — so it is written as plain loops over the line's components, with
 * no closure, progress object or intermediate list per line: every object
 * it allocates is either part of the memo line or a bigint of its
 * arithmetic. Bags are immutable and shared where the value is the same
 * (the sum of one discount is that discount's bag; a subtotal without
 * discount is the gross). The loops are indexed, not `for…of`: before the
 * optimizing compiler takes over — a single refund of a large order runs
 * mostly that way — each `for…of` step allocates an iterator result.
 *
 * A unit refund on a single-currency line — nearly every line — takes a
 * shorter path still (`refundUnitsOneSided`): each share computed once, on
 * one side, and the line's sums added up in plain bigints as the shares
 * come; on the line's first refund each share is `round(X·q/n)` in two
 * bigint operations ({@link prorateFirstRefund}). V8 allocates every
 * bigint result, and at this size the bigint operations and the objects
 * are the cost. Every other line, and any line with a two-sided bag, takes
 * the bag path ({@link refundLineByBags}), which the short path equals
 * (test/properties/prorationFastPaths.test.ts).
 *
 * @module
 */
import type {
  CreditMemoLine,
  DiscountRefund,
  DutyRefund,
  TaxLineRefund,
} from "../domain/creditMemo.js";
import type { DiscountAllocation, Duty, TaxLine } from "../domain/order.js";
import {
  addBags,
  bagAt,
  exceedsOnEitherSide,
  type MoneyBag,
  sameSides,
  scaleBag,
  single,
  subtractBags,
  sumAmounts,
  ZERO,
} from "../money/moneyBag.js";
import type { DutyHistory } from "../order/refundHistory.js";
import type { SelectedLine } from "./lineSelection.js";
import {
  type Proration,
  progressProration,
  prorateAmount,
  prorateFirstRefund,
  prorateOverUnits,
  unitsOf,
} from "./proration.js";
import { taxLineRefund } from "./taxLineRefund.js";
import type { LineSums } from "./totals.js";

/**
 * The empty list, shared by every memo line without discounts, taxes or
 * duties (frozen, so that no holder can change the others').
 */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

/**
 * A list of `length` entries to fill by index — exact-size: `.map` would
 * need a closure per line, and `push` onto `[]` would keep spare capacity
 * in the memo — or, for none, the shared {@link EMPTY_LIST}, which the
 * caller's loop then never writes to.
 */
function exactList<T>(length: number): T[] {
  return length === 0 ? (EMPTY_LIST as never[]) : new Array<T>(length);
}

/**
 * The share of `amount` (of which `refunded` was refunded before) that this
 * refund returns, over the line's `whole` units of which `before` were
 * refunded before and `now` are refunded now; zero when `proration` is
 * `undefined` (duties of a refund without duties).
 */
function share(
  amount: MoneyBag,
  refunded: MoneyBag,
  whole: bigint,
  before: bigint,
  now: bigint,
  proration: Proration | undefined,
): MoneyBag {
  return proration === undefined
    ? ZERO
    : prorateOverUnits(amount, refunded, whole, before, now, proration);
}

/**
 * The refunded share of each tax line, by position; all zero when
 * `proration` is `undefined` (duty taxes of a refund without duties).
 */
function refundTaxLines(
  taxes: readonly TaxLine[],
  refunded: readonly MoneyBag[],
  whole: bigint,
  before: bigint,
  now: bigint,
  proration: Proration | undefined,
): TaxLineRefund[] {
  const result = exactList<TaxLineRefund>(taxes.length);
  for (let i = 0; i < taxes.length; i++) {
    const tax = taxes[i] as TaxLine;
    result[i] = taxLineRefund(
      tax,
      share(tax.amount, bagAt(refunded, i), whole, before, now, proration),
    );
  }
  return result;
}

/** The refunded share of each duty and its taxes; zero unless `proration` is given. */
function refundDuties(
  duties: readonly Duty[],
  history: ReadonlyMap<string, DutyHistory>,
  whole: bigint,
  before: bigint,
  now: bigint,
  proration: Proration | undefined,
): readonly DutyRefund[] {
  const result = exactList<DutyRefund>(duties.length);
  for (let i = 0; i < duties.length; i++) {
    const duty = duties[i] as Duty;
    const dh = history.get(duty.id);
    result[i] = {
      dutyId: duty.id,
      amount: share(duty.amount, dh?.amount ?? ZERO, whole, before, now, proration),
      taxLines: refundTaxLines(duty.taxLines, dh?.taxLines ?? [], whole, before, now, proration),
    };
  }
  return result;
}

/**
 * The gross of a unit refund (or `full`) on a line with amounts ([§3.9](../../docs/specification.md#39-line-amounts-v2)): the
 * line's gross `G` prorated like any component, `round(G · f') − R`, the
 * rest at `f' = 1`. A memo line refunded by amount takes `gross = subtotal
 * + discount`, which the rounding of its taxes can push a minor unit or two
 * past `G · f'` — even past `G`: such an over-refunded gross is given back
 * by the next unit refund, `G − R` (negative), so that a finished line's
 * gross adds up to `G` and its value to `V` exactly (see docs/decisions.md).
 */
function progressGross(
  g: MoneyBag,
  refunded: MoneyBag,
  whole: bigint,
  before: bigint,
  rule: Proration,
): MoneyBag {
  if (!exceedsOnEitherSide(refunded, g))
    return prorateOverUnits(g, refunded, whole, before, 0n, rule);
  const side = (x: bigint, r: bigint): bigint =>
    r > x ? x - r : prorateAmount(x, r, whole, before, 0n, rule);
  return {
    shop: side(g.shop, refunded.shop),
    presentment: side(g.presentment, refunded.presentment),
  };
}

/** A line's duties and their taxes, added up. */
function dutiesWithTax(duties: readonly DutyRefund[]): MoneyBag {
  let sum = ZERO;
  for (let i = 0; i < duties.length; i++) {
    const duty = duties[i] as DutyRefund;
    sum = addBags(addBags(sum, duty.amount), sumAmounts(duty.taxLines));
  }
  return sum;
}

/**
 * The one-sided share of component `x` of which `refunded` was refunded
 * before (`ZERO` when the history lists nothing), over `whole` units of
 * which `before` were refunded and `now` are refunded now; on a line's
 * `first` refund by `round(X·q/n)` with `half = ⌊n/2⌋`. `undefined` when
 * `x` or `refunded` has two sides, for the bag path.
 */
function oneSidedShare(
  x: MoneyBag,
  refunded: MoneyBag,
  first: boolean,
  whole: bigint,
  half: bigint,
  before: bigint,
  now: bigint,
  proration: Proration,
): bigint | undefined {
  // Nothing refunded before (the history lists no amount): no bigint to compare.
  const untouched = refunded === ZERO;
  if (!sameSides(x) || (!untouched && !sameSides(refunded))) return undefined;
  return first && (untouched || refunded.shop === 0n)
    ? prorateFirstRefund(x.shop, whole, half, now, proration.rounding)
    : prorateAmount(x.shop, refunded.shop, whole, before, now, proration);
}

/**
 * {@link refundLine} of a unit refund on a line whose price and components
 * have equal sides (a single-currency order, nearly every line): each
 * share computed once for both sides and the sums added up as plain
 * bigints in the loops that compute the shares, with no running-sum
 * object or bag in between; `undefined` when some bag has two sides, for
 * `refundLine` to take the bag path, whose values these are
 * (test/properties/prorationFastPaths.test.ts). Bags are shared as that
 * path shares them: a share of all of a component is its bag, the sum of
 * one discount is its bag, a subtotal without discount is the gross.
 */
function refundUnitsOneSided(
  selected: SelectedLine,
  options: { readonly refundDuties: boolean; readonly taxesIncluded: boolean },
  proration: Proration,
  sums: LineSums | undefined,
): CreditMemoLine | undefined {
  const { line, history, quantity } = selected;
  const price = line.price;
  if (!sameSides(price)) return undefined;
  // Counts as shared bigints (`unitsOf`): no allocation for a line's usual counts.
  const units = line.quantity;
  const whole = unitsOf(units);
  const before = unitsOf(history.refundedQuantity);
  const now = unitsOf(quantity);
  // The line's first refund under a proration that is `round(X·q/n)` there
  // (not `perUnit`): each component with nothing refunded before takes the
  // short path, with `⌊n/2⌋` for its rounding computed once.
  const first = before === 0n && whole > 0n && proration.method !== "perUnit";
  // ⌊n/2⌋ of a count n ≥ 0 is the count ⌊units/2⌋.
  const half = first ? unitsOf(Math.floor(units / 2)) : 0n;
  const discounts = line.discountAllocations;
  const discountAllocations = exactList<DiscountRefund>(discounts.length);
  let discount = 0n;
  for (let i = 0; i < discounts.length; i++) {
    const d = discounts[i] as DiscountAllocation;
    const x = d.amount;
    const s = oneSidedShare(
      x,
      bagAt(history.discountAllocations, i),
      first,
      whole,
      half,
      before,
      now,
      proration,
    );
    if (s === undefined) return undefined;
    discount = i === 0 ? s : discount + s;
    const amount = s === x.shop ? x : single(s);
    discountAllocations[i] = d.title === undefined ? { amount } : { title: d.title, amount };
  }
  const taxes = line.taxLines;
  const taxLines = exactList<TaxLineRefund>(taxes.length);
  let tax = 0n;
  for (let i = 0; i < taxes.length; i++) {
    const t = taxes[i] as TaxLine;
    const x = t.amount;
    const s = oneSidedShare(
      x,
      bagAt(history.taxLines, i),
      first,
      whole,
      half,
      before,
      now,
      proration,
    );
    if (s === undefined) return undefined;
    tax = i === 0 ? s : tax + s;
    taxLines[i] = taxLineRefund(t, s === x.shop ? x : single(s));
  }
  // The bags as `sumAmounts`, `scaleBag`, `subtractBags` and `addBags` share them.
  const discountBag =
    discounts.length === 1 ? (discountAllocations[0] as DiscountRefund).amount : single(discount);
  const taxBag = taxes.length === 1 ? (taxLines[0] as TaxLineRefund).amount : single(tax);
  const gross = quantity === 1 ? price.shop : price.shop * now;
  const grossBag = quantity === 1 ? price : single(gross);
  const subtotal = discount === 0n ? gross : gross - discount;
  const subtotalBag = discount === 0n ? grossBag : single(subtotal);
  const chargedBag =
    options.taxesIncluded || tax === 0n
      ? subtotalBag
      : subtotal === 0n
        ? taxBag
        : single(subtotal + tax);
  const duties = refundDuties(
    line.duties,
    history.duties,
    whole,
    before,
    now,
    options.refundDuties ? proration : undefined,
  );
  if (sums !== undefined) sums.addOneSided(subtotal, discount, tax, duties);
  return {
    lineItemId: line.id,
    quantity,
    amount: null,
    price,
    gross: grossBag,
    discount: discountBag,
    subtotal: subtotalBag,
    tax: taxBag,
    discountAllocations,
    taxLines,
    duties,
    total: duties.length === 0 ? chargedBag : addBags(chargedBag, dutiesWithTax(duties)),
    restock: selected.restock,
    locationId: selected.locationId,
  };
}

/**
 * The memo line for a selected line. Duties are prorated only with
 * `refundDuties`; otherwise each is listed with zero. `total` is the
 * subtotal, plus the tax unless `taxesIncluded`, plus duties and their taxes.
 *
 * A line with amounts (its `progress` `f'` set, [§3.9](../../docs/specification.md#39-line-amounts-v2)) prorates every
 * component by the progress rule — `f'` as `numerator` parts of
 * `denominator`, none now, cumulative with the policy's rounding — and so
 * does its gross `G = price · n` on a unit refund; refunded by amount, it
 * is worth exactly its amount: `subtotal` is the amount less its tax (taxes
 * excluded) or the amount itself, `gross = subtotal + discount`. Every
 * other line follows [§3.1](../../docs/specification.md#31-proration) with `proration`.
 *
 * With `sums`, the line is also added to the memo's running sums (the
 * totals of `calculate`'s line loop): as bigints when made on one side.
 */
export function refundLine(
  selected: SelectedLine,
  options: { readonly refundDuties: boolean; readonly taxesIncluded: boolean },
  proration: Proration,
  sums?: LineSums,
): CreditMemoLine {
  if (selected.progress === null && selected.amount === null) {
    const oneSided = refundUnitsOneSided(selected, options, proration, sums);
    if (oneSided !== undefined) return oneSided;
  }
  const byBags = refundLineByBags(selected, options, proration);
  if (sums !== undefined) sums.addLine(byBags);
  return byBags;
}

/**
 * {@link refundLine} on money bags, side by side: every line that the
 * one-sided path of a unit refund does not take (a line with amounts, a
 * bag with two sides). Exported for the tests that hold the one-sided path
 * to it (test/properties/prorationFastPaths.test.ts); not part of the
 * package's API.
 */
export function refundLineByBags(
  selected: SelectedLine,
  options: { readonly refundDuties: boolean; readonly taxesIncluded: boolean },
  proration: Proration,
): CreditMemoLine {
  const { line, history, quantity, progress } = selected;
  const lineAmount = selected.amount;
  // The line's units (or its progress) as bigints, converted once for all
  // its components and passed as plain arguments: an object holding them
  // would be one more allocation per line.
  const units = progress === null;
  const whole = units ? BigInt(line.quantity) : progress.denominator;
  const before = units ? BigInt(history.refundedQuantity) : progress.numerator;
  const now = units ? BigInt(quantity) : 0n;
  const rule = units ? proration : progressProration(proration.rounding);
  const discounts = line.discountAllocations;
  const discountAllocations = exactList<DiscountRefund>(discounts.length);
  for (let i = 0; i < discounts.length; i++) {
    const d = discounts[i] as DiscountAllocation;
    const amount = share(d.amount, bagAt(history.discountAllocations, i), whole, before, now, rule);
    discountAllocations[i] = d.title === undefined ? { amount } : { title: d.title, amount };
  }
  const taxLines = refundTaxLines(line.taxLines, history.taxLines, whole, before, now, rule);
  const duties = refundDuties(
    line.duties,
    history.duties,
    whole,
    before,
    now,
    options.refundDuties ? rule : undefined,
  );
  const discount = sumAmounts(discountAllocations);
  const tax = sumAmounts(taxLines);
  let gross: MoneyBag;
  let subtotal: MoneyBag;
  if (lineAmount === null) {
    gross = units
      ? scaleBag(line.price, now)
      : progressGross(
          scaleBag(line.price, BigInt(line.quantity)),
          history.grossRefunded,
          whole,
          before,
          rule,
        );
    subtotal = subtractBags(gross, discount);
  } else {
    subtotal = options.taxesIncluded ? lineAmount : subtractBags(lineAmount, tax);
    gross = addBags(subtotal, discount);
  }
  const total = addBags(
    options.taxesIncluded ? subtotal : addBags(subtotal, tax),
    dutiesWithTax(duties),
  );
  return {
    lineItemId: line.id,
    quantity,
    amount: lineAmount,
    price: line.price,
    gross,
    discount,
    subtotal,
    tax,
    discountAllocations,
    taxLines,
    duties,
    total,
    restock: selected.restock,
    locationId: selected.locationId,
  };
}

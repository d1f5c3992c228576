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
  exceedsOnEitherSide,
  type MoneyBag,
  scaleBag,
  subtractBags,
  sumAmounts,
  ZERO,
} from "../money/moneyBag.js";
import { type DutyHistory, refundedAt } from "../order/refundHistory.js";
import type { SelectedLine } from "./lineSelection.js";
import { type Proration, progressProration, prorateAmount, prorateOverUnits } from "./proration.js";
import { taxLineRefund } from "./taxLineRefund.js";

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
  // An exact-size list filled by index: `.map` would need a closure per
  // line, and `push` onto `[]` would keep spare capacity in the memo.
  const result = new Array<TaxLineRefund>(taxes.length);
  for (let i = 0; i < taxes.length; i++) {
    const tax = taxes[i] as TaxLine;
    result[i] = taxLineRefund(
      tax,
      share(tax.amount, refundedAt(refunded, i), whole, before, now, proration),
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
): DutyRefund[] {
  const result = new Array<DutyRefund>(duties.length);
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
 */
export function refundLine(
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
  const discountAllocations = new Array<DiscountRefund>(discounts.length);
  for (let i = 0; i < discounts.length; i++) {
    const d = discounts[i] as DiscountAllocation;
    const amount = share(
      d.amount,
      refundedAt(history.discountAllocations, i),
      whole,
      before,
      now,
      rule,
    );
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

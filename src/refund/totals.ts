/**
 * Memo totals ([§3.5](../../docs/specification.md#35-totals)) and the full-refund fit ([§3.6](../../docs/specification.md#36-full-refund)).
 *
 * ```
 * taxesIncluded = false:
 *   total = Σ line subtotal + Σ line tax + shipping.amount + shipping.tax
 *           + duties + dutiesTax + adjustmentPositive − adjustmentNegative
 * taxesIncluded = true:
 *   total = Σ line subtotal + shipping.amount + duties + dutiesTax
 *           + adjustmentPositive − adjustmentNegative      (tax is contained)
 * ```
 *
 * @module
 */
import type {
  CreditMemoLine,
  DutyRefund,
  ShippingRefund,
  TaxLineRefund,
} from "../domain/creditMemo.js";
import {
  addBags,
  BagSum,
  type MoneyBag,
  sameSides,
  single,
  subtractBags,
  sumAmounts,
  sumBags,
  ZERO,
} from "../money/moneyBag.js";

/** The totals of a memo. `tax` is all tax refunded: lines, shipping and duties. */
export interface MemoTotals {
  readonly subtotal: MoneyBag;
  readonly discount: MoneyBag;
  readonly tax: MoneyBag;
  /** Duties without their taxes. */
  readonly duties: MoneyBag;
  readonly total: MoneyBag;
}

/**
 * Adds up a memo's parts into its totals: on a single-currency memo (every
 * bag with equal sides) as plain bigints, one running sum per total in one
 * pass, with no call per line; otherwise side by side on bags
 * ({@link memoTotalsByBags}), which gives the same values
 * (test/properties/prorationFastPaths.test.ts). `sums`, when given, holds
 * exactly `lines`, added up as they were made (`calculate`'s line loop):
 * the lines are then not gone over again ({@link memoTotalsOfSums}).
 */
export function memoTotals(
  lines: readonly CreditMemoLine[],
  shipping: ShippingRefund,
  adjustmentPositive: MoneyBag,
  adjustmentNegative: MoneyBag,
  taxesIncluded: boolean,
  sums: LineSums = sumsOfLines(lines),
): MemoTotals {
  return memoTotalsOfSums(
    sums,
    lines,
    shipping,
    adjustmentPositive,
    adjustmentNegative,
    taxesIncluded,
  );
}

/** The one-sided sums of `lines` (ended at the first bag with two sides). */
function sumsOfLines(lines: readonly CreditMemoLine[]): LineSums {
  const sums = new LineSums();
  for (let i = 0; i < lines.length && sums.oneSided; i++) sums.addLine(lines[i] as CreditMemoLine);
  return sums;
}

/**
 * The running one-sided sums of a memo's lines, added up as the lines are
 * made (`calculate`'s line loop), so that the totals need no second pass
 * over the lines: a line made on one side adds its bigints
 * ({@link LineSums.addOneSided}), any other line its bags
 * ({@link LineSums.addLine}). The first bag with two sides ends the sums
 * (`oneSided` false): the totals are then added up on bags, from the lines.
 * Local to one call, never shared: it is the loop's running sum, the one
 * value here that changes.
 */
export class LineSums {
  subtotal = 0n;
  discount = 0n;
  tax = 0n;
  duties = 0n;
  dutiesTax = 0n;
  /** Whether every line added so far had equal sides. */
  oneSided = true;

  /** Adds a line made on one side: its subtotal, discount and tax, then its duties. */
  addOneSided(
    subtotal: bigint,
    discount: bigint,
    tax: bigint,
    duties: readonly DutyRefund[],
  ): void {
    // Adding 0n still allocates a bigint in V8: skipped (most lines have a discount, some not).
    if (subtotal !== 0n) this.subtotal += subtotal;
    if (discount !== 0n) this.discount += discount;
    if (tax !== 0n) this.tax += tax;
    if (duties.length > 0) this.addDuties(duties);
  }

  /** Adds a line made on bags; a bag with two sides ends the sums. */
  addLine(line: CreditMemoLine): void {
    if (!this.oneSided) return;
    const s = line.subtotal;
    const d = line.discount;
    const t = line.tax;
    if (!sameSides(s) || !sameSides(d) || !sameSides(t)) {
      this.oneSided = false;
      return;
    }
    this.addOneSided(s.shop, d.shop, t.shop, line.duties);
  }

  private addDuties(duties: readonly DutyRefund[]): void {
    for (let k = 0; k < duties.length; k++) {
      const duty = duties[k] as DutyRefund;
      if (!sameSides(duty.amount)) {
        this.oneSided = false;
        return;
      }
      this.duties += duty.amount.shop;
      const taxes = duty.taxLines;
      for (let j = 0; j < taxes.length; j++) {
        const tax = (taxes[j] as TaxLineRefund).amount;
        if (!sameSides(tax)) {
          this.oneSided = false;
          return;
        }
        this.dutiesTax += tax.shop;
      }
    }
  }
}

/**
 * {@link memoTotals} of `lines` whose one-sided sums `sums` holds, added up
 * as they were made: no pass over the lines unless a bag has two sides (in
 * the lines, the shipping or the adjustments), then on bags. `sums` must
 * hold exactly `lines`.
 */
export function memoTotalsOfSums(
  sums: LineSums,
  lines: readonly CreditMemoLine[],
  shipping: ShippingRefund,
  adjustmentPositive: MoneyBag,
  adjustmentNegative: MoneyBag,
  taxesIncluded: boolean,
): MemoTotals {
  const shippingAmount = shipping.amount;
  const shippingTax = shipping.tax;
  if (
    !sums.oneSided ||
    !sameSides(shippingAmount) ||
    !sameSides(shippingTax) ||
    !sameSides(adjustmentPositive) ||
    !sameSides(adjustmentNegative)
  )
    return memoTotalsByBags(lines, shipping, adjustmentPositive, adjustmentNegative, taxesIncluded);
  return oneSidedMemoTotals(
    sums.subtotal,
    sums.discount,
    sums.tax,
    sums.duties,
    sums.dutiesTax,
    shippingAmount.shop,
    shippingTax.shop,
    adjustmentPositive.shop,
    adjustmentNegative.shop,
    taxesIncluded,
  );
}

/** The totals ([§3.5](../../docs/specification.md#35-totals)) of one-sided sums, as bags. */
function oneSidedMemoTotals(
  subtotal: bigint,
  discount: bigint,
  lineTax: bigint,
  duties: bigint,
  dutiesTax: bigint,
  shippingAmount: bigint,
  shippingTax: bigint,
  adjustmentPositive: bigint,
  adjustmentNegative: bigint,
  taxesIncluded: boolean,
): MemoTotals {
  const charged = taxesIncluded
    ? subtotal + shippingAmount + duties + dutiesTax
    : subtotal + lineTax + shippingAmount + shippingTax + duties + dutiesTax;
  return {
    subtotal: single(subtotal),
    discount: single(discount),
    tax: single(lineTax + shippingTax + dutiesTax),
    duties: single(duties),
    total: single(charged + adjustmentPositive - adjustmentNegative),
  };
}

/**
 * {@link memoTotals} side by side on bags, for a memo with two-sided bags
 * (a multi-currency order). The lines' duties are added in plain indexed
 * loops, not gathered into a list first (nor iterated with `for…of`, which
 * allocates per step in unoptimized code): a memo may have 10,000 lines,
 * and adding a zero duty (or none) allocates nothing. Exported for the
 * tests that hold the one-sided path to it; not part of the package's API.
 */
export function memoTotalsByBags(
  lines: readonly CreditMemoLine[],
  shipping: ShippingRefund,
  adjustmentPositive: MoneyBag,
  adjustmentNegative: MoneyBag,
  taxesIncluded: boolean,
): MemoTotals {
  // One pass, running sums, no callbacks (see `BagSum`).
  const subtotals = new BagSum();
  const discounts = new BagSum();
  const lineTaxes = new BagSum();
  let duties = ZERO;
  let dutiesTax = ZERO;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CreditMemoLine;
    subtotals.add(line.subtotal);
    discounts.add(line.discount);
    lineTaxes.add(line.tax);
    const lineDuties = line.duties;
    for (let d = 0; d < lineDuties.length; d++) {
      const duty = lineDuties[d] as DutyRefund;
      duties = addBags(duties, duty.amount);
      dutiesTax = addBags(dutiesTax, sumAmounts(duty.taxLines));
    }
  }
  const subtotal = subtotals.total();
  const discount = discounts.total();
  const lineTax = lineTaxes.total();
  const charged = taxesIncluded
    ? sumBags([subtotal, shipping.amount, duties, dutiesTax])
    : sumBags([subtotal, lineTax, shipping.amount, shipping.tax, duties, dutiesTax]);
  return {
    subtotal,
    discount,
    tax: sumBags([lineTax, shipping.tax, dutiesTax]),
    duties,
    total: subtractBags(addBags(charged, adjustmentPositive), adjustmentNegative),
  };
}

/**
 * A full refund's adjustments ([§3.6](../../docs/specification.md#36-full-refund)): the difference between the money left
 * and the computed total goes to `adjustmentPositive` when money is left
 * over, to `adjustmentNegative` when the total is larger — on each side, so
 * that the total becomes exactly the money left.
 */
export function fitToMoneyLeft(
  total: MoneyBag,
  moneyLeft: MoneyBag,
  adjustments: { readonly positive: MoneyBag; readonly negative: MoneyBag },
): { readonly positive: MoneyBag; readonly negative: MoneyBag } {
  const difference = subtractBags(moneyLeft, total);
  const up = (x: bigint) => (x > 0n ? x : 0n);
  return {
    positive: addBags(adjustments.positive, {
      shop: up(difference.shop),
      presentment: up(difference.presentment),
    }),
    negative: addBags(adjustments.negative, {
      shop: up(-difference.shop),
      presentment: up(-difference.presentment),
    }),
  };
}

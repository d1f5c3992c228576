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
 * (test/properties/prorationFastPaths.test.ts).
 */
export function memoTotals(
  lines: readonly CreditMemoLine[],
  shipping: ShippingRefund,
  adjustmentPositive: MoneyBag,
  adjustmentNegative: MoneyBag,
  taxesIncluded: boolean,
): MemoTotals {
  return (
    oneSidedTotals(lines, shipping, adjustmentPositive, adjustmentNegative, taxesIncluded) ??
    memoTotalsByBags(lines, shipping, adjustmentPositive, adjustmentNegative, taxesIncluded)
  );
}

/**
 * {@link memoTotals} of a memo whose every bag has equal sides, summed on
 * one side; `undefined` as soon as a bag has two, for the bag path.
 */
function oneSidedTotals(
  lines: readonly CreditMemoLine[],
  shipping: ShippingRefund,
  adjustmentPositive: MoneyBag,
  adjustmentNegative: MoneyBag,
  taxesIncluded: boolean,
): MemoTotals | undefined {
  const shippingAmount = shipping.amount;
  const shippingTax = shipping.tax;
  if (
    !sameSides(shippingAmount) ||
    !sameSides(shippingTax) ||
    !sameSides(adjustmentPositive) ||
    !sameSides(adjustmentNegative)
  )
    return undefined;
  let subtotal = 0n;
  let discount = 0n;
  let lineTax = 0n;
  let duties = 0n;
  let dutiesTax = 0n;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CreditMemoLine;
    const s = line.subtotal;
    const d = line.discount;
    const t = line.tax;
    if (!sameSides(s) || !sameSides(d) || !sameSides(t)) return undefined;
    subtotal += s.shop;
    discount += d.shop;
    lineTax += t.shop;
    const lineDuties = line.duties;
    for (let k = 0; k < lineDuties.length; k++) {
      const duty = lineDuties[k] as DutyRefund;
      if (!sameSides(duty.amount)) return undefined;
      duties += duty.amount.shop;
      const taxes = duty.taxLines;
      for (let j = 0; j < taxes.length; j++) {
        const tax = (taxes[j] as TaxLineRefund).amount;
        if (!sameSides(tax)) return undefined;
        dutiesTax += tax.shop;
      }
    }
  }
  const charged = taxesIncluded
    ? subtotal + shippingAmount.shop + duties + dutiesTax
    : subtotal + lineTax + shippingAmount.shop + shippingTax.shop + duties + dutiesTax;
  return {
    subtotal: single(subtotal),
    discount: single(discount),
    tax: single(lineTax + shippingTax.shop + dutiesTax),
    duties: single(duties),
    total: single(charged + adjustmentPositive.shop - adjustmentNegative.shop),
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

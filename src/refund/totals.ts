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
import type { CreditMemoLine, DutyRefund, ShippingRefund } from "../domain/creditMemo.js";
import {
  addBags,
  BagSum,
  type MoneyBag,
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
 * Adds up a memo's parts into its totals. The lines' duties are added in
 * plain indexed loops, not gathered into a list first (nor iterated with
 * `for…of`, which allocates per step in unoptimized code): a memo may have
 * 10,000 lines, and adding a zero duty (or none) allocates nothing.
 */
export function memoTotals(
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

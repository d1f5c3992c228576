/**
 * A line's progress ([§3.9](../../docs/specification.md#39-line-amounts-v2)): the one quantity that unit refunds and line
 * amounts both move, as an exact fraction of the line.
 *
 * The line's **value** `V` is its stored total without duties: gross − all
 * discounts + all taxes (taxes excluded), or gross − all discounts (taxes
 * included). Its **progress** `f` is read from the history: `Σ quantity / n`
 * over its memo lines without an amount plus `Σ amount / V` over those with
 * one, capped at 1. A refund moves it to
 *
 * ```text
 * f' = min(1, f + q/n)                          units, no amount
 * f' = 1                                        amount = value left
 * f' = 1 − (valueLeft − a)/V                    f + a/V ≥ 1, amount short of the value left
 * f' = f + a/V                                  any other amount
 * ```
 *
 * and every component `X` of the line is refunded as `round(X·f') − R`, the
 * rest when `f' = 1` ({@link prorateToProgress} in `proration.ts`). With no
 * amounts, `f = r/n` and `f' = (r + q)/n`: [§3.1](../../docs/specification.md#31-proration) is the special case.
 *
 * Every fraction of one line shares the denominator `n·V` (just `n` when
 * `V ≤ 0`, where no amount can be refunded), so numerators add without
 * growing the denominator memo after memo. Progress is read and moved on
 * the presentment side, the side amounts are given in.
 *
 * Worked example: a 12.30 unit (10.00 + 2.30 tax), `V = 12.30`, `n = 1`.
 * 5.00 refunded: `f' = 5.00/12.30 = 500/1230`; tax round(2.30 × 500/1230)
 * = round(0.9349) = 0.93. Then 7.30, the value left: `f' = 1`, the rest
 * 2.30 − 0.93 = 1.37.
 *
 * @module
 */
import type { LineItem } from "../domain/order.js";
import {
  addBags,
  type MoneyBag,
  scaleBag,
  subtractBags,
  sumAmounts,
  sumBags,
} from "../money/moneyBag.js";
import type { LineHistory } from "../order/refundHistory.js";

/**
 * An exact fraction of a line, `numerator / denominator`, with
 * `0 ≤ numerator ≤ denominator` and `denominator > 0`.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The whole line: `f = 1`. */
export const WHOLE: Fraction = { numerator: 1n, denominator: 1n };

/** The line's gross `G = price · n`, on both sides. */
export function lineGross(line: LineItem): MoneyBag {
  return scaleBag(line.price, BigInt(line.quantity));
}

/**
 * The line's value `V` ([§3.9](../../docs/specification.md#39-line-amounts-v2)): gross − discounts + taxes, or gross −
 * discounts when taxes are included. Duties are not part of it.
 */
export function lineValue(line: LineItem, taxesIncluded: boolean): MoneyBag {
  const net = subtractBags(lineGross(line), sumAmounts(line.discountAllocations));
  return taxesIncluded ? net : addBags(net, sumAmounts(line.taxLines));
}

/**
 * The value the line's memo lines already refunded: Σ subtotal (+ Σ tax
 * unless taxes are included), read as gross − discounts (+ taxes) from the
 * history's components, so the memos' own `taxesIncluded` is never needed.
 */
export function valueRefunded(history: LineHistory, taxesIncluded: boolean): MoneyBag {
  const net = subtractBags(history.grossRefunded, sumBags(history.discountAllocations));
  return taxesIncluded ? net : addBags(net, sumBags(history.taxLines));
}

/** The line's value left ([§3.9](../../docs/specification.md#39-line-amounts-v2)): `V` less the value its memo lines refunded. */
export function valueLeft(line: LineItem, history: LineHistory, taxesIncluded: boolean): MoneyBag {
  return subtractBags(lineValue(line, taxesIncluded), valueRefunded(history, taxesIncluded));
}

/** Whether some memo line of the history refunded the line by amount. */
export function hasAmounts(history: LineHistory): boolean {
  return history.amountLines > 0;
}

/** `min(f, 1)` over the same denominator. */
function capped(numerator: bigint, denominator: bigint): Fraction {
  return {
    numerator: numerator > denominator ? denominator : numerator < 0n ? 0n : numerator,
    denominator,
  };
}

/**
 * The line's progress `f` read from its history ([§3.9](../../docs/specification.md#39-line-amounts-v2)): units of memo lines
 * without an amount over `n`, plus their amounts (presentment) over `value`
 * (the line's presentment value `V`), capped at 1. With `V ≤ 0` no amount
 * can be a part of it: a history that refunded one anyway counts as whole.
 */
export function progressOf(line: LineItem, history: LineHistory, value: bigint): Fraction {
  const n = BigInt(line.quantity);
  const units = BigInt(history.refundedQuantity - history.quantityWithAmount);
  if (value <= 0n) return history.amountLines > 0 ? WHOLE : capped(units, n);
  return capped(units * value + history.amountRefunded.presentment * n, n * value);
}

/** The progress after `q` more units without an amount: `min(1, f + q/n)`. */
export function afterUnits(f: Fraction, q: number, n: number): Fraction {
  // f's denominator is a multiple of n (n·V, or n itself): q/n = q·(d/n)/d.
  const d = f.denominator;
  return capped(f.numerator + (BigInt(q) * d) / BigInt(n), d);
}

/**
 * The progress after an amount `a` (presentment minor units) of a line of
 * value `value` with `valueLeft` left ([§3.9](../../docs/specification.md#39-line-amounts-v2)): the whole when `a` is all
 * that is left; `1 − (valueLeft − a)/V` when `f + a/V` reaches 1 while `a`
 * is short of the value left (the rests stay for the refund that finishes
 * the line); else `f + a/V`. The caller has checked `0 < a ≤ valueLeft`.
 */
export function afterAmount(f: Fraction, a: bigint, value: bigint, valueLeft: bigint): Fraction {
  if (a >= valueLeft || value <= 0n) return WHOLE;
  const d = f.denominator;
  // d = n·V: a/V = a·n/d.
  const n = d / value;
  const moved = f.numerator + a * n;
  if (moved < d) return { numerator: moved, denominator: d };
  return capped(d - (valueLeft - a) * n, d);
}

/**
 * THE proration rule ([§3.1](../../docs/specification.md#31-proration), [§3.2](../../docs/specification.md#32-shipping), [§9.1](../../docs/specification.md#91-policies)): how much of a stored amount a
 * refund returns.
 *
 * A component `X` (a discount allocation, a tax line, a duty or its tax) of a
 * whole of `n` parts — units of a line, or minor units of a shipping line's
 * net — of which `r` were refunded before, taking `R` of `X`, is refunded for
 * `q` more parts as:
 *
 * | method       | share when `r + q < n`          | when `r + q ≥ n` |
 * |--------------|---------------------------------|------------------|
 * | `cumulative` | `round(X·(r+q)/n) − R`           | `X − R`          |
 * | `remaining`  | `round((X−R)·q/(n−r))`           | `X − R`          |
 * | `perUnit`    | `round(X/n)·q`                   | `X − R`          |
 *
 * and the share is clamped to `[0, X − R]`. `cumulative` is the default: the
 * total refunded depends only on the total refunded so far, never on how the
 * refunds were split, and a complete refund returns exactly `X`.
 *
 * Worked example (default): a 0.05 discount on 3 units refunded one at a
 * time: round(5·1/3) − 0 = 2, round(5·2/3) − 2 = 1, 5 − 3 = 2 →
 * 0.02, 0.01, 0.02. Remaining-over-remaining gives round(5·1/3) = 2,
 * round(3·1/2) = 2, the rest 1 → 0.02, 0.02, 0.01.
 *
 * @module
 */
import type { PolicyName } from "../domain/policy.js";
import { roundingOf } from "../domain/policy.js";
import { type MoneyBag, sameSides, single } from "../money/moneyBag.js";
import { divideRounded, divideRoundedNatural, type RoundingMode } from "../money/rounding.js";

/** How a component is spread over the parts of its whole. */
export type ProrationMethod = "cumulative" | "remaining" | "perUnit";

/** A proration method with its rounding. */
export interface Proration {
  readonly method: ProrationMethod;
  readonly rounding: RoundingMode;
}

/** The prorations a policy uses for line components and for shipping tax ([§9.1](../../docs/specification.md#91-policies)). */
export interface PolicyProrations {
  readonly lines: Proration;
  readonly shipping: Proration;
  readonly rounding: RoundingMode;
}

/**
 * The prorations of a policy: `shopify` rounds per unit on lines but prorates
 * shipping tax cumulatively; `magento` uses remaining-over-remaining on both.
 */
export function prorationsOf(policy: PolicyName): PolicyProrations {
  const rounding = roundingOf(policy);
  const lineMethod: ProrationMethod =
    policy === "magento" ? "remaining" : policy === "shopify" ? "perUnit" : "cumulative";
  const shippingMethod: ProrationMethod = policy === "magento" ? "remaining" : "cumulative";
  return {
    lines: { method: lineMethod, rounding },
    shipping: { method: shippingMethod, rounding },
    rounding,
  };
}

/** One component to prorate, in minor units of one currency. */
export interface ComponentState {
  /** `X`: the whole component (for all parts). */
  readonly amount: bigint;
  /** `R`: what earlier refunds took of it. */
  readonly refunded: bigint;
}

/** Progress through the whole, in units of a line or minor units of shipping. */
export interface Progress {
  /** `n`: all parts. */
  readonly whole: bigint;
  /** `r`: parts refunded before. */
  readonly before: bigint;
  /** `q`: parts refunded now. */
  readonly now: bigint;
}

/**
 * The share of a component that a refund of `progress.now` parts returns.
 * Always within `[0, X − R]`; the refund that completes the whole returns
 * exactly what is left.
 */
export function prorate(
  component: ComponentState,
  progress: Progress,
  proration: Proration,
): bigint {
  return prorateAmount(
    component.amount,
    component.refunded,
    progress.whole,
    progress.before,
    progress.now,
    proration,
  );
}

/**
 * The bigints of small unit counts, made once: a line's quantity `n`, the
 * units `r` refunded before and `q` refunded now, and `⌊n/2⌋` are each a
 * bigint per refunded line, and `BigInt(count)` allocates a new one every
 * time; nearly every line's counts are below this table's length.
 */
const SMALL_COUNTS: readonly bigint[] = Object.freeze(
  Array.from({ length: 1024 }, (_, count) => BigInt(count)),
);

/**
 * `count` (a whole number of units, at least 0) as a bigint: the shared one
 * of {@link SMALL_COUNTS} below 1,024, else a new one. Worked example:
 * `unitsOf(3)` is `3n`, the same value `BigInt(3)` gives, and so is
 * `unitsOf(5000)` `5000n`.
 */
export function unitsOf(count: number): bigint {
  return count >= 0 && count < SMALL_COUNTS.length
    ? (SMALL_COUNTS[count] as bigint)
    : BigInt(count);
}

/**
 * `a + b`, without a new bigint when `b` is zero. V8 allocates a fresh
 * bigint for every `+` and `−`, even of `0n`; on the first refund of a line
 * every `r` and `R` is zero, so this saves up to three bigints for each
 * prorated component.
 */
function plus(a: bigint, b: bigint): bigint {
  return b === 0n ? a : a + b;
}

/** `a − b`, without a new bigint when `b` is zero (see {@link plus}). */
function minus(a: bigint, b: bigint): bigint {
  return b === 0n ? a : a - b;
}

/**
 * {@link prorate} with each input as its own argument: `x` of which `r0`
 * was refunded before, over `n` parts of which `r` were refunded before and
 * `q` are refunded now. This is the one implementation of the table above;
 * every other proration function calls it. It takes scalars, not objects,
 * because it runs for every component of every refunded line: a 10,000-line
 * refund would otherwise build tens of thousands of short-lived objects.
 */
export function prorateAmount(
  x: bigint,
  r0: bigint,
  n: bigint,
  r: bigint,
  q: bigint,
  proration: Proration,
): bigint {
  const left = minus(x, r0);
  if (left <= 0n) return 0n;
  const done = plus(r, q);
  if (done >= n) return left;
  let share: bigint;
  switch (proration.method) {
    case "cumulative":
      share = minus(divideRounded(x * done, n, proration.rounding), r0);
      break;
    case "remaining":
      share = divideRounded(left * q, minus(n, r), proration.rounding);
      break;
    case "perUnit":
      share = divideRounded(x, n, proration.rounding) * q;
      break;
  }
  return share < 0n ? 0n : share > left ? left : share;
}

/**
 * {@link prorateAmount} of a component nothing of which was refunded
 * before, over a whole none of whose parts were (`R = 0`, `r = 0`: every
 * component of a line's first refund), by `cumulative` or `remaining` —
 * which agree there: `round(X·q/n)`, or `X` once `q ≥ n` — given
 * `half = ⌊n/2⌋`, which the caller computes once for all the line's
 * components, for `n > 0` (a line's units). The same share as
 * `prorateAmount(x, 0n, n, 0n, q, …)` with either method
 * (test/properties/prorationFastPaths.test.ts), with fewer bigint
 * operations — `x·q`, `+ half` and `/ n` half away from zero — and no
 * comparison of `R`, `r` or clamp: a line's first refund is most refunds.
 *
 * Worked example: a 0.05 discount over 4 units, 2 refunded now (half 2):
 * 5 · 2 = 10, (10 + 2) / 4 = 3 half away from zero; half even: 10 / 4 = 2
 * remainder 2, a tie, 2 is even → 2. Of 3 units, 1 now (half 1): 5 / 3 =
 * 1 remainder 2 > 1 → 2 either way.
 */
export function prorateFirstRefund(
  x: bigint,
  n: bigint,
  half: bigint,
  q: bigint,
  rounding: RoundingMode,
): bigint {
  if (x <= 0n) return 0n;
  if (q >= n) return x;
  // `0 < q < n` from here on; a share of none (or fewer) is none.
  if (q <= 0n) return 0n;
  // 0 < x·q < x·n: the rounded quotient is within [0, x], no clamp needed.
  return divideRoundedNatural(x * q, n, half, rounding);
}

/** Progress on each side of a money bag (shipping: minor units of each side's net). */
export interface BagProgress {
  readonly whole: MoneyBag;
  readonly before: MoneyBag;
  readonly now: MoneyBag;
}

/**
 * {@link prorate} on each side of a money bag independently ([§1](../../docs/specification.md#1-money),
 * multi-currency). When every input is the same on both sides — a
 * single-currency order — the share is computed once and used for both.
 */
export function prorateBag(
  amount: MoneyBag,
  refunded: MoneyBag,
  progress: BagProgress,
  proration: Proration,
): MoneyBag {
  const { whole, before, now } = progress;
  if (sameSides(whole) && sameSides(before) && sameSides(now))
    return prorateOverUnits(amount, refunded, whole.shop, before.shop, now.shop, proration);
  return {
    shop: prorateAmount(amount.shop, refunded.shop, whole.shop, before.shop, now.shop, proration),
    presentment: prorateAmount(
      amount.presentment,
      refunded.presentment,
      whole.presentment,
      before.presentment,
      now.presentment,
      proration,
    ),
  };
}

/**
 * {@link prorate} on each side of a money bag over parts that are the same
 * on both sides, such as a line's units: `whole` parts, `before` refunded
 * before, `now` refunded now. When the amount and what was refunded of it
 * are the same on both sides — a single-currency order — the share is
 * computed once and used for both, and a share that is the whole amount (a
 * line refunded in full) is the amount's own bag, not a copy.
 */
export function prorateOverUnits(
  amount: MoneyBag,
  refunded: MoneyBag,
  whole: bigint,
  before: bigint,
  now: bigint,
  proration: Proration,
): MoneyBag {
  if (sameSides(amount) && sameSides(refunded)) {
    const share = prorateAmount(amount.shop, refunded.shop, whole, before, now, proration);
    return share === amount.shop ? amount : single(share);
  }
  return {
    shop: prorateAmount(amount.shop, refunded.shop, whole, before, now, proration),
    presentment: prorateAmount(
      amount.presentment,
      refunded.presentment,
      whole,
      before,
      now,
      proration,
    ),
  };
}

const CUMULATIVE_HALF_AWAY: Proration = { method: "cumulative", rounding: "halfAwayFromZero" };
const CUMULATIVE_HALF_EVEN: Proration = { method: "cumulative", rounding: "halfEven" };

/**
 * The proration of the progress rule ([§3.9](../../docs/specification.md#39-line-amounts-v2)) with a policy's rounding: every
 * policy uses it on lines with amounts, since the policies' proration
 * columns are defined on units only. A line's progress `f'` as
 * `numerator / denominator` is then prorated as `before = numerator` parts
 * of `whole = denominator`, none `now`: `round(X · f') − R`, the rest when
 * `f' = 1`, clamped to `[0, X − R]` — [§3.1](../../docs/specification.md#31-proration) is the case `f' = (r + q) / n`.
 *
 * A 0.93 tax share: `prorateAmount(230n, 0n, 1230n, 500n, 0n,
 * progressProration("halfAwayFromZero"))` = round(230 × 500 / 1230) =
 * round(93.49) = 93.
 */
export function progressProration(rounding: RoundingMode): Proration {
  return rounding === "halfEven" ? CUMULATIVE_HALF_EVEN : CUMULATIVE_HALF_AWAY;
}

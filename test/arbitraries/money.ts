/**
 * Money for the property tests: currencies with 0, 2 and 3 fraction digits,
 * amounts from a few minor units to 10^18, and exact splits of an amount into
 * parts (no floating point, no code under test).
 */
import fc from "fast-check";
import type { MoneyBag } from "../../src/money/moneyBag.js";

/** JPY (0 digits), USD and EUR (2), KWD (3). */
export const CURRENCIES = ["JPY", "USD", "EUR", "KWD"] as const;

/** The currencies of an order: single-currency about half the time. */
export interface Currencies {
  readonly currency: string;
  readonly presentmentCurrency: string;
}

export const currenciesArb: fc.Arbitrary<Currencies> = fc.oneof(
  fc.constantFrom(...CURRENCIES).map((c) => ({ currency: c, presentmentCurrency: c })),
  fc
    .tuple(fc.constantFrom(...CURRENCIES), fc.constantFrom(...CURRENCIES))
    .filter(([a, b]) => a !== b)
    .map(([currency, presentmentCurrency]) => ({ currency, presentmentCurrency })),
);

/** 10^18 minor units: the largest amount the spec promises to keep exact. */
export const LIMIT = 10n ** 18n;

/**
 * How large the amounts of one order are: `small` (a few minor units, where
 * rounding matters most), `medium`, `huge` (near 10^18) or `mixed`.
 */
export type Scale = "small" | "medium" | "huge" | "mixed";

export const scaleArb: fc.Arbitrary<Scale> = fc.constantFrom(
  "small",
  "small",
  "medium",
  "huge",
  "mixed",
);

/** A non-negative amount of minor units at a scale (at most `max`, default 10^18). */
export function amountArb(scale: Scale, max: bigint = LIMIT): fc.Arbitrary<bigint> {
  const cap = (b: bigint) => (b < max ? b : max);
  const small = fc.bigInt({ min: 0n, max: cap(1_000n) });
  const medium = fc.bigInt({ min: 0n, max: cap(100_000_000n) });
  const huge = fc.bigInt({ min: cap(max - max / 1000n), max });
  switch (scale) {
    case "small":
      return fc.oneof(small, fc.constantFrom(0n, cap(1n), cap(3n)));
    case "medium":
      return medium;
    case "huge":
      return huge;
    case "mixed":
      return fc.oneof(small, medium, huge);
  }
}

/** A fraction in [0, 1] as a numerator over 2^32, with both ends likely. */
export const FRACTION_DENOMINATOR = 2n ** 32n;
export const fractionArb: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(0n, FRACTION_DENOMINATOR),
  fc.bigInt({ min: 0n, max: FRACTION_DENOMINATOR }),
);

/** `floor(total · fraction)`. */
export function fractionOf(total: bigint, fraction: bigint): bigint {
  return (total * fraction) / FRACTION_DENOMINATOR;
}

/**
 * Splits `total` into parts by cumulative floors of the weights: the parts
 * add up to `total` exactly. Zero weights give zero parts (all zero: the
 * first part takes everything).
 */
export function splitExactly(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (weights.length === 0) return [];
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  let prefix = 0n;
  let given = 0n;
  return weights.map((w) => {
    prefix += w;
    const upTo = (total * prefix) / sum;
    const part = upTo - given;
    given = upTo;
    return part;
  });
}

/** Weights for {@link splitExactly}: zeros and uneven parts are likely. */
export function weightsArb(length: number): fc.Arbitrary<bigint[]> {
  return fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 1000n })), {
    minLength: length,
    maxLength: length,
  });
}

/** A bag with the same amount on both sides (single-currency orders). */
export function same(minor: bigint): MoneyBag {
  return { shop: minor, presentment: minor };
}

/**
 * Exact decimal amounts: parsing the JSON forms of [§1](../../docs/specification.md#1-money) and writing minor units
 * back with the currency's number of fraction digits. No floating point.
 *
 * @module
 */
import { isCurrencyValue, isDecimalValue } from "../domain/shapes.js";
import { type Currency, findCurrency } from "./currency.js";

/**
 * An exact non-negative decimal number as written in a request, before its
 * currency is known: `coefficient / 10^scale`. `"2.50"` is
 * `{ coefficient: 250n, scale: 2 }`.
 *
 * @category Money
 */
export interface DecimalAmount {
  /** The digits without the point, as an integer: `250n` for `"2.50"`. */
  readonly coefficient: bigint;
  /** The number of digits after the point: `2` for `"2.50"`. */
  readonly scale: number;
}

/** Longest decimal accepted: far beyond 10^18 minor units, short enough to parse fast. */
const MAX_LENGTH = 64;

/**
 * Parses a decimal string such as `"19.99"`: digits, an optional point and
 * fraction digits. No sign, exponent, spaces or leading zeros (`"0.5"` is
 * fine, `"00.5"` and `".5"` are not). Trailing zeros are kept: `"2.50"` has
 * scale 2. The currency is not known yet, so any number of fraction digits
 * parses; {@link toMinorUnits} refuses too many.
 *
 * @param text - the decimal as written, at most 64 characters.
 * @returns the exact amount, or `undefined` when the text is not of that shape.
 * @example
 * ```ts
 * import { parseDecimal } from "refund-core";
 * parseDecimal("19.99"); // => { coefficient: 1999n, scale: 2 }
 * parseDecimal("2.50"); // => { coefficient: 250n, scale: 2 }
 * parseDecimal("1e3"); // => undefined
 * parseDecimal("-1.00"); // => undefined
 * ```
 * @category Money
 */
export function parseDecimal(text: string): DecimalAmount | undefined {
  if (typeof text !== "string") return undefined;
  const length = text.length;
  if (length > MAX_LENGTH) return undefined;
  // One pass over the characters, the shape `/^(0|[1-9][0-9]*)(?:\.[0-9]+)?$/` checked as it goes
  // (this runs for every amount decoded): digits, at most one point with
  // digits on both sides, no leading zero before a digit. Up to 15 digits
  // the coefficient is exact as a double, so no string is built.
  let point = -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) {
      if (point !== -1 || i === 0) return undefined;
      point = i;
    } else if (ch >= 48 && ch <= 57) {
      if (i === 1 && point === -1 && text.charCodeAt(0) === 48) return undefined;
      value = value * 10 + (ch - 48);
    } else return undefined;
  }
  if (length === 0 || point === length - 1) return undefined;
  const digits = point === -1 ? length : length - 1;
  const scale = point === -1 ? 0 : length - point - 1;
  const coefficient =
    digits <= 15
      ? BigInt(value)
      : BigInt(point === -1 ? text : text.slice(0, point) + text.slice(point + 1));
  return { coefficient, scale };
}

/**
 * Reads a JSON number as the decimal its shortest round-trip form shows
 * (`2.5` → `"2.5"`), so `19.99` is exactly 19.99. Numbers whose shortest form
 * needs an exponent (`1e21`, `1e-7`), negative numbers and non-finite numbers
 * are refused.
 *
 * @category Money
 */
export function decimalFromNumber(value: number): DecimalAmount | undefined {
  if (!Number.isFinite(value)) return undefined;
  return parseDecimal(String(value));
}

/**
 * Converts an exact decimal into minor units of `currency`, exactly.
 *
 * @param amount - an exact decimal, as {@link parseDecimal} returns it.
 * @param currency - the currency, as {@link findCurrency} returns it.
 * @returns the minor units, or `undefined` when the decimal has more fraction
 * digits than the currency has (`"1.234"` in USD is never rounded; in a
 * request this is `INVALID_INPUT`).
 * @example
 * ```ts
 * import { findCurrency, parseDecimal, toMinorUnits } from "refund-core";
 * const usd = findCurrency("USD")!;
 * toMinorUnits(parseDecimal("19.9")!, usd); // => 1990n
 * toMinorUnits(parseDecimal("1.234")!, usd); // => undefined
 * toMinorUnits(parseDecimal("1.234")!, findCurrency("KWD")!); // => 1234n
 * ```
 * @category Money
 */
export function toMinorUnits(amount: DecimalAmount, currency: Currency): bigint | undefined {
  if (!isDecimalValue(amount) || !isCurrencyValue(currency)) return undefined;
  // A scale that is not a whole number of digits (NaN, 1.5, negative) is no decimal: refuse, never throw.
  if (!Number.isSafeInteger(amount.scale) || amount.scale < 0 || amount.scale > currency.exponent)
    return undefined;
  const shift = currency.exponent - amount.scale;
  return shift === 0 ? amount.coefficient : amount.coefficient * 10n ** BigInt(shift);
}

/**
 * Writes minor units as a decimal string with exactly the currency's number
 * of fraction digits, the form of every amount refund-core outputs ([§1](../../docs/specification.md#1-money)).
 *
 * @param minor - integer minor units; a negative amount gets a `-` sign.
 * @param currency - the currency, as {@link findCurrency} returns it.
 * @returns the decimal string. Never fails: values that are not bigint
 * minor units and a currency (a JavaScript caller's wrong types) give `""`.
 * @example
 * ```ts
 * import { findCurrency, formatMinorUnits } from "refund-core";
 * formatMinorUnits(500n, findCurrency("USD")!); // => "5.00"
 * formatMinorUnits(1000n, findCurrency("JPY")!); // => "1000"
 * formatMinorUnits(1250n, findCurrency("KWD")!); // => "1.250"
 * formatMinorUnits(-7n, findCurrency("USD")!); // => "-0.07"
 * ```
 * @category Money
 */
export function formatMinorUnits(minor: bigint, currency: Currency): string {
  if (typeof minor !== "bigint" || !isCurrencyValue(currency)) return "";
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString();
  const sign = negative ? "-" : "";
  if (currency.exponent === 0) return sign + digits;
  const padded = digits.padStart(currency.exponent + 1, "0");
  const cut = padded.length - currency.exponent;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/**
 * `minor` units of the currency `code` as a decimal string: how money is
 * written into errors and audit reports. An unknown code — which the order
 * check reports on its own — is written with no decimals.
 */
export function formatInCurrency(minor: bigint, code: string): string {
  return formatMinorUnits(minor, findCurrency(code) ?? { code, exponent: 0 });
}

/**
 * Currencies: ISO 4217 codes and their minor-unit exponents, taken from the
 * dinero.js currency definitions.
 *
 * @module
 */
import * as dineroCurrencies from "dinero.js/bigint/currencies";

/**
 * An ISO 4217 currency with the number of digits of its minor unit.
 *
 * @category Money
 */
export interface Currency {
  /** The alphabetic ISO 4217 code, such as `"USD"`. */
  readonly code: string;
  /** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD. */
  readonly exponent: number;
}

const byCode: ReadonlyMap<string, Currency> = new Map(
  Object.values(dineroCurrencies).map((c): [string, Currency] => [
    c.code,
    { code: c.code, exponent: Number(c.exponent) },
  ]),
);

/**
 * Looks up a currency by its ISO 4217 alphabetic code.
 *
 * @param code - an alphabetic code such as `"EUR"`; lookup is case-sensitive.
 * @returns the currency, or `undefined` for a code dinero.js does not define
 * (the decoders report such a code as `INVALID_INPUT`).
 * @example
 * ```ts
 * import { findCurrency } from "refund-core";
 * findCurrency("USD"); // => { code: "USD", exponent: 2 }
 * findCurrency("JPY"); // => { code: "JPY", exponent: 0 }
 * findCurrency("KWD"); // => { code: "KWD", exponent: 3 }
 * findCurrency("usd"); // => undefined
 * ```
 * @category Money
 */
export function findCurrency(code: string): Currency | undefined {
  return byCode.get(code);
}

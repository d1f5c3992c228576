/**
 * The Dinero edge: refund-core computes on bigint minor units and hands
 * dinero.js objects to callers who want them.
 *
 * @module
 */
import { type Dinero, dinero } from "dinero.js/bigint";
import * as dineroCurrencies from "dinero.js/bigint/currencies";
import { isCurrencyValue } from "../domain/shapes.js";
import type { Currency } from "./currency.js";

/** ISO 4217's "no currency". */
const NO_CURRENCY = { code: "XXX", base: 10n, exponent: 0n };

const byCode = new Map(Object.values(dineroCurrencies).map((c) => [c.code, c]));

/**
 * A dinero.js bigint object for `minor` units of `currency`, for callers who
 * format or compute further with dinero.js. Take one side of a
 * {@link MoneyBag} with the order's matching currency.
 *
 * @param minor - integer minor units, such as `memo.total.presentment`.
 * @param currency - the currency of those units.
 * @returns a `Dinero<bigint>`. Never fails: values that are not bigint minor
 * units and a currency (a JavaScript caller's wrong types) give zero `XXX`,
 * ISO 4217's code for "no currency".
 * @example
 * ```ts
 * import { findCurrency, toDinero } from "refund-core";
 * import { toDecimal } from "dinero.js/bigint";
 * const usd = findCurrency("USD")!;
 * toDecimal(toDinero(1999n, usd)); // => "19.99"
 * ```
 * @category Money
 */
export function toDinero(minor: bigint, currency: Currency): Dinero<bigint> {
  if (typeof minor !== "bigint" || !isCurrencyValue(currency))
    return dinero({ amount: 0n, currency: NO_CURRENCY });
  const definition = byCode.get(currency.code) ?? {
    code: currency.code,
    base: 10n,
    exponent: BigInt(currency.exponent),
  };
  return dinero({ amount: minor, currency: definition });
}

/**
 * §1 money, function by function, with hand-worked numbers: decimals in and
 * out, rounding modes, largest remainder, bags, currencies, the dinero edge.
 */
import { toDecimal } from "dinero.js/bigint";
import { describe, expect, it } from "vitest";
import { findCurrency } from "../../src/money/currency.js";
import {
  decimalFromNumber,
  formatMinorUnits,
  parseDecimal,
  toMinorUnits,
} from "../../src/money/decimal.js";
import { toDinero } from "../../src/money/dinero.js";
import { allocateByLargestRemainder } from "../../src/money/largestRemainder.js";
import {
  addBags,
  bagsEqual,
  exceedsOnEitherSide,
  isNegativeOnEitherSide,
  isZeroBag,
  mapBag,
  sameSides,
  scaleBag,
  single,
  subtractBags,
  sumBags,
  sumBy,
  ZERO,
  zipBag,
} from "../../src/money/moneyBag.js";
import { divideRounded } from "../../src/money/rounding.js";

const usd = findCurrency("USD")!;
const jpy = findCurrency("JPY")!;
const kwd = findCurrency("KWD")!;

describe("currencies (§1)", () => {
  it("exponents come from dinero.js: USD 2, JPY 0, KWD 3; unknown and lower-case codes are undefined", () => {
    expect([usd, jpy, kwd]).toEqual([
      { code: "USD", exponent: 2 },
      { code: "JPY", exponent: 0 },
      { code: "KWD", exponent: 3 },
    ]);
    expect(findCurrency("XXX")).toBeUndefined();
    expect(findCurrency("usd")).toBeUndefined();
  });
});

describe("decimals (§1)", () => {
  it("parses digits with an optional fraction, exactly", () => {
    expect(parseDecimal("19.99")).toEqual({ coefficient: 1999n, scale: 2 });
    expect(parseDecimal("0.5")).toEqual({ coefficient: 5n, scale: 1 });
    expect(parseDecimal("0")).toEqual({ coefficient: 0n, scale: 0 });
    expect(parseDecimal("120")).toEqual({ coefficient: 120n, scale: 0 });
    expect(parseDecimal("1.000")).toEqual({ coefficient: 1000n, scale: 3 });
  });
  it("refuses signs, exponents, spaces, leading zeros, bare points and overlong text", () => {
    for (const text of ["-1", "+1", "1e3", " 1", "1 ", "01", "00.5", ".5", "5.", "", "1.2.3", "１"])
      expect(parseDecimal(text), text).toBeUndefined();
    expect(parseDecimal("9".repeat(64))).toEqual({ coefficient: BigInt("9".repeat(64)), scale: 0 });
    expect(parseDecimal("9".repeat(65))).toBeUndefined();
  });
  it("reads a JSON number by its shortest form: 19.99 is 19.99, 2.5 is 2.5; no exponents or non-finite numbers", () => {
    expect(decimalFromNumber(19.99)).toEqual({ coefficient: 1999n, scale: 2 });
    expect(decimalFromNumber(2.5)).toEqual({ coefficient: 25n, scale: 1 });
    expect(decimalFromNumber(0)).toEqual({ coefficient: 0n, scale: 0 });
    for (const n of [1e21, 1e-7, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(decimalFromNumber(n), String(n)).toBeUndefined();
  });
  it("converts to minor units without rounding: 19.9 USD = 1990, 1.234 USD refused, 1.234 KWD = 1234", () => {
    expect(toMinorUnits({ coefficient: 199n, scale: 1 }, usd)).toBe(1990n);
    expect(toMinorUnits({ coefficient: 1234n, scale: 3 }, usd)).toBeUndefined();
    expect(toMinorUnits({ coefficient: 1234n, scale: 3 }, kwd)).toBe(1234n);
    expect(toMinorUnits({ coefficient: 7n, scale: 0 }, jpy)).toBe(7n);
    expect(toMinorUnits({ coefficient: 7n, scale: 1 }, jpy)).toBeUndefined();
  });
  it("writes minor units with exactly the currency's digits, signed when negative", () => {
    expect(formatMinorUnits(500n, usd)).toBe("5.00");
    expect(formatMinorUnits(5n, usd)).toBe("0.05");
    expect(formatMinorUnits(0n, usd)).toBe("0.00");
    expect(formatMinorUnits(-5n, usd)).toBe("-0.05");
    expect(formatMinorUnits(-12345n, usd)).toBe("-123.45");
    expect(formatMinorUnits(1000n, jpy)).toBe("1000");
    expect(formatMinorUnits(-7n, jpy)).toBe("-7");
    expect(formatMinorUnits(1250n, kwd)).toBe("1.250");
    expect(formatMinorUnits(10n ** 18n, usd)).toBe("10000000000000000.00");
  });
});

describe("rounding", () => {
  it("half away from zero and half to even, on both signs", () => {
    const cases: [bigint, bigint, bigint, bigint][] = [
      // numerator, denominator, halfAwayFromZero, halfEven
      [5n, 2n, 3n, 2n],
      [7n, 2n, 4n, 4n],
      [-5n, 2n, -3n, -2n],
      [5n, -2n, -3n, -2n],
      [-5n, -2n, 3n, 2n],
      [10n, 3n, 3n, 3n],
      [11n, 3n, 4n, 4n],
      [-11n, 3n, -4n, -4n],
      [1n, 3n, 0n, 0n],
      [0n, 7n, 0n, 0n],
      [6n, 3n, 2n, 2n],
    ];
    for (const [n, d, away, even] of cases) {
      expect(divideRounded(n, d, "halfAwayFromZero"), `${n}/${d}`).toBe(away);
      expect(divideRounded(n, d, "halfEven"), `${n}/${d}`).toBe(even);
    }
  });
  it("a zero denominator gives 0 (total, never a throw)", () => {
    expect(divideRounded(5n, 0n, "halfAwayFromZero")).toBe(0n);
  });
});

describe("largest remainder", () => {
  it("2.00 over 5.00 / 3.00 / 2.00 is 1.00 / 0.60 / 0.40; 0.10 over 1/1/1 is 0.04 / 0.03 / 0.03", () => {
    expect(allocateByLargestRemainder(200n, [500n, 300n, 200n])).toEqual([100n, 60n, 40n]);
    expect(allocateByLargestRemainder(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
  });
  it("the largest remainders get the units left, ties to the earlier part", () => {
    // 10 over 1/2/4 (sum 7): 1.43 / 2.86 / 5.71 → floors 1/2/5 (8), remainders 3/6/5 sevenths:
    // the two units left go to the second and the third.
    expect(allocateByLargestRemainder(10n, [1n, 2n, 4n])).toEqual([1n, 3n, 6n]);
    // 11 over 4/2/1 (sum 7): 6.29 / 3.14 / 1.57 → floors 6/3/1 (10), remainders 2/1/4: one unit → the third.
    expect(allocateByLargestRemainder(11n, [4n, 2n, 1n])).toEqual([6n, 3n, 2n]);
    // 2 over 1/1/1: floors 0, remainders equal → the first two.
    expect(allocateByLargestRemainder(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    // 5 over 3/1/0/1 (sum 5): exact.
    expect(allocateByLargestRemainder(5n, [3n, 1n, 0n, 1n])).toEqual([3n, 1n, 0n, 1n]);
  });
  it("all weights zero: the first part takes everything; no parts: nothing", () => {
    expect(allocateByLargestRemainder(7n, [0n, 0n])).toEqual([7n, 0n]);
    expect(allocateByLargestRemainder(0n, [])).toEqual([]);
  });
});

describe("money bags", () => {
  const a = { shop: 5n, presentment: 3n };
  const b = { shop: 2n, presentment: 4n };
  it("add, subtract, scale and sum side by side", () => {
    expect(addBags(a, b)).toEqual({ shop: 7n, presentment: 7n });
    expect(addBags(single(2n), single(3n))).toEqual(single(5n));
    expect(subtractBags(a, b)).toEqual({ shop: 3n, presentment: -1n });
    expect(subtractBags(single(2n), single(3n))).toEqual(single(-1n));
    expect(scaleBag(a, 3n)).toEqual({ shop: 15n, presentment: 9n });
    expect(scaleBag(single(4n), 2n)).toEqual(single(8n));
    expect(sumBags([a, b, single(1n)])).toEqual({ shop: 8n, presentment: 8n });
    expect(sumBags([])).toEqual(ZERO);
    expect(sumBy([1n, 2n], (x) => ({ shop: x, presentment: 10n * x }))).toEqual({
      shop: 3n,
      presentment: 30n,
    });
    expect(mapBag(a, (x, side) => (side === "presentment" ? x + 1n : x * 2n))).toEqual({
      shop: 10n,
      presentment: 4n,
    });
    expect(zipBag(a, b, (x, y, side) => (side === "presentment" ? x * y : x - y))).toEqual({
      shop: 3n,
      presentment: 12n,
    });
  });
  it("compare side by side", () => {
    expect([sameSides(single(3n)), sameSides(a)]).toEqual([true, false]);
    expect([
      isZeroBag(ZERO),
      isZeroBag({ shop: 0n, presentment: 1n }),
      isZeroBag({ shop: 1n, presentment: 0n }),
    ]).toEqual([true, false, false]);
    expect([
      bagsEqual(a, { ...a }),
      bagsEqual(a, { ...a, shop: 6n }),
      bagsEqual(a, { ...a, presentment: 2n }),
    ]).toEqual([true, false, false]);
    expect([
      exceedsOnEitherSide(a, b),
      exceedsOnEitherSide(b, a),
      exceedsOnEitherSide(a, a),
    ]).toEqual([true, true, false]);
    expect(exceedsOnEitherSide({ shop: 1n, presentment: 1n }, { shop: 1n, presentment: 2n })).toBe(
      false,
    );
    expect([
      isNegativeOnEitherSide({ shop: -1n, presentment: 0n }),
      isNegativeOnEitherSide({ shop: 0n, presentment: -1n }),
      isNegativeOnEitherSide(ZERO),
    ]).toEqual([true, true, false]);
  });
});

describe("the dinero edge", () => {
  it("hands out dinero.js objects in the currency, also for a currency dinero.js does not define", () => {
    expect(toDecimal(toDinero(1999n, usd))).toBe("19.99");
    expect(toDecimal(toDinero(1250n, kwd))).toBe("1.250");
    expect(toDecimal(toDinero(5n, { code: "XTS", exponent: 1 }))).toBe("0.5");
  });
});

/**
 * The plain-loop sums of money bags (`BagSum`, `sumBags`, `sumAmounts`,
 * `sumBy`; issue 15) against the side-by-side sum worked apart from the
 * code, and what they share: the sum of one bag is that bag, of none `ZERO`.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  amountOf,
  BagSum,
  type MoneyBag,
  sumAmounts,
  sumBags,
  sumBy,
  ZERO,
} from "../../src/money/moneyBag.js";

const minor = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
/** Bags with equal sides (single-currency) and, now and then, unequal ones. */
const bagArb: fc.Arbitrary<MoneyBag> = fc.oneof(
  { weight: 3, arbitrary: minor.map((x) => ({ shop: x, presentment: x })) },
  { weight: 1, arbitrary: fc.record({ shop: minor, presentment: minor }) },
);

/** Σ shop and Σ presentment, side by side. */
function reference(bags: readonly MoneyBag[]): MoneyBag {
  let shop = 0n;
  let presentment = 0n;
  for (const b of bags) {
    shop += b.shop;
    presentment += b.presentment;
  }
  return { shop, presentment };
}

describe("bag sums", () => {
  test.prop([fc.array(bagArb, { maxLength: 12 })], { numRuns: 300 })(
    "every sum is the side-by-side sum; one bag is itself, none is ZERO",
    (bags) => {
      const running = new BagSum();
      for (const b of bags) running.add(b);
      const components = bags.map((amount) => ({ title: "t", amount }));
      const sums = [
        running.total(),
        sumBags(bags),
        sumAmounts(components),
        sumBy(components, amountOf),
        sumBy(components, (c) => c.amount),
      ];
      for (const sum of sums) {
        expect(sum).toEqual(reference(bags));
        if (bags.length === 0) expect(sum).toBe(ZERO);
        if (bags.length === 1) expect(sum).toBe(bags[0]);
      }
    },
  );

  test("a sum turns two-sided at the first unequal bag: 1 + 2 + (3 | 5) + 4 = 10 | 12", () => {
    const sum = new BagSum();
    for (const b of [
      { shop: 1n, presentment: 1n },
      { shop: 2n, presentment: 2n },
      { shop: 3n, presentment: 5n },
      { shop: 4n, presentment: 4n },
    ])
      sum.add(b);
    expect(sum.total()).toEqual({ shop: 10n, presentment: 12n });
  });
});

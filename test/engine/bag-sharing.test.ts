/**
 * The money layer shares bags where the value is the same (bags and bigints
 * are immutable), so that a 10,000-line refund allocates less
 * (docs/performance.md): the values are those of plain arithmetic, and the
 * shared bag is the very one given.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  addBags,
  amountOf,
  everySameSides,
  type MoneyBag,
  single,
  subtractBags,
  sumBy,
  sumSide,
  ZERO,
} from "../../src/money/moneyBag.js";
import {
  type Proration,
  prorate,
  prorateBag,
  prorateOverUnits,
} from "../../src/refund/proration.js";

const bagArb: fc.Arbitrary<MoneyBag> = fc.oneof(
  fc.bigInt({ min: -10_000n, max: 10_000n }).map(single),
  fc.record({
    shop: fc.bigInt({ min: -10_000n, max: 10_000n }),
    presentment: fc.bigInt({ min: -10_000n, max: 10_000n }),
  }),
  fc.constant({ shop: 0n, presentment: 0n }),
);

const prorationArb: fc.Arbitrary<Proration> = fc.record({
  method: fc.constantFrom("cumulative", "remaining", "perUnit"),
  rounding: fc.constantFrom("halfAwayFromZero", "halfEven"),
});

describe("sharing in bag arithmetic", () => {
  it("adding or subtracting zero gives the other bag itself", () => {
    const a: MoneyBag = { shop: 5n, presentment: 4n };
    const zero: MoneyBag = { shop: 0n, presentment: 0n };
    expect(addBags(a, ZERO)).toBe(a);
    expect(addBags(zero, a)).toBe(a);
    expect(subtractBags(a, zero)).toBe(a);
  });

  it("the sum of one item is that item's bag", () => {
    const a: MoneyBag = { shop: 7n, presentment: 6n };
    expect(sumBy([{ amount: a }], amountOf)).toBe(a);
    expect(sumBy([], amountOf)).toEqual(ZERO);
  });

  test.prop([bagArb, bagArb])(
    "addBags and subtractBags are plain arithmetic on each side",
    (a, b) => {
      expect(addBags(a, b)).toEqual({
        shop: a.shop + b.shop,
        presentment: a.presentment + b.presentment,
      });
      expect(subtractBags(a, b)).toEqual({
        shop: a.shop - b.shop,
        presentment: a.presentment - b.presentment,
      });
    },
  );

  test.prop([fc.array(bagArb, { maxLength: 6 })])(
    "sumBy, sumSide and everySameSides agree with plain sums",
    (bags) => {
      const items = bags.map((amount) => ({ amount }));
      const shop = bags.reduce((s, b) => s + b.shop, 0n);
      const presentment = bags.reduce((s, b) => s + b.presentment, 0n);
      expect(sumBy(items, amountOf)).toEqual({ shop, presentment });
      expect(sumSide(items, "shop")).toBe(shop);
      expect(sumSide(items, "presentment")).toBe(presentment);
      expect(everySameSides(items)).toBe(bags.every((b) => b.shop === b.presentment));
    },
  );
});

describe("prorateOverUnits and prorateBag are prorate on each side", () => {
  test.prop([
    bagArb,
    bagArb,
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 12 }),
    prorationArb,
  ])("for any amounts, history and units", (amount, refunded, whole, before, now, proration) => {
    const progress = { whole: BigInt(whole), before: BigInt(before), now: BigInt(now) };
    const side = (s: "shop" | "presentment") =>
      prorate({ amount: amount[s], refunded: refunded[s] }, progress, proration);
    const expected = { shop: side("shop"), presentment: side("presentment") };
    expect(
      prorateOverUnits(amount, refunded, progress.whole, progress.before, progress.now, proration),
    ).toEqual(expected);
    expect(
      prorateBag(
        amount,
        refunded,
        {
          whole: single(progress.whole),
          before: single(progress.before),
          now: single(progress.now),
        },
        proration,
      ),
    ).toEqual(expected);
  });
});

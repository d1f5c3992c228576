/**
 * The fast paths of a memo line (issue 15 part 2) against the general
 * code they stand in for: `divideRoundedNatural` (a non-negative share
 * rounded with `⌊d/2⌋` given) against `divideRounded`'s sign-by-sign rule,
 * `prorateFirstRefund` (a line's first refund) against `prorateAmount`
 * with `R = r = 0`, and `refundLine`'s one-sided path for unit refunds
 * against `refundLineByBags`, field by field and key by key, and
 * `memoTotals`' one-sided sums against `memoTotalsByBags`. Each with
 * hand-worked examples, ties under both roundings among them.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { CreditMemoLine } from "../../src/domain/creditMemo.js";
import type { LineItem, Order } from "../../src/domain/order.js";
import { POLICY_NAMES } from "../../src/domain/policy.js";
import { bagAt, type MoneyBag, single, ZERO } from "../../src/money/moneyBag.js";
import {
  divideRounded,
  divideRoundedNatural,
  type RoundingMode,
} from "../../src/money/rounding.js";
import { lineHistoryOf, readRefundHistory } from "../../src/order/refundHistory.js";
import { refundLine, refundLineByBags } from "../../src/refund/lineRefund.js";
import type { SelectedLine } from "../../src/refund/lineSelection.js";
import {
  type Proration,
  prorateAmount,
  prorateFirstRefund,
  prorationsOf,
  unitsOf,
} from "../../src/refund/proration.js";
import {
  LineSums,
  memoTotals,
  memoTotalsByBags,
  memoTotalsOfSums,
} from "../../src/refund/totals.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { apply, RUNS } from "./support.js";

const ROUNDINGS: readonly RoundingMode[] = ["halfAwayFromZero", "halfEven"];

/** `n / d` rounded with `mode`, the textbook way: sign apart, twice the remainder against `d`. */
function roundedQuotient(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = a / b;
  const twice = 2n * (a % b);
  const up = twice > b || (twice === b && (mode === "halfAwayFromZero" || q % 2n === 1n));
  const r = up ? q + 1n : q;
  return negative ? -r : r;
}

describe("divideRoundedNatural", () => {
  it.each([
    // numerator, denominator, half away from zero, half even
    [7n, 2n, 4n, 4n], // 3.5: a tie, 3 is odd
    [5n, 2n, 3n, 2n], // 2.5: a tie, 2 is even
    [8n, 3n, 3n, 3n], // 2.67
    [7n, 3n, 2n, 2n], // 2.33: remainder 1 = ⌊3/2⌋, but 3 is odd: no tie
    [10n, 4n, 3n, 2n], // 2.5: a tie
    [14n, 4n, 4n, 4n], // 3.5: a tie
    [0n, 5n, 0n, 0n],
    [1n, 2n, 1n, 0n], // 0.5: a tie, 0 is even
    [9n, 1n, 9n, 9n],
  ])("%d / %d is %d half away from zero, %d half even", (n, d, away, even) => {
    expect(divideRoundedNatural(n, d, d >> 1n, "halfAwayFromZero")).toBe(away);
    expect(divideRoundedNatural(n, d, d >> 1n, "halfEven")).toBe(even);
    expect(divideRounded(n, d, "halfAwayFromZero")).toBe(away);
    expect(divideRounded(n, d, "halfEven")).toBe(even);
  });

  const denominatorArb = fc.oneof(
    fc.bigInt({ min: 1n, max: 12n }),
    fc.bigInt({ min: 1n, max: 10n ** 30n }),
  );
  const numeratorArb = fc.oneof(
    fc.bigInt({ min: 0n, max: 100n }),
    fc.bigInt({ min: 0n, max: 10n ** 40n }),
  );

  test.prop([numeratorArb, denominatorArb, fc.constantFrom(...ROUNDINGS)], RUNS)(
    "equals the textbook rounding on non-negative numerators",
    (n, d, mode) => {
      expect(divideRoundedNatural(n, d, d >> 1n, mode)).toBe(roundedQuotient(n, d, mode));
      expect(divideRounded(n, d, mode)).toBe(roundedQuotient(n, d, mode));
    },
  );

  test.prop(
    [fc.bigInt({ min: 0n, max: 10n ** 20n }), denominatorArb, fc.constantFrom(...ROUNDINGS)],
    RUNS,
  )("and on exact ties, k + 1/2", (k, halfD, mode) => {
    const d = 2n * halfD;
    const n = k * d + halfD;
    expect(divideRoundedNatural(n, d, d >> 1n, mode)).toBe(roundedQuotient(n, d, mode));
  });

  test.prop(
    [
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).filter((d) => d !== 0n),
      fc.constantFrom(...ROUNDINGS),
    ],
    RUNS,
  )("divideRounded keeps the textbook rounding on every sign", (n, d, mode) => {
    expect(divideRounded(n, d, mode)).toBe(roundedQuotient(n, d, mode));
  });
});

describe("prorateFirstRefund", () => {
  const cumulative = (rounding: RoundingMode): Proration => ({ method: "cumulative", rounding });

  it.each([
    // x, n, q, half away from zero, half even
    [5n, 4n, 2n, 3n, 2n], // 0.05 over 4 units, 2 now: 2.5, a tie
    [5n, 3n, 1n, 2n, 2n], // 1.67
    [5n, 3n, 2n, 3n, 3n], // 3.33
    [7n, 2n, 1n, 4n, 4n], // 3.5, a tie, 3 is odd
    [5n, 3n, 0n, 0n, 0n], // nothing now
    [5n, 3n, 3n, 5n, 5n], // all now: the whole component
    [5n, 3n, 4n, 5n, 5n], // more than all: still the whole component
    [0n, 3n, 1n, 0n, 0n], // a zero component
    [-5n, 3n, 1n, 0n, 0n], // a negative component gives nothing back
    [-5n, 3n, 3n, 0n, 0n],
  ])("%d over %d parts, %d now: %d half away from zero, %d half even", (x, n, q, away, even) => {
    expect(prorateFirstRefund(x, n, n >> 1n, q, "halfAwayFromZero")).toBe(away);
    expect(prorateFirstRefund(x, n, n >> 1n, q, "halfEven")).toBe(even);
    expect(prorateAmount(x, 0n, n, 0n, q, cumulative("halfAwayFromZero"))).toBe(away);
    expect(prorateAmount(x, 0n, n, 0n, q, cumulative("halfEven"))).toBe(even);
  });

  test.prop(
    [
      fc.oneof(
        fc.bigInt({ min: -100n, max: 1_000n }),
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      ),
      fc.integer({ min: 1, max: 50 }),
      fc.integer({ min: -3, max: 60 }),
      fc.constantFrom("cumulative", "remaining"),
      fc.constantFrom(...ROUNDINGS),
    ],
    RUNS,
  )(
    "equals prorateAmount with nothing refunded before, by cumulative and remaining",
    (x, units, now, method, rounding) => {
      const n = BigInt(units);
      const q = BigInt(now);
      expect(prorateFirstRefund(x, n, n >> 1n, q, rounding)).toBe(
        prorateAmount(x, 0n, n, 0n, q, { method, rounding }),
      );
    },
  );

  test.prop(
    [
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom(...ROUNDINGS),
    ],
    RUNS,
  )("equals round(X·q/n) exactly, for every q from 0 to n", (x, units, rounding) => {
    const n = BigInt(units);
    for (let q = 0n; q <= n; q++)
      expect(prorateFirstRefund(x, n, n >> 1n, q, rounding)).toBe(
        roundedQuotient(x * q, n, rounding),
      );
  });
});

/** The memo line of `quantity` units of `line`, by `refundLine` and by `refundLineByBags`. */
function bothPaths(
  order: Order,
  position: number,
  quantity: number,
  refundDuties: boolean,
  proration: Proration,
): { fast: CreditMemoLine; bags: CreditMemoLine } {
  const line = order.lineItems[position] as LineItem;
  const selected: SelectedLine = {
    line,
    history: lineHistoryOf(readRefundHistory(order.refunds), line.id),
    quantity,
    restock: "no_restock",
    locationId: null,
    amount: null,
    progress: null,
  };
  const options = { refundDuties, taxesIncluded: order.taxesIncluded };
  return {
    fast: refundLine(selected, options, proration),
    bags: refundLineByBags(selected, options, proration),
  };
}

/** An order after up to three valid refunds: lines with a history of their own. */
const refundedOrderArb = fc
  .tuple(generatedOrderArb(), fc.array(stepChoiceArb({ refundDuties: true }), { maxLength: 3 }))
  .map(([generated, steps]) =>
    steps.reduce((order, step) => {
      const request = validRequest(order, step);
      const applied = request === undefined ? undefined : apply(order, request);
      return applied?.ok ? applied.order : order;
    }, generated.order),
  );

// A hand-worked line: 3 units of 10.00, discounts 1.00 (titled) and 0.05, taxes 0.50 and 0.07.
const usd = (minor: bigint): MoneyBag => single(minor);
const handOrder: Order = {
  id: "o",
  currency: "USD",
  presentmentCurrency: "USD",
  taxesIncluded: false,
  lineItems: [
    {
      id: "L",
      quantity: 3,
      price: usd(1000n),
      discountAllocations: [{ title: "TEN", amount: usd(100n) }, { amount: usd(5n) }],
      taxLines: [
        { title: "State", rate: "0.05", amount: usd(50n) },
        { title: "City", amount: usd(7n) },
      ],
      duties: [],
      fulfilledQuantity: 3,
    },
  ],
  shippingLines: [],
  invoices: [],
  refunds: [],
};

describe("unitsOf", () => {
  it("gives a count's bigint, shared below 1,024 and new above", () => {
    expect(unitsOf(0)).toBe(0n);
    expect(unitsOf(3)).toBe(3n);
    expect(unitsOf(1023)).toBe(1023n);
    expect(unitsOf(1024)).toBe(1024n);
    expect(unitsOf(5000)).toBe(5000n);
  });

  test.prop([fc.oneof(fc.nat({ max: 2048 }), fc.maxSafeNat())], RUNS)(
    "equals BigInt of every whole count",
    (count) => {
      expect(unitsOf(count)).toBe(BigInt(count));
    },
  );
});

describe("refundLine's one-sided path", () => {
  it("counts past the shared bigints: 1,025 of 2,049 units", () => {
    // 2,049 units of 0.01, discount 0.33, tax 1.00; 1,025 now, ⌊n/2⌋ = 1,024 (not shared).
    // Discount round(33 · 1025 / 2049) = round(16.508) = 0.17; tax round(102500 / 2049) = round(50.02) = 0.50.
    const order: Order = {
      ...handOrder,
      lineItems: [
        {
          id: "L",
          quantity: 2049,
          price: usd(1n),
          discountAllocations: [{ amount: usd(33n) }],
          taxLines: [{ title: "T", amount: usd(100n) }],
          duties: [],
          fulfilledQuantity: 2049,
        },
      ],
    };
    for (const policy of ["default", "bankers"] as const) {
      const { fast, bags } = bothPaths(order, 0, 1025, false, prorationsOf(policy).lines);
      expect(fast).toStrictEqual(bags);
      expect([fast.gross, fast.discount, fast.subtotal, fast.tax, fast.total]).toEqual([
        usd(1025n),
        usd(17n),
        usd(1008n),
        usd(50n),
        usd(1058n),
      ]);
    }
  });

  test.prop(
    [refundedOrderArb, fc.nat(), fc.nat(), fc.boolean(), fc.constantFrom(...POLICY_NAMES)],
    RUNS,
  )(
    "gives the memo line of the bag path, key by key, on every line, history and policy",
    (order, pick, units, refundDuties, policy) => {
      fc.pre(order.lineItems.length > 0);
      const position = pick % order.lineItems.length;
      const line = order.lineItems[position] as LineItem;
      const history = lineHistoryOf(readRefundHistory(order.refunds), line.id);
      // Any count of the units left, none (a duty-only line) included.
      const quantity = units % (line.quantity - history.refundedQuantity + 1);
      const { fast, bags } = bothPaths(
        order,
        position,
        quantity,
        refundDuties,
        prorationsOf(policy).lines,
      );
      expect(fast).toStrictEqual(bags);
    },
  );

  it("prorates a first refund of 2 of 3 units by hand (default policy)", () => {
    const { fast, bags } = bothPaths(handOrder, 0, 2, false, prorationsOf("default").lines);
    // Discounts round(100·2/3) = 67, round(5·2/3) = 3; taxes round(50·2/3) = 33, round(7·2/3) = 5.
    expect(fast.discountAllocations).toStrictEqual([
      { title: "TEN", amount: usd(67n) },
      { amount: usd(3n) },
    ]);
    expect(fast.taxLines).toStrictEqual([
      { title: "State", rate: "0.05", amount: usd(33n) },
      { title: "City", amount: usd(5n) },
    ]);
    expect(fast.gross).toEqual(usd(2000n));
    expect(fast.discount).toEqual(usd(70n));
    expect(fast.subtotal).toEqual(usd(1930n));
    expect(fast.tax).toEqual(usd(38n));
    expect(fast.total).toEqual(usd(1968n));
    expect(fast).toStrictEqual(bags);
  });

  it("shares the bags the bag path shares: a whole line's components are the order's own", () => {
    const line = handOrder.lineItems[0] as LineItem;
    const { fast } = bothPaths(handOrder, 0, 3, false, prorationsOf("default").lines);
    expect(fast.discountAllocations[0]?.amount).toBe(line.discountAllocations[0]?.amount);
    expect(fast.taxLines[1]?.amount).toBe(line.taxLines[1]?.amount);
    expect(fast.duties).toStrictEqual([]);
    expect(Object.isFrozen(fast.duties)).toBe(true);
  });

  it("takes the bag path's values when a bag has two sides", () => {
    const twoSided: Order = {
      ...handOrder,
      presentmentCurrency: "EUR",
      lineItems: [
        {
          ...(handOrder.lineItems[0] as LineItem),
          taxLines: [{ title: "State", amount: { shop: 50n, presentment: 46n } }],
        },
      ],
    };
    const { fast, bags } = bothPaths(twoSided, 0, 2, false, prorationsOf("default").lines);
    expect(fast.tax).toEqual({ shop: 33n, presentment: 31n });
    expect(fast).toStrictEqual(bags);
  });

  it.each(POLICY_NAMES)("agrees with the bag path on a later refund under %s", (policy) => {
    const proration = prorationsOf(policy).lines;
    const first = bothPaths(handOrder, 0, 1, false, proration).fast;
    const after: Order = {
      ...handOrder,
      refunds: [
        {
          id: "o-1",
          orderId: "o",
          currency: "USD",
          presentmentCurrency: "USD",
          taxesIncluded: false,
          lineItems: [{ ...first, restock: "no_restock", locationId: null }],
          shipping: {
            amount: usd(0n),
            tax: usd(0n),
            maximumRefundable: usd(0n),
            lines: [],
          },
          adjustmentPositive: usd(0n),
          adjustmentNegative: usd(0n),
          subtotal: first.subtotal,
          discount: first.discount,
          tax: first.tax,
          duties: usd(0n),
          total: first.total,
          maximumRefundable: first.total,
          transactions: [],
          exchangeDifference: 0n,
          reason: null,
          note: null,
          notify: false,
          idempotencyKey: null,
        },
      ],
    };
    for (const q of [0, 1, 2]) {
      const { fast, bags } = bothPaths(after, 0, q, false, proration);
      expect(fast).toStrictEqual(bags);
    }
  });
});

describe("bagAt", () => {
  it("reads a history list by position, zero past its end", () => {
    const a = single(5n);
    expect(bagAt([a], 0)).toBe(a);
    expect(bagAt([a], 1)).toBe(ZERO);
    expect(bagAt([], 0)).toBe(ZERO);
  });
});

describe("memoTotals' one-sided sums", () => {
  const adjustmentArb: fc.Arbitrary<MoneyBag> = fc.oneof(
    fc.bigInt({ min: 0n, max: 10_000n }).map(single),
    fc.record({
      shop: fc.bigInt({ min: 0n, max: 10_000n }),
      presentment: fc.bigInt({ min: 0n, max: 10_000n }),
    }),
  );

  test.prop(
    [
      refundedOrderArb,
      stepChoiceArb({ refundDuties: true }),
      fc.constantFrom(...POLICY_NAMES),
      adjustmentArb,
      adjustmentArb,
    ],
    RUNS,
  )(
    "equal the bag path's totals on every memo, with any adjustments",
    (order, step, policy, positive, negative) => {
      const request = validRequest(order, step);
      fc.pre(request !== undefined);
      if (request === undefined) return;
      const memo = calculate(order, request, policy);
      fc.pre(E.isRight(memo));
      if (E.isLeft(memo)) return;
      const { lineItems, shipping, taxesIncluded } = memo.right;
      // The memo's own totals, added up in calculate's line loop (LineSums).
      const { subtotal, discount, tax, duties, total } = memo.right;
      expect({ subtotal, discount, tax, duties, total }).toStrictEqual(
        memoTotalsByBags(
          lineItems,
          shipping,
          memo.right.adjustmentPositive,
          memo.right.adjustmentNegative,
          taxesIncluded,
        ),
      );
      for (const [p, n] of [
        [memo.right.adjustmentPositive, memo.right.adjustmentNegative],
        [positive, negative],
      ] as const)
        expect(memoTotals(lineItems, shipping, p, n, taxesIncluded)).toStrictEqual(
          memoTotalsByBags(lineItems, shipping, p, n, taxesIncluded),
        );
    },
  );

  it("adds up a hand-worked memo", () => {
    const proration = prorationsOf("default").lines;
    const { fast: line } = bothPaths(handOrder, 0, 2, false, proration);
    const shipping = {
      amount: single(500n),
      tax: single(25n),
      maximumRefundable: single(500n),
      lines: [],
    };
    // Subtotal 19.30, tax 0.38 + 0.25, shipping 5.00, +1.00 −0.50: 19.30 + 0.38 + 5.00 + 0.25 + 0.50.
    const totals = memoTotals([line, line], shipping, single(100n), single(50n), false);
    expect(totals).toStrictEqual({
      subtotal: single(3860n),
      discount: single(140n),
      tax: single(101n),
      duties: single(0n),
      total: single(3860n + 76n + 500n + 25n + 50n),
    });
    expect(totals).toStrictEqual(
      memoTotalsByBags([line, line], shipping, single(100n), single(50n), false),
    );
    // Taxes included: the tax is inside the subtotal, not added again.
    expect(memoTotals([line], shipping, ZERO, ZERO, true).total).toEqual(single(1930n + 500n));
  });

  it("running sums: bigints of one-sided lines, bags of the others, ended by two sides", () => {
    const sums = new LineSums();
    // A line made on one side adds its bigints: 19.30, 0.70 discount, 0.38 tax, no duties.
    sums.addOneSided(1930n, 70n, 38n, []);
    // A line made on bags adds its bags, duties and their taxes included: 5.00 + 0.50 (0.05 tax).
    sums.addLine({
      ...memoLineOf(single(1000n), single(0n), single(60n)),
      duties: [
        { dutyId: "d", amount: single(50n), taxLines: [{ title: "T", amount: single(5n) }] },
      ],
    });
    expect([sums.subtotal, sums.discount, sums.tax, sums.duties, sums.dutiesTax]).toEqual([
      2930n,
      70n,
      98n,
      50n,
      5n,
    ]);
    expect(sums.oneSided).toBe(true);
    const shipping = { amount: single(500n), tax: single(25n), maximumRefundable: ZERO, lines: [] };
    // 29.30 + 0.98 + 5.00 + 0.25 + 0.50 + 0.05 = 36.08.
    expect(memoTotalsOfSums(sums, [], shipping, ZERO, ZERO, false).total).toEqual(single(3608n));
    // A two-sided bag ends the sums; nothing added after it counts, and the totals come from the lines.
    const twoSided = memoLineOf({ shop: 900n, presentment: 1000n }, ZERO, ZERO);
    sums.addLine(twoSided);
    expect(sums.oneSided).toBe(false);
    sums.addOneSided(1n, 1n, 1n, []);
    expect(memoTotalsOfSums(sums, [twoSided], shipping, ZERO, ZERO, false).total).toEqual({
      shop: 900n + 525n,
      presentment: 1000n + 525n,
    });
    // So does a two-sided duty or duty tax.
    for (const [amount, tax] of [
      [{ shop: 1n, presentment: 2n }, single(1n)],
      [single(1n), { shop: 1n, presentment: 2n }],
    ] as const) {
      const s = new LineSums();
      s.addOneSided(0n, 0n, 0n, [{ dutyId: "d", amount, taxLines: [{ title: "T", amount: tax }] }]);
      expect(s.oneSided).toBe(false);
    }
  });
});

/** A memo line of the given subtotal, discount and tax (gross = subtotal + discount). */
function memoLineOf(subtotal: MoneyBag, discount: MoneyBag, tax: MoneyBag): CreditMemoLine {
  return {
    lineItemId: "x",
    quantity: 1,
    amount: null,
    price: subtotal,
    gross: subtotal,
    discount,
    subtotal,
    tax,
    discountAllocations: [],
    taxLines: [],
    duties: [],
    total: subtotal,
    restock: "no_restock",
    locationId: null,
  };
}

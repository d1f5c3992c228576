/**
 * `refundLine` and `checkOrderItself`'s per-line check are written as plain
 * loops with shared bags for speed (docs/performance.md). This compares
 * them, on generated orders with histories, every policy and both
 * currencies, with a reference written the plain way — `prorate` on each
 * side, lists by `map`, sums side by side in bigints, fresh objects
 * everywhere — that mirrors the code before the rewrite. The proration rule
 * itself is checked against exact rationals elsewhere (invariants,
 * boundedError); this checks the wiring around it.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo, CreditMemoLine } from "../../src/domain/creditMemo.js";
import type { LineItem, Order } from "../../src/domain/order.js";
import { POLICY_NAMES, type PolicyName } from "../../src/domain/policy.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { checkOrderItself } from "../../src/order/orderConsistency.js";
import {
  type LineHistory,
  lineHistoryOf,
  readRefundHistory,
  refundedAt,
} from "../../src/order/refundHistory.js";
import { type Proration, prorate, prorationsOf } from "../../src/refund/proration.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import {
  anyChoiceArb,
  anyRequest,
  type StepChoice,
  stepChoiceArb,
  validRequest,
} from "../arbitraries/request.js";
import { sub as minus, add as plus, total, ZERO_BAG as zero } from "../arbitraries/state.js";
import { apply, RUNS } from "./support.js";

/** `prorate` on each side over the line's units, objects and all. */
function shareOf(
  amount: MoneyBag,
  refunded: MoneyBag,
  units: { whole: number; before: number; now: number },
  proration: Proration,
): MoneyBag {
  const progress = {
    whole: BigInt(units.whole),
    before: BigInt(units.before),
    now: BigInt(units.now),
  };
  return {
    shop: prorate({ amount: amount.shop, refunded: refunded.shop }, progress, proration),
    presentment: prorate(
      { amount: amount.presentment, refunded: refunded.presentment },
      progress,
      proration,
    ),
  };
}

/** The memo line, computed the plain way. */
function referenceLine(
  line: LineItem,
  history: LineHistory,
  quantity: number,
  options: { refundDuties: boolean; taxesIncluded: boolean },
  proration: Proration,
): Omit<CreditMemoLine, "restock" | "locationId"> {
  const units = { whole: line.quantity, before: history.refundedQuantity, now: quantity };
  const share = (amount: MoneyBag, refunded: MoneyBag) =>
    shareOf(amount, refunded, units, proration);
  const gross = {
    shop: line.price.shop * BigInt(quantity),
    presentment: line.price.presentment * BigInt(quantity),
  };
  const discountAllocations = line.discountAllocations.map((d, i) => {
    const amount = share(d.amount, refundedAt(history.discountAllocations, i));
    return d.title === undefined ? { amount } : { title: d.title, amount };
  });
  const taxLines = line.taxLines.map((t, i) => {
    const amount = share(t.amount, refundedAt(history.taxLines, i));
    return t.rate === undefined
      ? { title: t.title, amount }
      : { title: t.title, rate: t.rate, amount };
  });
  const duties = line.duties.map((duty) => {
    const dh = history.duties.get(duty.id);
    const refunded = (amount: MoneyBag, before: MoneyBag) =>
      options.refundDuties ? share(amount, before) : zero;
    return {
      dutyId: duty.id,
      amount: refunded(duty.amount, dh?.amount ?? zero),
      taxLines: duty.taxLines.map((t, i) => {
        const amount = refunded(t.amount, refundedAt(dh?.taxLines ?? [], i));
        return t.rate === undefined
          ? { title: t.title, amount }
          : { title: t.title, rate: t.rate, amount };
      }),
    };
  });
  const discount = total(discountAllocations.map((d) => d.amount));
  const subtotal = minus(gross, discount);
  const tax = total(taxLines.map((t) => t.amount));
  const dutiesWithTax = total(
    duties.map((d) => plus(d.amount, total(d.taxLines.map((t) => t.amount)))),
  );
  return {
    lineItemId: line.id,
    quantity,
    amount: null,
    price: line.price,
    gross,
    discount,
    subtotal,
    tax,
    discountAllocations,
    taxLines,
    duties,
    total: plus(options.taxesIncluded ? subtotal : plus(subtotal, tax), dutiesWithTax),
  };
}

/** The per-line errors of `checkOrderItself`, computed the plain way (bags on both sides). */
function referenceLineChecks(order: Order): string[] {
  const paths: string[] = [];
  order.lineItems.forEach((line, i) => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) return;
    const q = BigInt(line.quantity);
    const gross = { shop: line.price.shop * q, presentment: line.price.presentment * q };
    const discount = total(line.discountAllocations.map((d) => d.amount));
    const exceeds = (a: MoneyBag, b: MoneyBag) => a.shop > b.shop || a.presentment > b.presentment;
    if (exceeds(discount, gross)) paths.push(`lineItems[${i}].discountAllocations`);
    else if (
      order.taxesIncluded &&
      exceeds(total(line.taxLines.map((t) => t.amount)), minus(gross, discount))
    )
      paths.push(`lineItems[${i}].taxLines`);
  });
  return paths;
}

/** `order` after `step`, when the step makes a valid refund; else `order` unchanged. */
function afterStep(order: Order, step: StepChoice): Order {
  const request = validRequest(order, step);
  const applied = request === undefined ? undefined : apply(order, request);
  return applied?.ok ? applied.order : order;
}

/** An order after up to three valid refunds: lines with a history of their own. */
const refundedOrderArb = fc
  .tuple(generatedOrderArb(), fc.array(stepChoiceArb(), { maxLength: 3 }))
  .map(([generated, steps]) => steps.reduce(afterStep, generated.order));

/** Checks every line of the memo `request` gives under `policy`; the number of lines checked. */
function expectLinesMatchReference(
  order: Order,
  request: RefundRequest,
  memo: CreditMemo,
  policy: PolicyName,
): number {
  const history = readRefundHistory(order.refunds);
  const options = {
    refundDuties: request.full || request.refundDuties,
    taxesIncluded: order.taxesIncluded,
  };
  for (const memoLine of memo.lineItems) {
    const line = order.lineItems.find((l) => l.id === memoLine.lineItemId);
    if (line === undefined) expect.fail(`no order line ${memoLine.lineItemId}`);
    const { restock: _r, locationId: _l, ...computed } = memoLine;
    expect(computed).toEqual(
      referenceLine(
        line,
        lineHistoryOf(history, line.id),
        memoLine.quantity,
        options,
        prorationsOf(policy).lines,
      ),
    );
  }
  return memo.lineItems.length;
}

describe("refundLine against the plain reference", () => {
  test.prop([refundedOrderArb, anyChoiceArb, fc.constantFrom(...POLICY_NAMES)], RUNS)(
    "every memo line equals the reference, field by field",
    (order, choice, policy) => {
      const request = anyRequest(order, choice);
      const result = calculate(order, request, policy);
      if (E.isLeft(result)) return;
      expectLinesMatchReference(order, request, result.right, policy);
    },
  );

  // Arbitrary requests are mostly rejected: with seed 2, 8 runs in 60 compared a line, 3 of
  // them on a line with a history. Valid requests with lines reach the comparison in most runs.
  test.prop(
    [refundedOrderArb, stepChoiceArb({ refundDuties: true }), fc.constantFrom(...POLICY_NAMES)],
    RUNS,
  )(
    "every line of a valid request, with or without a history, equals the reference",
    (order, step, policy) => {
      const request = validRequest(order, step);
      fc.pre(request !== undefined && request.lineItems.length > 0);
      if (request === undefined) return;
      const result = calculate(order, request, policy);
      fc.pre(E.isRight(result));
      if (E.isLeft(result)) return;
      expect(expectLinesMatchReference(order, request, result.right, policy)).toBeGreaterThan(0);
    },
  );
});

/** A line whose price, discounts and taxes are drawn freely, sides independent or not. */
const wildLineArb = fc
  .record({
    quantity: fc.integer({ min: 1, max: 3 }),
    price: fc.bigInt({ min: 0n, max: 100n }),
    priceSkew: fc.bigInt({ min: -20n, max: 20n }),
    discounts: fc.array(
      fc.tuple(fc.bigInt({ min: 0n, max: 150n }), fc.bigInt({ min: -20n, max: 20n })),
      { maxLength: 3 },
    ),
    taxes: fc.array(
      fc.tuple(fc.bigInt({ min: 0n, max: 150n }), fc.bigInt({ min: -20n, max: 20n })),
      { maxLength: 3 },
    ),
    skewed: fc.boolean(),
  })
  .map(({ quantity, price, priceSkew, discounts, taxes, skewed }) => {
    const bag = (shop: bigint, skew: bigint): MoneyBag => ({
      shop,
      presentment: skewed && shop + skew >= 0n ? shop + skew : shop,
    });
    return {
      id: "",
      quantity,
      price: bag(price, priceSkew),
      discountAllocations: discounts.map(([a, s]) => ({ amount: bag(a, s) })),
      taxLines: taxes.map(([a, s]) => ({ title: "Tax", amount: bag(a, s) })),
      duties: [],
      fulfilledQuantity: quantity,
    } satisfies LineItem;
  });

describe("checkOrderItself's per-line check against the plain reference", () => {
  test.prop([fc.array(wildLineArb, { minLength: 1, maxLength: 4 }), fc.boolean()], RUNS)(
    "discounts above the gross and included taxes above the net, on either side",
    (lines, taxesIncluded) => {
      const order: Order = {
        id: "o",
        currency: "USD",
        presentmentCurrency: "EUR",
        taxesIncluded,
        lineItems: lines.map((line, i) => ({ ...line, id: `L${i}` })),
        shippingLines: [],
        invoices: [],
        refunds: [],
      };
      const reported = checkOrderItself(order)
        .map((e) => ("path" in e ? e.path : undefined))
        .filter((p) => p?.endsWith("discountAllocations") || p?.endsWith("taxLines"));
      expect(reported).toEqual(referenceLineChecks(order));
    },
  );
});

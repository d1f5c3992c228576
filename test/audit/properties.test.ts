/**
 * Audit invariants: a history the engine produced under a policy is clean
 * under that policy, and a tampered total is always found.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { LineItem, Order, ShippingLine } from "../../src/domain/order.js";
import { POLICY_NAMES } from "../../src/domain/policy.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

const amountArb = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) });

/**
 * A bag: equal sides, or on a multi-currency order an independent shop side
 * that is zero exactly when the presentment side is (as converted money is).
 */
const bagArb = (multi: boolean, max: number): fc.Arbitrary<MoneyBag> =>
  multi
    ? fc
        .record({ shop: fc.bigInt({ min: 1n, max: BigInt(max) }), presentment: amountArb(max) })
        .map(({ shop, presentment }) => ({ shop: presentment === 0n ? 0n : shop, presentment }))
    : amountArb(max).map((m) => ({ shop: m, presentment: m }));

const lineArb = (multi: boolean, id: string): fc.Arbitrary<LineItem> =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 5 }),
      price: bagArb(multi, 5000),
      discountShare: fc.integer({ min: 0, max: 100 }),
      taxes: fc.array(bagArb(multi, 900), { maxLength: 2 }),
      dutyAmount: fc.option(bagArb(multi, 300), { nil: undefined }),
    })
    .map(({ quantity, price, discountShare, taxes, dutyAmount }) => {
      const q = BigInt(quantity);
      const discount = {
        shop: (price.shop * q * BigInt(discountShare)) / 100n,
        presentment: (price.presentment * q * BigInt(discountShare)) / 100n,
      };
      return {
        id,
        quantity,
        price,
        discountAllocations: [{ title: "D", amount: discount }],
        taxLines: taxes.map((amount, i) => ({ title: `T${i}`, amount })),
        duties:
          dutyAmount === undefined ? [] : [{ id: `${id}-d`, amount: dutyAmount, taxLines: [] }],
        fulfilledQuantity: quantity,
      };
    });

const shippingArb = (multi: boolean): fc.Arbitrary<ShippingLine> =>
  fc.record({ price: bagArb(multi, 2000), tax: bagArb(multi, 300) }).map(({ price, tax }) => ({
    id: "s",
    price,
    discountAllocations: [],
    taxLines: [{ title: "Ship tax", amount: tax }],
  }));

function orderTotal(lines: readonly LineItem[], shipping: readonly ShippingLine[]): MoneyBag {
  const side = (s: "shop" | "presentment") => {
    let t = 0n;
    for (const l of lines) {
      t += l.price[s] * BigInt(l.quantity);
      for (const d of l.discountAllocations) t -= d.amount[s];
      for (const x of l.taxLines) t += x.amount[s];
      for (const d of l.duties) t += d.amount[s];
    }
    for (const sl of shipping) {
      t += sl.price[s];
      for (const x of sl.taxLines) t += x.amount[s];
    }
    return t;
  };
  return { shop: side("shop"), presentment: side("presentment") };
}

const orderArb: fc.Arbitrary<Order> = fc.boolean().chain((multi) =>
  fc
    .record({
      lines: fc.tuple(lineArb(multi, "a"), fc.option(lineArb(multi, "b"), { nil: undefined })),
      shipping: fc.option(shippingArb(multi), { nil: undefined }),
      split: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ lines, shipping, split }) => {
      const lineItems = lines.filter((l): l is LineItem => l !== undefined);
      const shippingLines = shipping === undefined ? [] : [shipping];
      const total = orderTotal(lineItems, shippingLines);
      const first = {
        shop: (total.shop * BigInt(split)) / 100n,
        presentment: (total.presentment * BigInt(split)) / 100n,
      };
      return {
        id: "o",
        currency: "USD",
        presentmentCurrency: multi ? "EUR" : "USD",
        taxesIncluded: false,
        lineItems,
        shippingLines,
        invoices: [
          { id: "i1", amount: first, online: true, gateway: "bogus" },
          {
            id: "i2",
            amount: {
              shop: total.shop - first.shop,
              presentment: total.presentment - first.presentment,
            },
            online: false,
            gateway: "cash",
          },
        ],
        refunds: [],
      };
    }),
);

/** A refund step: some units of each line, maybe shipping, duties, adjustments or everything. */
const stepArb = fc.record({
  a: fc.integer({ min: 0, max: 3 }),
  b: fc.integer({ min: 0, max: 3 }),
  shipping: fc.constantFrom("none", "full", "part"),
  shippingCents: fc.integer({ min: 0, max: 500 }),
  duties: fc.boolean(),
  positive: fc.integer({ min: 0, max: 300 }),
  negative: fc.integer({ min: 0, max: 100 }),
  full: fc.integer({ min: 0, max: 5 }),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function requestOf(o: Order, step: Step): RefundRequest {
  const base = {
    refundDuties: step.duties,
    full: false,
    notify: false,
    currency: o.presentmentCurrency,
  };
  if (step.full === 0) return { lineItems: [], refundDuties: false, full: true, notify: false };
  const lineItems = (["a", "b"] as const).flatMap((id) =>
    step[id] > 0 && o.lineItems.some((l) => l.id === id)
      ? [{ lineItemId: id, quantity: step[id], restock: "no_restock" as const }]
      : [],
  );
  const shipping =
    step.shipping === "full"
      ? { shipping: { fullRefund: true } }
      : step.shipping === "part"
        ? {
            shipping: {
              fullRefund: false,
              amount: { coefficient: BigInt(step.shippingCents), scale: 2 },
            },
          }
        : {};
  const cents = (n: number) => ({ coefficient: BigInt(n), scale: 2 });
  return {
    ...base,
    lineItems,
    ...shipping,
    ...(step.positive > 0 ? { adjustmentPositive: cents(step.positive) } : {}),
    ...(step.negative > 0 ? { adjustmentNegative: cents(step.negative) } : {}),
  };
}

/** Applies each step that the rules accept; refused steps are skipped. */
function historyOf(
  start: Order,
  steps: readonly Step[],
  policy: (typeof POLICY_NAMES)[number],
): Order {
  let current = start;
  for (const step of steps) {
    const applied = applyRefund(current, requestOf(current, step), policy);
    if (E.isRight(applied)) current = applied.right.order;
  }
  return current;
}

describe("audit invariants", () => {
  test.prop(
    [orderArb, fc.array(stepArb, { minLength: 1, maxLength: 5 }), fc.constantFrom(...POLICY_NAMES)],
    {
      numRuns: 300,
    },
  )("a history produced by applyRefund under P reports nothing under P", (start, steps, policy) => {
    const o = historyOf(start, steps, policy);
    const result = audit(o, policy);
    expect(E.isRight(result)).toBe(true);
    if (E.isRight(result)) {
      expect(result.right.refunds).toBe(o.refunds.length);
      expect(result.right.discrepancies).toEqual([]);
      expect(result.right.rejected).toEqual([]);
    }
  });

  test.prop(
    [
      orderArb,
      fc.array(stepArb, { minLength: 1, maxLength: 4 }),
      fc.nat(),
      fc.constantFrom(-1n, 1n),
    ],
    {
      numRuns: 200,
    },
  )(
    "a memo whose presentment total is changed by one minor unit is reported at its total",
    (start, steps, pick, delta) => {
      const o = historyOf(start, steps, "default");
      fc.pre(o.refunds.length > 0);
      const i = pick % o.refunds.length;
      const memo = o.refunds[i] as CreditMemo;
      fc.pre(memo.total.presentment + delta >= 0n);
      const tampered: CreditMemo = {
        ...memo,
        total: { ...memo.total, presentment: memo.total.presentment + delta },
      };
      const refunds = o.refunds.map((m, j) => (j === i ? tampered : m));
      const result = audit({ ...o, refunds }, "default");
      expect(E.isRight(result)).toBe(true);
      if (E.isRight(result)) {
        const totalPaths = result.right.discrepancies
          .filter((d) => d.refundId === memo.id && d.path.startsWith("total"))
          .map((d) => d.path);
        const rejected = result.right.rejected.some((r) => r.refundId === memo.id);
        expect(rejected || totalPaths.length > 0).toBe(true);
      }
    },
  );

  test.prop(
    [
      orderArb,
      fc.array(stepArb, { minLength: 1, maxLength: 4 }),
      fc.nat(),
      fc.nat(),
      fc.bigInt({ min: 1n, max: 5000n }),
    ],
    { numRuns: 200 },
  )(
    "§9.2 v2: a memo repeated and a payout inflated — rejected memos are not discrepancies, and no maximum, and no expected payout, is negative",
    (start, steps, repeatAt, inflateAt, extra) => {
      const o = historyOf(start, steps, "default");
      fc.pre(o.refunds.length > 0);
      const memos = [...o.refunds];
      // One memo recorded twice (under a new id), and one memo's first payout inflated.
      const repeated = memos[repeatAt % memos.length] as CreditMemo;
      memos.splice((repeatAt % memos.length) + 1, 0, { ...repeated, id: "again" });
      const k = inflateAt % memos.length;
      const inflated = memos[k] as CreditMemo;
      memos[k] = {
        ...inflated,
        transactions: inflated.transactions.map((t, j) =>
          j === 0
            ? {
                ...t,
                amount: {
                  shop: t.amount.shop + extra,
                  presentment: t.amount.presentment + extra,
                },
              }
            : t,
        ),
      };
      const result = audit({ ...o, refunds: memos }, "default");
      expect(E.isRight(result)).toBe(true);
      if (E.isLeft(result)) return;
      const report = result.right;
      const rejectedIds = new Set(report.rejected.map((r) => r.refundId));
      for (const d of report.discrepancies) {
        expect(rejectedIds.has(d.refundId)).toBe(false);
        if (d.path.startsWith("transactions")) expect(d.expected.startsWith("-")).toBe(false);
      }
      for (const r of report.rejected)
        for (const e of r.errors)
          if ("maximum" in e) expect(String(e.maximum).startsWith("-")).toBe(false);
      // A memo is reported once: rejected ids do not repeat.
      expect(rejectedIds.size).toBe(report.rejected.length);
    },
  );
});

/**
 * Path independence (§3.1, default policy): two sequences of refunds that
 * reach the same refunded quantities per line have refunded the same amount
 * of every component, on both sides; for shipping, the same amounts per
 * shipping line give the same shipping tax.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { fractionArb, fractionOf } from "../arbitraries/money.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { decimalOf, exponentOf } from "../arbitraries/request.js";
import { lineComponentsRefunded, shippingRefunded, total } from "../arbitraries/state.js";
import { apply, RUNS } from "./support.js";

/** One refund of a path: a line and a fraction of the units its target has left. */
const pathArb = fc.array(
  fc.record({ pick: fc.nat(), fraction: fractionArb, withNext: fc.boolean() }),
  {
    maxLength: 8,
  },
);
type Path = typeof pathArb extends fc.Arbitrary<infer P> ? P : never;

/**
 * Refunds `target[i]` units of each line in steps drawn from `path` (several
 * lines in one refund when `withNext`), then the rest of the targets in one
 * last refund. `undefined` when some refund is rejected (rounding can make a
 * partial refund's total negative or run past the money; then the paths are
 * not comparable).
 */
function walk(order: Order, target: readonly number[], path: Path): Order | undefined {
  const left = [...target];
  const requests: RefundRequest[] = [];
  let pending: Map<number, number> = new Map();
  const flush = () => {
    if (pending.size === 0) return;
    requests.push({
      lineItems: [...pending].map(([i, quantity]) => ({
        lineItemId: order.lineItems[i]?.id ?? "",
        quantity,
        restock: "no_restock",
      })),
      refundDuties: true,
      full: false,
      notify: false,
    });
    pending = new Map();
  };
  for (const step of path) {
    const open = left.map((l, i) => ({ l, i })).filter(({ l, i }) => l > 0 && !pending.has(i));
    const chosen = open[step.pick % Math.max(open.length, 1)];
    if (chosen === undefined) break;
    const q = 1 + Number(fractionOf(BigInt(chosen.l - 1), step.fraction));
    pending.set(chosen.i, q);
    left[chosen.i] = chosen.l - q;
    if (!step.withNext) flush();
  }
  flush();
  left.forEach((l, i) => {
    if (l > 0) pending.set(i, l);
  });
  flush();
  let current = order;
  for (const request of requests) {
    const result = apply(current, request);
    if (!result.ok) return undefined;
    current = result.order;
  }
  return current;
}

const scenarioArb = generatedOrderArb({ coverage: ["over"] }).chain((g) =>
  fc.tuple(
    fc.constant(g.order),
    fc.tuple(...g.order.lineItems.map((line) => fc.integer({ min: 0, max: line.quantity }))),
    pathArb,
    pathArb,
  ),
);

describe("path independence", () => {
  test.prop([scenarioArb], RUNS)(
    "two ways to the same quantities refund the same discounts, taxes and duties",
    ([order, target, pathA, pathB]) => {
      const a = walk(order, target, pathA);
      const b = walk(order, target, pathB);
      fc.pre(a !== undefined && b !== undefined);
      if (a === undefined || b === undefined) return;
      for (const line of order.lineItems) {
        expect(lineComponentsRefunded(a, line)).toEqual(lineComponentsRefunded(b, line));
      }
      expect(total(a.refunds.map((m) => m.total))).toEqual(total(b.refunds.map((m) => m.total)));
    },
  );

  const shippingScenario = generatedOrderArb({
    coverage: ["over"],
    singleCurrency: true,
    maxLines: 0,
    maxShippingLines: 1,
  }).chain((g) => {
    const net = g.order.shippingLines.reduce(
      (n, s) =>
        n +
        s.price.presentment -
        s.discountAllocations.reduce((d, x) => d + x.amount.presentment, 0n),
      0n,
    );
    return fc.tuple(
      fc.constant(g.order),
      fc.bigInt({ min: 0n, max: net }),
      fc.array(fractionArb, { maxLength: 4 }),
      fc.array(fractionArb, { maxLength: 4 }),
    );
  });

  test.prop([shippingScenario], RUNS)(
    "two ways to the same shipping amount refund the same shipping tax",
    ([order, target, cutsA, cutsB]) => {
      const walkShipping = (cuts: readonly bigint[]): Order | undefined => {
        let left = target;
        let current = order;
        const amounts: bigint[] = [];
        for (const cut of cuts) {
          if (left <= 0n) break;
          const a = 1n + fractionOf(left - 1n, cut);
          amounts.push(a);
          left -= a;
        }
        if (left > 0n) amounts.push(left);
        for (const a of amounts) {
          const result = apply(current, {
            lineItems: [],
            shipping: { fullRefund: false, amount: decimalOf(a, exponentOf(order)) },
            refundDuties: false,
            full: false,
            notify: false,
          });
          if (!result.ok) return undefined;
          current = result.order;
        }
        return current;
      };
      const a = walkShipping(cutsA);
      const b = walkShipping(cutsB);
      fc.pre(a !== undefined && b !== undefined);
      if (a === undefined || b === undefined) return;
      for (const line of order.shippingLines) {
        expect(shippingRefunded(a, line)).toEqual(shippingRefunded(b, line));
      }
    },
  );
});

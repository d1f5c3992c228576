/**
 * Bounded error (§3.1, §3.2): each refund's share of a component `X` of a
 * whole `n` is within one minor unit of the exact rational share `X·q/n`,
 * and what is refunded after `r` parts is within half a minor unit of
 * `X·r/n` (exactly `X` once `r = n`) — for line components over units and
 * for shipping taxes over the shipping line's net, on both sides.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import { stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { lineComponentsRefunded, shippingNetOf, shippingRefunded } from "../arbitraries/state.js";
import { apply, HALF, ONE, RUNS, SIDES, withinRational } from "./support.js";

/** Every (component, share now, refunded before) triple of a memo line, flattened. */
function lineComponents(order: Order, memo: CreditMemo) {
  return memo.lineItems.flatMap((memoLine) => {
    const line = order.lineItems.find((l) => l.id === memoLine.lineItemId);
    if (line === undefined) return [];
    const pairs: { x: MoneyBag; share: MoneyBag }[] = [
      ...line.discountAllocations.map((d, i) => ({
        x: d.amount,
        share: memoLine.discountAllocations[i]?.amount ?? d.amount,
      })),
      ...line.taxLines.map((t, i) => ({
        x: t.amount,
        share: memoLine.taxLines[i]?.amount ?? t.amount,
      })),
      ...line.duties.flatMap((duty, d) => {
        const refunded = memoLine.duties[d];
        return [
          { x: duty.amount, share: refunded?.amount ?? duty.amount },
          ...duty.taxLines.map((t, i) => ({
            x: t.amount,
            share: refunded?.taxLines[i]?.amount ?? t.amount,
          })),
        ];
      }),
    ];
    return pairs.map((p) => ({ ...p, q: BigInt(memoLine.quantity), n: BigInt(line.quantity) }));
  });
}

describe("bounded error", () => {
  test.prop(
    [
      generatedOrderArb({ coverage: ["exact", "over"] }),
      fc.array(stepChoiceArb({ refundDuties: true }), { minLength: 1, maxLength: 6 }),
    ],
    RUNS,
  )(
    "each share within one minor unit of X·q/n, each cumulative within half of X·r/n",
    (g, steps) => {
      let order = g.order;
      for (const step of steps) {
        const request = validRequest(order, step);
        if (request === undefined) continue;
        const result = apply(order, request);
        if (!result.ok) continue;
        for (const { x, share, q, n } of lineComponents(order, result.memo))
          for (const side of SIDES)
            expect(withinRational(share[side], x[side], q, n, ONE), `share ${side}`).toBe(true);
        for (const sl of result.memo.shipping.lines) {
          const line = order.shippingLines.find((l) => l.id === sl.shippingLineId);
          if (line === undefined) continue;
          const net = shippingNetOf(line);
          line.taxLines.forEach((t, i) => {
            for (const side of SIDES) {
              if (net[side] === 0n) continue;
              const share = sl.taxLines[i]?.amount[side] ?? 0n;
              expect(withinRational(share, t.amount[side], sl.amount[side], net[side], ONE)).toBe(
                true,
              );
            }
          });
        }
        order = result.order;
        for (const line of order.lineItems) {
          const r = BigInt(
            order.refunds
              .flatMap((m) => m.lineItems.filter((l) => l.lineItemId === line.id))
              .reduce((s, l) => s + l.quantity, 0),
          );
          const n = BigInt(line.quantity);
          const refunded = lineComponentsRefunded(order, line);
          const check = (x: MoneyBag, c: MoneyBag) => {
            for (const side of SIDES) {
              expect(withinRational(c[side], x[side], r, n, HALF), `cumulative ${side}`).toBe(true);
              if (r === n) expect(c[side]).toBe(x[side]);
            }
          };
          line.discountAllocations.forEach((d, i) => {
            check(d.amount, refunded.discounts[i] ?? d.amount);
          });
          line.taxLines.forEach((t, i) => {
            check(t.amount, refunded.taxes[i] ?? t.amount);
          });
          line.duties.forEach((d, i) => {
            check(d.amount, refunded.duties[i]?.amount ?? d.amount);
            d.taxLines.forEach((t, j) => {
              check(t.amount, refunded.duties[i]?.taxes[j] ?? t.amount);
            });
          });
        }
        for (const line of order.shippingLines) {
          const net = shippingNetOf(line);
          const refunded = shippingRefunded(order, line);
          line.taxLines.forEach((t, i) => {
            for (const side of SIDES) {
              if (net[side] === 0n) continue;
              const c = refunded.taxes[i]?.[side] ?? 0n;
              expect(
                withinRational(c, t.amount[side], refunded.amount[side], net[side], HALF),
              ).toBe(true);
            }
          });
        }
      }
    },
  );
});

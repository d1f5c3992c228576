/**
 * The shortcuts that make a small `calculate` cheap (issue 15, the fixed
 * cost of a call) change no result: each agrees with the path it skips, or
 * with a reference written apart from it, on random orders with random
 * histories, on valid and bent requests, and on hostile ones.
 *
 * - `calculate` returns the memo without building the `CheckedRefund` that
 *   `applyRefund` gets from `calculateWithHistory`: same memo, same errors.
 * - `readFreeAmounts` returns a shared empty result for a request that
 *   states no free amount and no other currency: what `readEachFreeAmount`
 *   (the path without the shortcut) gives.
 * - `refundShipping` without a shipping amount (none or all of it) sums as
 *   it goes and, with one shipping line, builds no lists; a shipping line
 *   without tax lines shares one empty list of tax refunds: what the former
 *   code gave (kept below as the reference, lists and all).
 * - `orderMoneyLeft` of one invoice skips the running sum; an order with no
 *   refunds shares one empty history, which nothing ever adds to.
 * - `lineHistoryOf`, `shippingHistoryOf` and `invoiceTakenOf` answer an
 *   empty map without looking the id up: what the look-up gives.
 * - `payoutAskOf` does not read `transactions` again when `readFreeAmounts`
 *   found none: the ask the former code (below) made from the request.
 * - `payOutOfOneInvoice` answers a suggested payout out of an order's one
 *   invoice that holds the total without `payOut`'s checks: what `payOut`
 *   gives, with no errors, and nothing (so `payOut` runs) otherwise.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { audit } from "../../src/audit/audit.js";
import { calculate, calculateWithHistory } from "../../src/calculate.js";
import type {
  ShippingLineRefund,
  ShippingRefund,
  TaxLineRefund,
} from "../../src/domain/creditMemo.js";
import { type Order, type ShippingLine, shippingNet } from "../../src/domain/order.js";
import { POLICY_NAMES, type PolicyName } from "../../src/domain/policy.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { allocateByLargestRemainder } from "../../src/money/largestRemainder.js";
import { isZeroBag, type MoneyBag, sumAmounts, sumBags, ZERO } from "../../src/money/moneyBag.js";
import { orderMoneyLeft, shippingLineLeft } from "../../src/order/moneyLeft.js";
import { orderIds } from "../../src/order/orderConsistency.js";
import {
  invoiceTakenOf,
  lineHistoryOf,
  NO_LINE_HISTORY,
  NO_REFUNDS,
  NO_SHIPPING_HISTORY,
  type RefundHistory,
  readRefundHistory,
  refundedAt,
  shippingHistoryOf,
  withMemo,
} from "../../src/order/refundHistory.js";
import {
  freeAmountBag,
  readEachFreeAmount,
  readFreeAmounts,
} from "../../src/refund/freeAmounts.js";
import { type PolicyProrations, prorateBag, prorationsOf } from "../../src/refund/proration.js";
import {
  FULL_SHIPPING,
  NO_SHIPPING,
  refundShipping,
  type ShippingAsk,
} from "../../src/refund/shippingRefund.js";
import { taxLineRefund } from "../../src/refund/taxLineRefund.js";
import {
  NO_PAYOUT,
  type PayoutAsk,
  payOut,
  payOutOfOneInvoice,
  payoutAskOf,
} from "../../src/refund/transactions.js";
import { orderArb } from "../arbitraries/order.js";
import { anyChoiceArb, anyRequest, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { wildOrder, wildRequest } from "../arbitraries/wild.js";
import { order } from "../support/builders.js";
import { FEW_RUNS, RUNS } from "./support.js";

const policyArb = fc.constantFrom(...POLICY_NAMES);

/** An order after a few random valid refunds (its history), under `policy`. */
const orderWithHistoryArb = fc
  .tuple(orderArb(), fc.array(stepChoiceArb({ refundDuties: true }), { maxLength: 3 }), policyArb)
  .map(([start, steps, policy]) => {
    let order: Order = start;
    for (const step of steps) {
      const request = validRequest(order, step);
      if (request === undefined) continue;
      const applied = applyRefund(order, request, policy);
      // A plain copy: its history is read from its refunds, not carried.
      if (E.isRight(applied)) order = { ...applied.right.order };
    }
    return { order, policy };
  });

/** `calculateWithHistory`'s answer as `calculate` gives it: the memo, or the errors. */
function throughHistory(order: Order, request: RefundRequest, policy: PolicyName) {
  const result = calculateWithHistory(order, request, policy);
  return E.isLeft(result) ? result : E.right(result.right.creditMemo);
}

describe("calculate without the CheckedRefund wrapper", () => {
  test.prop([orderWithHistoryArb, anyChoiceArb], RUNS)(
    "gives calculateWithHistory's memo or errors, on orders with histories",
    ({ order, policy }, choice) => {
      const request = anyRequest(order, choice);
      expect(calculate(order, request, policy)).toEqual(throughHistory(order, request, policy));
    },
  );

  test.prop([wildOrder, wildRequest, policyArb], RUNS)(
    "and on hostile orders and requests",
    (order, request, policy) => {
      expect(calculate(order, request, policy)).toEqual(throughHistory(order, request, policy));
    },
  );
});

describe("readFreeAmounts: the shortcut for a request stating no free amount", () => {
  test.prop([orderWithHistoryArb, anyChoiceArb], RUNS)(
    "gives what reading each amount gives",
    ({ order }, choice) => {
      const request = anyRequest(order, choice);
      expect(readFreeAmounts(order, request)).toEqual(readEachFreeAmount(order, request));
      // Without its amounts, the request takes the shortcut unless its currency is another.
      const bare: RefundRequest = {
        lineItems: request.lineItems.map(({ amount: _, ...rest }) => rest),
        refundDuties: request.refundDuties,
        full: request.full,
        notify: request.notify,
        ...(request.currency === undefined ? {} : { currency: request.currency }),
        ...(request.shipping === undefined
          ? {}
          : { shipping: { fullRefund: request.shipping.fullRefund } }),
      };
      expect(readFreeAmounts(order, bare)).toEqual(readEachFreeAmount(order, bare));
    },
  );

  test.prop([wildOrder, wildRequest], RUNS)(
    "and on hostile orders and requests",
    (order, request) => {
      expect(readFreeAmounts(order, request)).toEqual(readEachFreeAmount(order, request));
    },
  );
});

/**
 * The shipping refund as it was before the shortcuts (issue 15 part 2):
 * each line's history and remainder in lists, the amounts in a list, every
 * sum over a list. The reference the one-pass code must agree with.
 */
function referenceShipping(
  ask: ShippingAsk,
  lines: readonly ShippingLine[],
  history: RefundHistory,
  multiCurrency: boolean,
  prorations: PolicyProrations,
): ShippingRefund | "over" {
  const histories = lines.map((line) => shippingHistoryOf(history, line.id));
  const remainders = lines.map((line) => shippingLineLeft(line, history));
  const maximumRefundable = sumBags(remainders);
  let amounts: MoneyBag[];
  if (ask.kind === "none") amounts = lines.map(() => ZERO);
  else if (ask.kind === "full") amounts = remainders;
  else {
    if (ask.presentment > maximumRefundable.presentment) return "over";
    const bag = freeAmountBag(
      ask.presentment,
      maximumRefundable,
      multiCurrency,
      prorations.rounding,
    );
    const shop = allocateByLargestRemainder(
      bag.shop,
      remainders.map((r) => r.shop),
    );
    const presentment = allocateByLargestRemainder(
      bag.presentment,
      remainders.map((r) => r.presentment),
    );
    amounts = remainders.map((_, i) => ({
      shop: shop[i] ?? 0n,
      presentment: presentment[i] ?? 0n,
    }));
  }
  const shippingLines: ShippingLineRefund[] = lines.map((line, i) => {
    const amount = amounts[i] ?? ZERO;
    const takesPart = ask.kind === "full" || (ask.kind === "amount" && !isZeroBag(amount));
    const h = histories[i];
    const progress = { whole: shippingNet(line), before: h?.amount ?? ZERO, now: amount };
    const taxLines: TaxLineRefund[] = takesPart
      ? line.taxLines.map((tax, t) =>
          taxLineRefund(
            tax,
            prorateBag(tax.amount, refundedAt(h?.taxLines ?? [], t), progress, prorations.shipping),
          ),
        )
      : line.taxLines.map((tax) => taxLineRefund(tax, ZERO));
    return { shippingLineId: line.id, amount, taxLines };
  });
  return {
    amount: sumAmounts(shippingLines),
    tax: sumBags(shippingLines.map((l) => sumAmounts(l.taxLines))),
    maximumRefundable,
    lines: shippingLines,
  };
}

/** An ask: none, all, or an amount up to a little over what is left. */
function askArb(order: Order): fc.Arbitrary<ShippingAsk> {
  const left = sumBags(
    order.shippingLines.map((line) => shippingLineLeft(line, readRefundHistory(order.refunds))),
  ).presentment;
  return fc.oneof(
    fc.constant(NO_SHIPPING),
    fc.constant(FULL_SHIPPING),
    fc
      .bigInt({ min: 0n, max: (left > 0n ? left : 0n) + 2n })
      .map((presentment): ShippingAsk => ({ kind: "amount", presentment })),
  );
}

describe("refundShipping: one pass for none and all, no lists for one line", () => {
  test.prop(
    [
      orderWithHistoryArb.chain(({ order, policy }) =>
        fc.tuple(fc.constant(order), fc.constant(policy), askArb(order)),
      ),
    ],
    RUNS,
  )("gives the reference's shipping refund", ([order, policy, ask]) => {
    const history = readRefundHistory(order.refunds);
    const prorations = prorationsOf(policy);
    const multiCurrency = order.currency !== order.presentmentCurrency;
    const result = refundShipping(
      ask,
      order.shippingLines,
      history,
      order.presentmentCurrency,
      multiCurrency,
      prorations,
    );
    const expected = referenceShipping(
      ask,
      order.shippingLines,
      history,
      multiCurrency,
      prorations,
    );
    if (expected === "over") {
      expect(result.errors.map((e) => e.code)).toEqual(["OVER_REFUND"]);
      return;
    }
    expect(result.errors).toEqual([]);
    expect(result.shipping).toEqual(expected);
    // One shipping line (the common order) is the case without lists: tested on its own.
    const [first] = order.shippingLines;
    if (first === undefined) return;
    const one = refundShipping(
      ask.kind === "amount" ? FULL_SHIPPING : ask,
      [first],
      history,
      order.presentmentCurrency,
      multiCurrency,
      prorations,
    );
    expect(one.shipping).toEqual(
      referenceShipping(
        ask.kind === "amount" ? FULL_SHIPPING : ask,
        [first],
        history,
        multiCurrency,
        prorations,
      ),
    );
  });
});

describe("money left and the shared empty history", () => {
  test.prop([orderWithHistoryArb], RUNS)(
    "orderMoneyLeft is Σ (invoice − what the history took of it), also for one invoice",
    ({ order }) => {
      const history = readRefundHistory(order.refunds);
      for (const invoices of [order.invoices, order.invoices.slice(0, 1)]) {
        let shop = 0n;
        let presentment = 0n;
        for (const invoice of invoices) {
          const taken = history.invoices.get(invoice.id) ?? ZERO;
          shop += invoice.amount.shop - taken.shop;
          presentment += invoice.amount.presentment - taken.presentment;
        }
        expect(orderMoneyLeft({ invoices }, history)).toEqual({ shop, presentment });
      }
    },
  );

  test.prop([orderArb(), fc.array(anyChoiceArb, { maxLength: 4 }), policyArb], FEW_RUNS)(
    "an order with no refunds reads the shared empty history, and nothing ever adds to it",
    (start, choices, policy) => {
      const order: Order = { ...start, refunds: [] };
      expect(readRefundHistory(order.refunds)).toBe(NO_REFUNDS);
      let current = order;
      for (const choice of choices) {
        const request = anyRequest(current, choice);
        calculate(order, request, policy);
        const applied = applyRefund(current, request, policy);
        if (E.isRight(applied)) {
          current = applied.right.order;
          audit(current, policy);
          audit({ ...current }, policy);
        }
      }
      expect(NO_REFUNDS.lines.size).toBe(0);
      expect(NO_REFUNDS.shipping.size).toBe(0);
      expect(NO_REFUNDS.invoices.size).toBe(0);
      expect(NO_REFUNDS.idempotencyKeys.size).toBe(0);
      expect(NO_REFUNDS.memoIds.size).toBe(0);
    },
  );
});

/** A payout ask: mostly suggested, else one invoice, explicit transactions or none. */
function payoutAskArb(order: Order): fc.Arbitrary<PayoutAsk> {
  const ids = [...order.invoices.map((i) => i.id), "nowhere"];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(payoutAskOf({ lineItems: [] } as never, undefined)) },
    fc.constantFrom(...ids).map((invoiceId): PayoutAsk => ({ kind: "invoice", invoiceId })),
    fc
      .array(
        fc.record({ invoiceId: fc.constantFrom(...ids), presentment: fc.bigInt(0n, 10_000n) }),
        { minLength: 1, maxLength: 2 },
      )
      .map((transactions): PayoutAsk => ({ kind: "explicit", transactions })),
    fc.constant(NO_PAYOUT),
  );
}

/** A total around the money left: zero, negative, a part, all of it, a little over. */
function totalArb(left: MoneyBag): fc.Arbitrary<MoneyBag> {
  const p = left.presentment > 0n ? left.presentment : 1n;
  return fc.oneof(
    fc.constant(left),
    fc.bigInt({ min: -2n, max: p + 2n }).map((presentment) => ({ shop: presentment, presentment })),
    fc.record({ shop: fc.bigInt({ min: -2n, max: 3n * p }), presentment: fc.bigInt(-2n, p + 2n) }),
  );
}

/** An order of one invoice (or more), its history, a policy, an ask and a total. */
const payoutCaseArb = orderWithHistoryArb.chain(({ order, policy }) => {
  return fc.boolean().chain((oneInvoice) => {
    const o: Order = oneInvoice ? { ...order, invoices: order.invoices.slice(0, 1) } : order;
    const left = orderMoneyLeft(o, readRefundHistory(o.refunds));
    return fc.record({
      order: fc.constant(o),
      policy: fc.constant(policy),
      ask: payoutAskArb(o),
      total: totalArb(left),
    });
  });
});

/**
 * One invoice with any two sides of money left (shop 0, 1, 2, above and
 * below the presentment side): the edges of the invoice's rate.
 */
const oneInvoiceEdgeArb = fc
  .record({
    shop: fc.bigInt(0n, 5n),
    presentment: fc.bigInt(1n, 7n),
    scale: fc.constantFrom(1n, 1000n),
    total: fc.record({ shop: fc.bigInt(-1n, 9000n), presentment: fc.bigInt(0n, 8000n) }),
    policy: policyArb,
  })
  .map(({ shop, presentment, scale, total, policy }) => {
    const order: Order = {
      ...shopifyLike,
      currency: "USD",
      presentmentCurrency: "EUR",
      invoices: [
        {
          id: "i",
          amount: { shop: shop * scale, presentment: presentment * scale },
          online: true,
        },
      ],
    };
    return { order, policy, total };
  });

/** A bare order the edge cases dress with one invoice. */
const shopifyLike: Order = order({ id: "o" });

/** `payOut` and the fast path on the same case: the fast path's answer, or undefined. */
function bothPayouts(order: Order, ask: PayoutAsk, total: MoneyBag, policy: PolicyName) {
  const history = readRefundHistory(order.refunds);
  const left = orderMoneyLeft(order, history);
  const rounding = prorationsOf(policy).rounding;
  const positions = orderIds(order).invoices;
  return {
    fast: payOutOfOneInvoice(total, ask, order.invoices, left, rounding),
    exact: payOut(total, ask, order, history, rounding, positions, left, undefined),
    left,
  };
}

describe("payOutOfOneInvoice: the suggested payout out of the one invoice", () => {
  test.prop([payoutCaseArb], RUNS)(
    "gives payOut's transactions with no errors when it answers, and answers exactly the common case",
    ({ order, policy, ask, total }) => {
      const { fast, exact, left } = bothPayouts(order, ask, total, policy);
      const common =
        ask.kind === "suggested" &&
        order.invoices.length === 1 &&
        total.presentment > 0n &&
        total.presentment <= left.presentment;
      expect(fast !== undefined).toBe(common);
      if (fast !== undefined) expect({ errors: [], transactions: fast }).toEqual(exact);
    },
  );

  test.prop([oneInvoiceEdgeArb], RUNS)(
    "and on one invoice of any rate, shop money 0, 1 or 2 included",
    ({ order, policy, total }) => {
      const ask = payoutAskOf({ lineItems: [] } as never, undefined);
      const { fast, exact, left } = bothPayouts(order, ask, total, policy);
      const common = total.presentment > 0n && total.presentment <= left.presentment;
      expect(fast !== undefined).toBe(common);
      if (fast !== undefined) expect({ errors: [], transactions: fast }).toEqual(exact);
    },
  );
});

/** The payout ask as the former code made it: from the request's own `transactions`. */
function referencePayoutAsk(
  request: RefundRequest,
  transactionAmounts: readonly bigint[] | undefined,
): PayoutAsk {
  if (request.transactions !== undefined)
    return {
      kind: "explicit",
      transactions: request.transactions.map((t, i) => ({
        invoiceId: t.invoiceId,
        presentment: transactionAmounts?.[i] ?? 0n,
      })),
    };
  if (request.invoiceId !== undefined) return { kind: "invoice", invoiceId: request.invoiceId };
  return { kind: "suggested" };
}

describe("payoutAskOf: transactions read once, by readFreeAmounts", () => {
  const both = (order: Order, request: RefundRequest) => {
    const amounts = readFreeAmounts(order, request).amounts.transactions;
    return [payoutAskOf(request, amounts), referencePayoutAsk(request, amounts)] as const;
  };

  test.prop([orderWithHistoryArb, anyChoiceArb], RUNS)(
    "gives the ask the request's own transactions give",
    ({ order }, choice) => {
      const request = anyRequest(order, choice);
      const [ask, reference] = both(order, request);
      expect(ask).toEqual(reference);
      // With transactions and an invoice id both, the transactions are the ask.
      const [first] = order.invoices;
      if (first === undefined) return;
      const paid: RefundRequest = {
        ...request,
        invoiceId: first.id,
        transactions: [{ invoiceId: first.id, amount: { coefficient: 1n, scale: 0 } }],
      };
      const [paidAsk, paidReference] = both(order, paid);
      expect(paidAsk.kind).toBe("explicit");
      expect(paidAsk).toEqual(paidReference);
    },
  );

  test.prop([wildOrder, wildRequest], RUNS)(
    "and on hostile orders and requests",
    (order, request) => {
      const [ask, reference] = both(order, request);
      expect(ask).toEqual(reference);
    },
  );
});

describe("the history look-ups: an empty map answered without a look-up", () => {
  test.prop([orderWithHistoryArb], RUNS)(
    "each gives what its map holds under the id, or the empty history",
    ({ order }) => {
      const read = readRefundHistory(order.refunds);
      // Also a history grown by a memo (its maps copied), and the shared empty one.
      const [last] = order.refunds.slice(-1);
      const histories = [
        read,
        NO_REFUNDS,
        ...(last === undefined ? [] : [withMemo(NO_REFUNDS, last)]),
      ];
      const ids = (items: readonly { readonly id: string }[]) => [...items.map((i) => i.id), "?"];
      for (const history of histories) {
        for (const id of ids(order.lineItems))
          expect(lineHistoryOf(history, id)).toBe(history.lines.get(id) ?? NO_LINE_HISTORY);
        for (const id of ids(order.shippingLines))
          expect(shippingHistoryOf(history, id)).toBe(
            history.shipping.get(id) ?? NO_SHIPPING_HISTORY,
          );
        for (const id of ids(order.invoices))
          expect(invoiceTakenOf(history, id)).toBe(history.invoices.get(id) ?? ZERO);
      }
    },
  );
});

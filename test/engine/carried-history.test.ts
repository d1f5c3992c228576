/**
 * The checked history an order returned by `applyRefund` carries
 * (src/order/carriedHistory.ts): the next refund starts from it instead of
 * reading every memo again; it is invisible, frozen with its order, lost by
 * any copy, and dropped when the added memo does not pass the history
 * checks.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate, creditMemoId } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeOrder } from "../../src/json/order.js";
import { appendRefund, carriedHistoryOf } from "../../src/order/carriedHistory.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { checkAddedMemo, orderIds } from "../../src/order/orderConsistency.js";
import { readRefundHistory, withMemo } from "../../src/order/refundHistory.js";
import { refundStatus } from "../../src/refundStatus.js";
import {
  discount,
  duty,
  errorsOf,
  invoice,
  line,
  memoOf,
  order,
  request,
  shippingLine,
  show,
  tax,
  usd,
} from "../support/builders.js";
import { withPlainKeys } from "../support/history.js";

// 3 units of 10.00 with a 1.00 discount and 1.00 tax, one of 4.00; 5.00
// shipping with 0.50 tax. Collected: 30.00 − 1.00 + 1.00 + 4.00 + 5.00 + 0.50
// = 39.50.
const start = order({
  id: "7",
  lineItems: [
    line("a", 3, "10.00", { discountAllocations: [discount("1.00")], taxLines: [tax("1.00")] }),
    line("b", 1, "4.00"),
  ],
  shippingLines: [shippingLine("s", "5.00", { taxLines: [tax("0.50")] })],
  invoices: [invoice("i", "39.50")],
});
const oneOfA = request({ lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }] });

function applied(o: Order, r = oneOfA): { order: Order; memo: CreditMemo } {
  const result = applyRefund(o, r);
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return { order: result.right.order, memo: result.right.creditMemo };
}

describe("the history applyRefund's order carries", () => {
  const first = applied(start);
  const second = applied(first.order);

  it("is carried by the order applyRefund returns, not by a decoded or copied order", () => {
    expect(carriedHistoryOf(start)).toBeUndefined();
    expect(carriedHistoryOf(first.order)).toBeDefined();
    expect(carriedHistoryOf({ ...first.order })).toBeUndefined();
    expect(carriedHistoryOf(structuredClone(first.order))).toBeUndefined();
  });

  it("is the history read from the order's refunds", () => {
    expect(withPlainKeys(carriedHistoryOf(second.order)?.history)).toEqual(
      withPlainKeys(readRefundHistory(second.order.refunds)),
    );
  });

  it("gives the refunds that reading the history gives, to the cent", () => {
    // Cumulative proration (§3.1) of the discount 1.00 and the tax 1.00 over
    // 3 units: round(100·1/3) = 33, round(100·2/3) − 33 = 34, 100 − 67 = 33.
    expect(show(first.memo.discount)).toBe("0.33");
    expect(show(second.memo.discount)).toBe("0.34");
    expect(show(second.memo.tax)).toBe("0.34");
    const third = applied(second.order);
    expect(show(third.memo.discount)).toBe("0.33");
    // 10.00 − 0.33 + 0.33 = 10.00 a unit.
    expect(show(third.memo.total)).toBe("10.00");
    const copy = { ...second.order };
    expect(calculate(second.order, oneOfA)).toEqual(calculate(copy, oneOfA));
    // a fourth unit of a is an over-refund either way
    const again = applied(second.order);
    for (const o of [again.order, { ...again.order }])
      expect(errorsOf(calculate(o, oneOfA)).map((e) => e.code)).toEqual(["OVER_REFUND"]);
  });

  it("serves moneyLeft and refundStatus", () => {
    // 39.50 − 10.00 − 10.00
    expect(show(moneyLeft(second.order))).toBe("19.50");
    expect(moneyLeft(second.order)).toEqual(moneyLeft({ ...second.order }));
    expect(refundStatus(second.order)).toBe("partially_refunded");
  });

  it("is invisible: keys, JSON and the encoded order are those of a plain copy", () => {
    const copy = { ...second.order };
    expect(Reflect.ownKeys(second.order).filter((k) => typeof k === "string")).toEqual(
      Object.keys(copy),
    );
    expect(Object.keys(second.order)).toEqual(Object.keys(start));
    expect(encodeOrder(second.order)).toEqual(encodeOrder(copy));
    expect(second.order).toEqual(copy);
  });

  it("is frozen with its order and refunds; the input order is untouched", () => {
    expect(Object.isFrozen(second.order)).toBe(true);
    expect(Object.isFrozen(second.order.refunds)).toBe(true);
    expect(() => {
      (second.order.refunds as CreditMemo[]).push(second.memo);
    }).toThrow(TypeError);
    expect(start.refunds).toEqual([]);
    expect(first.order.refunds).toHaveLength(1);
  });

  it("is not used for another refunds list", () => {
    // An order object that reuses the carrying one as its prototype has
    // other refunds: its history is read from them.
    const other = Object.create(first.order, { refunds: { value: [] } }) as Order;
    expect(carriedHistoryOf(other)).toBeUndefined();
    expect(show(memoOf(calculate(other, oneOfA)).discount)).toBe("0.33");
  });

  it("is not used by an object that inherits or copies it with other lines", () => {
    // Lines b and a swapped: the carried positions of the ids are not this
    // object's. Both must refund a (10.00 less 0.34 discount plus 0.34 tax
    // after 0.33 of each), as a plain copy does; b would be 4.00.
    const swapped = [start.lineItems[1]!, start.lineItems[0]!];
    const inheriting = Object.create(first.order, { lineItems: { value: swapped } }) as Order;
    const cloned = Object.create(Object.prototype, {
      ...Object.getOwnPropertyDescriptors(first.order),
      lineItems: { value: swapped, enumerable: true },
    }) as Order;
    const plain = { ...first.order, lineItems: swapped };
    for (const o of [inheriting, cloned]) {
      expect(carriedHistoryOf(o)).toBeUndefined();
      expect(calculate(o, oneOfA)).toEqual(calculate(plain, oneOfA));
      expect(show(memoOf(calculate(o, oneOfA)).total)).toBe("10.00");
    }
    // and with a line made inconsistent, the order's own checks run
    const broken = Object.create(first.order, {
      lineItems: { value: [{ ...start.lineItems[0]!, quantity: -1 }, start.lineItems[1]!] },
    }) as Order;
    expect(errorsOf(calculate(broken, oneOfA)).map((e) => e.code)).toContain("INCONSISTENT_ORDER");
  });
});

describe("appendRefund", () => {
  const memo = memoOf(calculate(start, oneOfA));
  const checked = { history: readRefundHistory([]), ids: orderIds(start) };

  it("carries the history with the memo when the memo passes the checks", () => {
    const next = appendRefund(start, checked, memo);
    expect(next.refunds).toEqual([memo]);
    expect(withPlainKeys(carriedHistoryOf(next)?.history)).toEqual(
      withPlainKeys(readRefundHistory([memo])),
    );
  });

  it("carries nothing when the memo refunds more than the order has, so the next refund reports it", () => {
    // 4 units of a line of 3: a defective memo
    const forged: CreditMemo = {
      ...memo,
      lineItems: memo.lineItems.map((l) => ({ ...l, quantity: 4 })),
    };
    const next = appendRefund(start, checked, forged);
    expect(carriedHistoryOf(next)).toBeUndefined();
    const errors = errorsOf(calculate(next, oneOfA));
    expect(errors.map((e) => [e.code, "path" in e ? e.path : undefined])).toEqual([
      ["INCONSISTENT_ORDER", "lineItems[0].quantity"],
    ]);
  });
});

describe("checkAddedMemo", () => {
  const memo = memoOf(calculate(start, oneOfA));
  const ids = orderIds(start);
  const check = (m: CreditMemo, before: Order = start) =>
    checkAddedMemo(before, ids, withMemo(readRefundHistory(before.refunds), m), m).map(
      (e) => `${e.code} ${"path" in e ? e.path : ""}`,
    );

  it("accepts a memo the engine made", () => {
    expect(check(memo)).toEqual([]);
  });

  it("refuses a memo naming a line the order does not have", () => {
    const odd = { ...memo, lineItems: memo.lineItems.map((l) => ({ ...l, lineItemId: "zz" })) };
    expect(check(odd)).toEqual(["INCONSISTENT_ORDER refunds[0].lineItems[0].lineItemId"]);
  });

  it("refuses a memo that takes more of a line's tax than it has", () => {
    // the line's tax is 1.00; 1.01 refunded
    const odd = {
      ...memo,
      lineItems: memo.lineItems.map((l) => ({ ...l, taxLines: [tax("1.01")] })),
    };
    expect(check(odd)).toEqual(["INCONSISTENT_ORDER lineItems[0].taxLines[0]"]);
  });

  it("refuses more shipping than was charged, counting the earlier refunds", () => {
    // 3.00 refunded before, 2.01 now: 5.01 of 5.00
    const shippingOf = (amount: string): CreditMemo => ({
      ...memo,
      shipping: {
        ...memo.shipping,
        lines: [{ shippingLineId: "s", amount: usd(amount), taxLines: [] }],
      },
    });
    const before = { ...start, refunds: [{ ...shippingOf("3.00"), id: "7-1" }] };
    expect(check({ ...shippingOf("2.00"), id: "7-2" }, before)).toEqual([]);
    expect(check({ ...shippingOf("2.01"), id: "7-2" }, before)).toEqual([
      "INCONSISTENT_ORDER shippingLines[0]",
    ]);
  });

  it("refuses a payout beyond what the invoice collected", () => {
    const odd = {
      ...memo,
      transactions: memo.transactions.map((t) => ({ ...t, amount: usd("39.51") })),
    };
    expect(check(odd)).toEqual(["INCONSISTENT_ORDER invoices[0].amount"]);
  });

  it("refuses a shipping tax refunded beyond the line's tax", () => {
    // the shipping line's tax is 0.50; 0.51 refunded
    const odd: CreditMemo = {
      ...memo,
      shipping: {
        ...memo.shipping,
        lines: [{ shippingLineId: "s", amount: usd("0.00"), taxLines: [tax("0.51")] }],
      },
    };
    expect(check(odd)).toEqual(["INCONSISTENT_ORDER shippingLines[0].taxLines[0]"]);
  });

  it("refuses more units returned to stock than were fulfilled", () => {
    // line a: 3 units, 1 fulfilled; two returned
    const partly = {
      ...start,
      lineItems: [{ ...start.lineItems[0]!, fulfilledQuantity: 1 }, start.lineItems[1]!],
    };
    const returned = (quantity: number): CreditMemo => ({
      ...memo,
      lineItems: memo.lineItems.map((l) => ({ ...l, quantity, restock: "return" as const })),
    });
    expect(check(returned(1), partly)).toEqual([]);
    expect(check(returned(2), partly)).toEqual([
      "INCONSISTENT_ORDER lineItems[0].fulfilledQuantity",
    ]);
  });

  it("refuses more of a duty than the line has", () => {
    // a 2.00 duty on line a; 2.01 refunded
    const withDuty = {
      ...start,
      lineItems: [{ ...start.lineItems[0]!, duties: [duty("d", "2.00")] }, start.lineItems[1]!],
    };
    const dutyOf = (amount: string): CreditMemo => ({
      ...memo,
      lineItems: memo.lineItems.map((l) => ({
        ...l,
        duties: [{ dutyId: "d", amount: usd(amount), taxLines: [] }],
      })),
    });
    expect(check(dutyOf("2.00"), withDuty)).toEqual([]);
    expect(check(dutyOf("2.01"), withDuty)).toEqual(["INCONSISTENT_ORDER lineItems[0].duties[0]"]);
  });

  it("refuses a negative refunded amount", () => {
    const odd: CreditMemo = {
      ...memo,
      transactions: memo.transactions.map((t) => ({
        ...t,
        amount: { shop: -1n, presentment: -1n },
      })),
    };
    expect(check(odd)).toEqual(["INCONSISTENT_ORDER refunds[0].transactions[0].amount"]);
  });

  it("refuses a memo id used before", () => {
    const before = { ...start, refunds: [memo] };
    expect(check(memo, before)).toEqual(["INCONSISTENT_ORDER refunds[1].id"]);
    const [error] = checkAddedMemo(before, ids, withMemo(readRefundHistory([memo]), memo), memo);
    expect(error?.message).toBe(
      'The order contradicts itself at refunds[1].id: the id "7-1" is used twice.',
    );
  });

  it("checks the lines and invoices the memo touches wherever they are in the order", () => {
    // line b (the order's second line, 4.00) refunded twice over; a second
    // invoice j (1.00) paid out 1.01.
    const two = { ...start, invoices: [...start.invoices, invoice("j", "1.00")] };
    const twoIds = orderIds(two);
    const odd: CreditMemo = {
      ...memo,
      lineItems: memo.lineItems.map((l) => ({
        ...l,
        lineItemId: "b",
        quantity: 2,
        discountAllocations: [],
        taxLines: [],
      })),
      transactions: [{ ...memo.transactions[0]!, invoiceId: "j", amount: usd("1.01") }],
    };
    expect(
      checkAddedMemo(two, twoIds, withMemo(readRefundHistory([]), odd), odd).map(
        (e) => `${e.code} ${"path" in e ? e.path : ""}`,
      ),
    ).toEqual([
      "INCONSISTENT_ORDER lineItems[1].quantity",
      "INCONSISTENT_ORDER invoices[1].amount",
    ]);
  });
});

describe("idempotency keys along a chain (issue 12, finding 5)", () => {
  // The carried keys append to a log shared along the chain; a second refund
  // of the same order (a fork) must not see the keys of the first, nor the
  // first those of the second.
  const paid = order({ id: "k", invoices: [invoice("cap", "10.00")] });
  const keyed = (key: string) =>
    request({ amount: { coefficient: 100n, scale: 2 }, idempotencyKey: key });
  const after = (o: Order, key: string) => {
    const result = applyRefund(o, keyed(key));
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    return result.right.order;
  };
  const applied = (o: Order, r: ReturnType<typeof request>) => {
    const result = applyRefund(o, r);
    if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
    return result.right;
  };
  const codes = (o: Order, key: string) =>
    E.isLeft(calculate(o, keyed(key))) ? errorsOf(calculate(o, keyed(key))).map((e) => e.code) : [];

  it("a fork sees its own keys only", () => {
    const first = after(paid, "a");
    const left = after(first, "b");
    const right = after(first, "c");
    expect(codes(left, "a")).toEqual(["DUPLICATE_REFUND"]);
    expect(codes(left, "b")).toEqual(["DUPLICATE_REFUND"]);
    expect(codes(left, "c")).toEqual([]);
    expect(codes(right, "b")).toEqual([]);
    expect(codes(right, "c")).toEqual(["DUPLICATE_REFUND"]);
    expect(codes(first, "b")).toEqual([]);
    expect(codes(first, "c")).toEqual([]);
    // Further down each branch, the same.
    const leftMore = after(left, "d");
    expect(codes(right, "d")).toEqual([]);
    expect(codes(leftMore, "c")).toEqual([]);
    expect(codes(leftMore, "b")).toEqual(["DUPLICATE_REFUND"]);
  });

  it("memo ids too: a fork sees its own, and the next free id skips them", () => {
    const plain = request({ amount: { coefficient: 100n, scale: 2 } });
    const first = after(paid, "k-3"); // ids: k-3
    const left = applied(first, plain); // k-3, k-2
    const right = after(first, "k-2"); // k-3, k-2 (a key)
    expect(left.creditMemo.id).toBe("k-2");
    // On the left, k-3 is taken: the third memo is k-4.
    expect(applied(left.order, plain).creditMemo.id).toBe("k-4");
    // A key equal to a memo id of the same branch is a duplicate, of the other branch not.
    expect(codes(right, "k-2")).toEqual(["DUPLICATE_REFUND"]);
    expect(codes(left.order, "k-4")).toEqual([]);
    expect(codes(applied(left.order, plain).order, "k-4")).toEqual(["DUPLICATE_REFUND"]);
  });

  it("withMemo leaves the history it was given as it was", () => {
    const base = readRefundHistory([]);
    const one = withMemo(base, { ...memoOf(calculate(paid, keyed("a"))) });
    const two = withMemo(one, { ...memoOf(calculate(paid, keyed("b"))), id: "x" });
    const fork = withMemo(one, { ...memoOf(calculate(paid, keyed("c"))), id: "y" });
    expect([...one.idempotencyKeys]).toEqual(["a"]);
    expect([...two.idempotencyKeys]).toEqual(["a", "b"]);
    expect([...fork.idempotencyKeys]).toEqual(["a", "c"]);
    expect(two.idempotencyKeys.has("c")).toBe(false);
  });
});

describe("creditMemoId (issue 12, finding 2)", () => {
  it("skips the ids earlier memos took, however many in a row", () => {
    // Memos "m-3", "m-4", "m-5" (keys) on an order with 3 memos: n = 4 is
    // taken, 5 is taken, 6 is free.
    const paid = order({ id: "m", invoices: [invoice("cap", "10.00")] });
    const memo = memoOf(calculate(paid, request({ amount: { coefficient: 100n, scale: 2 } })));
    const taken = order({
      ...paid,
      refunds: [
        { ...memo, id: "m-3" },
        { ...memo, id: "m-4" },
        { ...memo, id: "m-5" },
      ],
    });
    expect(creditMemoId(taken, request())).toBe("m-6");
    expect(creditMemoId({ ...taken, refunds: taken.refunds.slice(1) }, request())).toBe("m-3");
  });
});

/**
 * The fused pass of `src/order/orderSoundness.ts` (issue 15 part 2) against
 * the exact passes it stands in front of. `soundOrderIds` may say "sound"
 * only of an order the exact passes (`orderItselfErrors`) find nothing
 * wrong with, and must then give the very ids `orderIds` builds; it should
 * say so of every such order (else the fast path is lost, not the result).
 * `checkOrderItself` and `calculate` must report exactly the exact passes'
 * errors, in their order; and the history check, which visits only the
 * lines a history names when it names few, exactly what a visit of every
 * line reports. Checked on generated sound orders, on the same
 * orders spoilt in one to three places (negative amounts, unequal sides,
 * repeated ids, bad quantities, discounts and taxes beyond the gross,
 * unknown currencies, a history), on the adversarial orders of
 * `test/arbitraries/wild.ts`, and on hand-worked edges of each rule.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { soundArgumentIds } from "../../src/apiArguments.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { RefundError } from "../../src/errors.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { checkRefundHistory } from "../../src/order/historyConsistency.js";
import {
  checkOrderItself,
  orderIds,
  orderItselfErrors,
  soundOrderIds,
} from "../../src/order/orderSoundness.js";
import { NO_LINE_HISTORY, readRefundHistory } from "../../src/order/refundHistory.js";
import { orderArb } from "../arbitraries/order.js";
import { FULL_REFUND, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { wildOrder } from "../arbitraries/wild.js";
import { discount, duty, invoice, line, order, shippingLine, tax } from "../support/builders.js";
import { apply, RUNS } from "./support.js";

/**
 * The order errors `calculate` must report: the order itself by the exact
 * passes, then its history, with an entry for every line of the order (an
 * empty one for a line nothing was refunded of, which can exceed nothing),
 * so that `checkRefundHistory` visits every line rather than only those
 * the history names.
 */
function referenceErrors(o: Order): RefundError[] {
  const ids = orderIds(o);
  const own = orderItselfErrors(o, ids);
  // Also with no refunds, where `calculate` skips it: it must find nothing then.
  if (own.length > 0) return own;
  const history = readRefundHistory(o.refunds);
  const lines = new Map(history.lines);
  for (const l of o.lineItems) if (!lines.has(l.id)) lines.set(l.id, NO_LINE_HISTORY);
  if (lines.size < o.lineItems.length) return checkRefundHistory(o, history, ids);
  return checkRefundHistory(o, { ...history, lines }, ids);
}

/** Every agreement the fused pass owes the exact passes, on one order. */
function expectAgreement(o: Order, request: RefundRequest = FULL_REFUND): void {
  const ids = orderIds(o);
  const exact = orderItselfErrors(o, ids);
  const fast = soundOrderIds(o);
  expect(fast !== undefined).toBe(exact.length === 0);
  if (fast !== undefined) expect(fast).toEqual(ids);
  // The same answer with the arguments' shapes checked on the way (issue 15 part 4).
  expect(soundArgumentIds(o, request, "default")).toEqual(fast);
  expect(checkOrderItself(o, ids)).toEqual(exact);
  expect(checkOrderItself(o)).toEqual(exact);
  const reference = referenceErrors(o);
  const result = calculate(o, request);
  if (reference.length > 0) expect(result).toEqual(E.left(reference));
  else if (E.isLeft(result))
    expect(result.left.filter((e) => e.code === "INCONSISTENT_ORDER")).toEqual([]);
}

/** A bag of minor units. */
const bag = (shop: bigint, presentment: bigint): MoneyBag => ({ shop, presentment });

type Mutable = {
  -readonly [K in keyof Order]: Order[K];
} & Record<string, unknown>;
type Holder = Record<string, unknown>;

/** Every stored amount of the order, as the object holding it and its key. */
function storedAmounts(o: Mutable): [Holder, string][] {
  const slots: [Holder, string][] = [];
  const each = (items: readonly unknown[]) => {
    for (const item of items) slots.push([item as Holder, "amount"]);
  };
  for (const l of o.lineItems as unknown as Holder[]) {
    slots.push([l, "price"]);
    each(l["discountAllocations"] as unknown[]);
    each(l["taxLines"] as unknown[]);
    for (const d of l["duties"] as Holder[]) {
      slots.push([d, "amount"]);
      each(d["taxLines"] as unknown[]);
    }
  }
  for (const s of o.shippingLines as unknown as Holder[]) {
    slots.push([s, "price"]);
    each(s["discountAllocations"] as unknown[]);
    each(s["taxLines"] as unknown[]);
  }
  each(o.invoices);
  return slots;
}

/** The lists of records with ids: lines, shipping lines, invoices, every line's duties. */
function idLists(o: Mutable): Holder[][] {
  const lists: Holder[][] = [
    o.lineItems as unknown as Holder[],
    o.shippingLines as unknown as Holder[],
    o.invoices as unknown as Holder[],
  ];
  const duties: Holder[] = [];
  for (const l of o.lineItems) duties.push(...(l.duties as unknown as Holder[]));
  lists.push(duties);
  return lists;
}

const pick = <T>(items: readonly T[], at: number): T | undefined =>
  items.length === 0 ? undefined : items[at % items.length];

/** A quantity as a bigint, 1 for one already spoilt. */
const unitsOf = (quantity: number): bigint =>
  Number.isSafeInteger(quantity) ? BigInt(quantity) : 1n;

const ODD_COUNTS = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53];

/** One way to spoil an order (or, for some, to push it to an edge that is still sound). */
type Spoil = (o: Mutable, at: number, k: number) => void;

const SPOILS: readonly Spoil[] = [
  // A negative side.
  (o, at, k) => {
    const slot = pick(storedAmounts(o), at);
    if (slot === undefined) return;
    const [holder, key] = slot;
    const amount = holder[key] as MoneyBag;
    holder[key] =
      k % 2 === 0
        ? { shop: -1n - BigInt(k), presentment: amount.presentment }
        : { shop: amount.shop, presentment: -1n };
  },
  // Sides that differ (on a single-currency order, a problem; else not).
  (o, at, k) => {
    const slot = pick(storedAmounts(o), at);
    if (slot === undefined) return;
    const [holder, key] = slot;
    const amount = holder[key] as MoneyBag;
    holder[key] = { shop: amount.shop, presentment: amount.presentment + 1n + BigInt(k) };
  },
  // An amount raised, or set to zero: discounts and taxes may exceed.
  (o, at, k) => {
    const slot = pick(storedAmounts(o), at);
    if (slot === undefined) return;
    const [holder, key] = slot;
    const amount = holder[key] as MoneyBag;
    const more = k % 3 === 0 ? 0n : 10n ** BigInt(k % 12);
    holder[key] = k % 3 === 0 ? bag(0n, 0n) : bag(amount.shop + more, amount.presentment + more);
  },
  // A repeated id.
  (o, at, k) => {
    const list = pick(
      idLists(o).filter((items) => items.length > 1),
      k,
    );
    if (list === undefined) return;
    const from = list[at % list.length] as Holder;
    const to = list[(at + 1 + k) % list.length] as Holder;
    to["id"] = from["id"];
  },
  // An odd quantity.
  (o, at, k) => {
    const l = pick(o.lineItems as unknown as Holder[], at);
    if (l !== undefined) l["quantity"] = ODD_COUNTS[k % ODD_COUNTS.length];
  },
  // An odd or excessive fulfilled quantity.
  (o, at, k) => {
    const l = pick(o.lineItems as unknown as Holder[], at);
    if (l === undefined) return;
    const quantity = l["quantity"] as number;
    l["fulfilledQuantity"] =
      k % 3 === 0 ? quantity + 1 : k % 3 === 1 ? ODD_COUNTS[k % ODD_COUNTS.length] : quantity;
  },
  // A line's discounts at exactly its gross (sound), or one minor unit above.
  (o, at, k) => {
    const l = pick(o.lineItems as unknown as Holder[], at);
    if (l === undefined) return;
    const price = l["price"] as MoneyBag;
    const units = unitsOf(l["quantity"] as number);
    const extra = BigInt(k % 2);
    l["discountAllocations"] = [
      { amount: bag(price.shop * units + extra, price.presentment * units + extra) },
    ];
  },
  // Prices include tax, and a line's taxes at exactly what is left of its gross, or above.
  (o, at, k) => {
    o.taxesIncluded = true;
    const l = pick(o.lineItems as unknown as Holder[], at);
    if (l === undefined) return;
    const price = l["price"] as MoneyBag;
    const units = unitsOf(l["quantity"] as number);
    const extra = BigInt(k % 2);
    l["discountAllocations"] = [];
    l["taxLines"] = [
      { title: "T", amount: bag(price.shop * units + extra, price.presentment * units) },
    ];
  },
  // Taxes included or not.
  (o) => {
    o.taxesIncluded = !o.taxesIncluded;
  },
  // An unknown currency, or another presentment currency.
  (o, _at, k) => {
    if (k % 3 === 0) o.currency = "usd";
    else if (k % 3 === 1) o.presentmentCurrency = "XYZ";
    else o.presentmentCurrency = o.currency === "EUR" ? "USD" : "EUR";
  },
  // A line cut down to one unit with no discounts or taxes (its history may exceed it).
  (o, at) => {
    const l = pick(o.lineItems as unknown as Holder[], at);
    if (l === undefined) return;
    l["quantity"] = 1;
    l["fulfilledQuantity"] = 0;
    l["discountAllocations"] = [];
    l["taxLines"] = [];
  },
  // A shipping line's discount at or above its price.
  (o, at, k) => {
    const s = pick(o.shippingLines as unknown as Holder[], at);
    if (s === undefined) return;
    const price = s["price"] as MoneyBag;
    s["discountAllocations"] = [{ amount: bag(price.shop + BigInt(k % 2), price.presentment) }];
  },
];

/** The spoil that cuts a line down. */
const CUT_DOWN = 10;

const spoilArb = fc.record({
  kind: fc.nat({ max: SPOILS.length - 1 }),
  at: fc.nat({ max: 50 }),
  k: fc.nat({ max: 20 }),
});

/** `o` spoilt by each of `spoils`, in a copy (the symbols an order may carry are not copied). */
function spoilt(o: Order, spoils: readonly { kind: number; at: number; k: number }[]): Order {
  const copy = structuredClone(o) as Mutable;
  for (const { kind, at, k } of spoils) (SPOILS[kind] as Spoil)(copy, at, k);
  return copy;
}

describe("the fused order check agrees with the exact passes (issue 15 part 2)", () => {
  it("on generated sound orders", () => {
    fc.assert(
      fc.property(orderArb({ maxLines: 8 }), (o) => {
        expect(soundOrderIds(o)).toEqual(orderIds(o));
        expectAgreement(o);
      }),
      RUNS,
    );
  });

  it("on the same orders spoilt in one to three places", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 6 }),
        fc.array(spoilArb, { minLength: 1, maxLength: 3 }),
        (o, spoils) => {
          expectAgreement(spoilt(o, spoils));
        },
      ),
      { numRuns: RUNS.numRuns * 8 },
    );
  });

  it("on orders with a history, spoilt or not", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 5 }),
        stepChoiceArb(),
        fc.array(spoilArb, { maxLength: 2 }),
        (o, choice, spoils) => {
          const request = validRequest(o, choice);
          const after = request === undefined ? undefined : apply(o, request);
          const base = after?.ok === true ? after.order : o;
          expectAgreement(spoilt(base, spoils), request);
        },
      ),
      { numRuns: RUNS.numRuns * 4 },
    );
  });

  it("on orders whose history refunds more of a line than it now has", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 5 }),
        stepChoiceArb(),
        fc.nat({ max: 10 }),
        (o, choice, at) => {
          const request = validRequest(o, choice);
          const after = request === undefined ? undefined : apply(o, request);
          if (after?.ok !== true) return;
          // A line the memo refunds, cut down (the memo names fewer lines than the order has, often).
          const refunded = pick(after.memo.lineItems, at);
          const copy = structuredClone(after.order) as Mutable;
          const target = copy.lineItems.findIndex((l) => l.id === refunded?.lineItemId);
          (SPOILS[CUT_DOWN] as Spoil)(copy, target, 0);
          expectAgreement(copy, request);
        },
      ),
      { numRuns: RUNS.numRuns * 2 },
    );
  });

  it("on adversarial orders", () => {
    fc.assert(
      fc.property(wildOrder, (o) => {
        expectAgreement(o);
      }),
      { numRuns: RUNS.numRuns * 4 },
    );
  });
});

describe("the fused order check, worked examples", () => {
  // Three units at 10.00: the gross is 30.00.
  const threeAt10 = (parts: Parameters<typeof line>[3], taxesIncluded = false) =>
    order({
      taxesIncluded,
      lineItems: [line("a", 3, "10.00", parts)],
      invoices: [invoice("i", "30.00")],
    });

  it.each([
    ["a discount of 25.00, above the price but within the gross", "25.00", true],
    ["a discount of exactly the gross, 30.00", "30.00", true],
    ["a discount of 30.01, above the gross", "30.01", false],
  ])("%s", (_, amount, sound) => {
    const o = threeAt10({ discountAllocations: [discount(amount)] });
    expect(soundOrderIds(o) !== undefined).toBe(sound);
    expectAgreement(o);
  });

  it.each([
    ["taxes of 20.00 after a discount of 10.00: exactly what is left", "20.00", true],
    ["taxes of 20.01 after a discount of 10.00", "20.01", false],
  ])("prices include tax, %s", (_, amount, sound) => {
    const o = threeAt10(
      { discountAllocations: [discount("10.00")], taxLines: [tax(amount)] },
      true,
    );
    expect(soundOrderIds(o) !== undefined).toBe(sound);
    expectAgreement(o);
  });

  it("taxes above the gross are fine when prices exclude tax", () => {
    const o = threeAt10({ taxLines: [tax("99.00")] });
    expect(soundOrderIds(o)).toEqual(orderIds(o));
  });

  it("a multi-currency line whose discount exceeds its gross on the presentment side only", () => {
    const o = order({
      presentmentCurrency: "EUR",
      lineItems: [
        line("a", 2, bag(1000n, 900n), { discountAllocations: [discount(bag(1500n, 1801n))] }),
      ],
    });
    expect(soundOrderIds(o)).toBeUndefined();
    expectAgreement(o);
    expect(errorsPaths(o)).toEqual(["lineItems[0].discountAllocations"]);
  });

  it("a repeated duty id across lines, and a line of many duties (its own set of ids)", () => {
    const many = Array.from({ length: 9 }, (_, d) => duty(`d${d}`, "1.00"));
    const o = order({
      lineItems: [
        line("a", 1, "10.00", { duties: many }),
        line("b", 1, "10.00", { duties: [duty("x", "1.00")] }),
      ],
    });
    expect(soundOrderIds(o)).toEqual(orderIds(o));
    expect(orderIds(o).duties.get(0)?.size).toBe(9);
    const repeated = order({
      lineItems: [
        line("a", 1, "10.00", { duties: many }),
        line("b", 1, "10.00", { duties: [duty("d3", "1.00")] }),
      ],
    });
    expect(soundOrderIds(repeated)).toBeUndefined();
    expect(errorsPaths(repeated)).toEqual(["duties[9].id"]);
  });

  it("an order with no duties shares one empty map of duty sets", () => {
    const a = soundOrderIds(threeAt10({}));
    const b = soundOrderIds(order({ lineItems: [line("b", 1, "1.00")] }));
    expect(a?.duties.size).toBe(0);
    expect(a?.duties).toBe(b?.duties);
  });

  it("several problems are reported by the exact passes, in their order", () => {
    const o = order({
      currency: "ABC",
      presentmentCurrency: "ABC",
      lineItems: [line("a", 0, "1.00"), line("a", 1, bag(-1n, -1n))],
      shippingLines: [shippingLine("s", "1.00", { discountAllocations: [discount("2.00")] })],
      invoices: [invoice("i", bag(1n, 2n))],
    });
    expect(soundOrderIds(o)).toBeUndefined();
    expectAgreement(o);
    expect(errorsPaths(o)).toEqual([
      "currency",
      "presentmentCurrency",
      "lineItems[1].id",
      "lineItems[1].price",
      "invoices[0].amount",
      "lineItems[0].quantity",
      // A negative price makes a negative gross, which no discount fits in.
      "lineItems[1].discountAllocations",
      "shippingLines[0].discountAllocations",
    ]);
  });
});

describe("unreadable orders are reported before any order check", () => {
  const sound = order({
    lineItems: [line("a", 2, "10.00", { discountAllocations: [discount("1.00")] })],
    shippingLines: [shippingLine("s", "5.00")],
    invoices: [invoice("i", "24.00")],
  });
  const unreadable = {
    code: "INVALID_INPUT",
    path: "order",
  };

  it("a line whose price getter throws", () => {
    const first = sound.lineItems[0];
    const lineItems = [
      Object.defineProperty({ ...first }, "price", {
        get() {
          throw new Error("no price");
        },
        enumerable: true,
      }),
    ];
    const result = calculate({ ...sound, lineItems } as Order, FULL_REFUND);
    expect(E.isLeft(result) && result.left).toMatchObject([unreadable]);
  });

  it("an invoice list behind a Proxy whose traps throw", () => {
    const invoices = new Proxy([], {
      get() {
        throw new Error("trap");
      },
    });
    const result = calculate({ ...sound, invoices } as Order, FULL_REFUND);
    expect(E.isLeft(result) && result.left).toMatchObject([unreadable]);
  });

  it("an order behind transparent Proxies computes as the plain order", () => {
    const proxied = <T extends object>(value: T): T =>
      new Proxy(value, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver) as unknown;
          return typeof v === "object" && v !== null ? proxied(v) : v;
        },
      });
    fc.assert(
      fc.property(orderArb({ maxLines: 4 }), fc.array(spoilArb, { maxLength: 2 }), (o, spoils) => {
        const plain = spoilt(o, spoils);
        expect(calculate(proxied(plain), FULL_REFUND)).toEqual(calculate(plain, FULL_REFUND));
      }),
      RUNS,
    );
  });
});

function errorsPaths(o: Order): (string | undefined)[] {
  const result = calculate(o, FULL_REFUND);
  return E.isLeft(result) ? result.left.map((e) => ("path" in e ? e.path : undefined)) : [];
}

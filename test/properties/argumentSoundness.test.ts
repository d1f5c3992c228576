/**
 * The fused check of `calculate`'s and `applyRefund`'s arguments
 * (`soundArgumentIds`, issue 15 part 4) against what it stands in front of:
 * the shape checks (`refundArgumentErrors`) and then the exact passes of
 * the order (`orderItselfErrors`). It may say "all right" only when those
 * find nothing (or the order carries its checked history), and must then
 * give the very ids `orderIds` builds; it should say so whenever they find
 * nothing; and `calculate` and `applyRefund` must report exactly what the
 * shape checks, then the exact passes, report, in their order. Checked on
 * generated sound orders and requests spoilt in their shape — every field
 * the shape check knows given a wrong type, removed, hidden behind a getter
 * or a Proxy that throws, wrapped in a faithful Proxy; lists with holes or
 * not lists at all; bags of numbers; decimals that are not — on carried
 * orders, and with policies that are not names.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { refundArgumentErrors, soundArgumentIds } from "../../src/apiArguments.js";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import { POLICY_NAMES, type PolicyName } from "../../src/domain/policy.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { isPolicyName } from "../../src/domain/shapes.js";
import { carriedHistoryOf } from "../../src/order/carriedHistory.js";
import { type OrderIds, orderIds, orderItselfErrors } from "../../src/order/orderSoundness.js";
import { orderArb } from "../arbitraries/order.js";
import { FULL_REFUND, stepChoiceArb, validRequest } from "../arbitraries/request.js";
import { apply, RUNS } from "./support.js";

const hostile = (): never => {
  throw new Error("hostile");
};

type Holder = Record<string | number, unknown>;

/** A place in a value: the record or list holding it, and its key or index. */
interface Slot {
  readonly holder: Holder;
  readonly key: string | number;
}

/** Optional fields a record may lack: slots for them too, so that they get wrong values. */
const OPTIONAL_KEYS = ["sku", "title", "rate", "gateway", "shipping", "amount", "transactions"];

/** Every slot of `value`: each field of each record and each item of each list, depth first. */
function slotsOf(value: unknown, slots: Slot[] = []): Slot[] {
  if (typeof value !== "object" || value === null) return slots;
  const holder = value as Holder;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      slots.push({ holder, key: i });
      slotsOf(item, slots);
    });
    return slots;
  }
  for (const key of Object.keys(value)) {
    slots.push({ holder, key });
    slotsOf(holder[key], slots);
  }
  for (const key of OPTIONAL_KEYS) if (!(key in holder)) slots.push({ holder, key });
  return slots;
}

/** Values of the wrong type for some field or other (some are right for some fields). */
const WRONG: readonly (() => unknown)[] = [
  () => undefined,
  () => null,
  () => 0,
  () => 1.5,
  () => Number.NaN,
  () => "1",
  () => "",
  () => 1n,
  () => false,
  () => ({}),
  () => [],
  () => () => 0,
  () => ({ shop: 1, presentment: 1 }),
  () => ({ shop: 1n, presentment: "1" }),
  () => ({ shop: 1n }),
  () => ({ shop: 1n, presentment: 1n }),
  () => Object.assign([], { shop: 1n, presentment: 1n }),
  () => Object.assign(() => 0, { shop: 1n, presentment: 1n }),
  () => ({ coefficient: 1n, scale: 2 }),
  () => ({ coefficient: 1, scale: 2 }),
  () => new Proxy({}, { get: hostile }),
  () => [undefined],
  () => "return",
  () => Object.create({ shop: 1n, presentment: 1n }),
];

/** One way to spoil the shape of a value at a slot, with a number to vary it. */
type Spoil = (slot: Slot, k: number) => void;

const SPOILS: readonly Spoil[] = [
  // A value of the wrong type.
  ({ holder, key }, k) => {
    holder[key] = (WRONG[k % WRONG.length] as () => unknown)();
  },
  // Missing (a hole, in a list).
  ({ holder, key }) => {
    delete holder[key];
  },
  // A getter that throws.
  ({ holder, key }) => {
    Object.defineProperty(holder, key, { get: hostile, enumerable: true, configurable: true });
  },
  // A Proxy: faithful, throwing on every read, or on one key only.
  ({ holder, key }, k) => {
    const value = holder[key];
    if (typeof value !== "object" || value === null) return;
    const keys = Object.keys(value);
    const bad = keys[k % Math.max(1, keys.length)];
    holder[key] =
      k % 3 === 0
        ? new Proxy(value, {})
        : k % 3 === 1
          ? new Proxy(value, { get: hostile })
          : new Proxy(value, {
              get: (target, p) => (p === bad ? hostile() : Reflect.get(target, p)),
            });
  },
  // A list one longer (a hole at its end), or a list-like record in its place.
  ({ holder, key }, k) => {
    const value = holder[key];
    if (!Array.isArray(value)) return;
    if (k % 2 === 0) value.length += 1;
    else holder[key] = { ...value, length: value.length };
  },
];

const spoilArb = fc.record({
  kind: fc.nat({ max: SPOILS.length - 1 }),
  at: fc.nat({ max: 400 }),
  k: fc.nat({ max: 60 }),
});

type SpoilChoice = { kind: number; at: number; k: number };

/** `value` spoilt by each of `spoils`, in a copy. */
function spoilt<T>(value: T, spoils: readonly SpoilChoice[]): T {
  const copy = structuredClone(value);
  for (const { kind, at, k } of spoils) {
    // Slots found anew each time: a spoil may remove or hide some.
    let slots: Slot[];
    try {
      slots = slotsOf(copy);
    } catch {
      break;
    }
    const slot = slots[at % Math.max(1, slots.length)];
    // A spoil that reads a value an earlier one made hostile is not made.
    try {
      if (slot !== undefined) (SPOILS[kind] as Spoil)(slot, k);
    } catch {}
  }
  return copy;
}

const POLICIES: readonly unknown[] = [...POLICY_NAMES, "Default", "", 0, null, undefined, {}];

/** Whether the shape checks and then the order's own exact passes find nothing. */
function referenceAccepts(order: unknown, request: unknown, policy: unknown): boolean {
  if (refundArgumentErrors(order, request, policy) !== undefined) return false;
  const o = order as Order;
  return carriedHistoryOf(o) !== undefined || orderItselfErrors(o, orderIds(o)).length === 0;
}

/** Whether an answer of `soundArgumentIds` accepts the arguments: ids, not "not known" or which one threw. */
function accepted(answer: ReturnType<typeof soundArgumentIds>): answer is OrderIds {
  return typeof answer === "object";
}

/** Every agreement the fused check owes the shape checks and the exact passes. */
function expectAgreement(order: unknown, request: unknown, policy: unknown): void {
  const answer = soundArgumentIds(order, request, policy);
  const fast = accepted(answer) ? answer : undefined;
  const accepts = referenceAccepts(order, request, policy);
  expect(fast !== undefined).toBe(accepts);
  const o = order as Order;
  const r = request as RefundRequest;
  const p = policy as PolicyName;
  if (fast !== undefined && carriedHistoryOf(o) === undefined) expect(fast).toEqual(orderIds(o));
  // `calculate`'s policy defaults to "default" when it is not given.
  const invalid = refundArgumentErrors(order, request, policy === undefined ? "default" : policy);
  const expected =
    invalid !== undefined
      ? invalid
      : carriedHistoryOf(o) === undefined
        ? orderItselfErrors(o, orderIds(o))
        : [];
  if (expected.length === 0) return;
  const calculated = calculate(o, r, p);
  expect(calculated).toStrictEqual(E.left(expected));
  expect(applyRefund(o, r, p)).toStrictEqual(E.left(expected));
}

/** A request for `o`: a valid one when the choice gives one, else a full refund. */
const requestFor = (o: Order, choice: Parameters<typeof validRequest>[1]): RefundRequest =>
  validRequest(o, choice) ?? FULL_REFUND;

describe("the fused argument check agrees with the shape checks and the exact passes", () => {
  it("on generated sound orders and valid requests, with any policy", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 9 }),
        stepChoiceArb(),
        fc.constantFrom(...POLICIES),
        (o, choice, policy) => {
          const request = requestFor(o, choice);
          expectAgreement(o, request, policy);
          if (isPolicyName(policy))
            expect(accepted(soundArgumentIds(o, request, policy))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("on orders spoilt in their shape in one to three places", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 5 }),
        stepChoiceArb(),
        fc.array(spoilArb, { minLength: 1, maxLength: 3 }),
        (o, choice, spoils) => {
          expectAgreement(spoilt(o, spoils), requestFor(o, choice), "default");
        },
      ),
      { numRuns: RUNS.numRuns * 10 },
    );
  });

  it("on requests spoilt in their shape, with sound orders and with spoilt ones", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 4 }),
        stepChoiceArb(),
        fc.array(spoilArb, { minLength: 1, maxLength: 2 }),
        fc.array(spoilArb, { maxLength: 1 }),
        fc.constantFrom(...POLICIES),
        (o, choice, requestSpoils, orderSpoils, policy) => {
          const request = spoilt(requestFor(o, choice), requestSpoils);
          expectAgreement(spoilt(o, orderSpoils), request, policy);
        },
      ),
      { numRuns: RUNS.numRuns * 8 },
    );
  });

  it("on carried orders (applyRefund's), with requests and policies right or wrong", () => {
    fc.assert(
      fc.property(
        orderArb({ maxLines: 4 }),
        stepChoiceArb(),
        stepChoiceArb(),
        fc.array(spoilArb, { maxLength: 1 }),
        fc.constantFrom(...POLICIES),
        (o, first, second, requestSpoils, policy) => {
          const request = validRequest(o, first);
          if (request === undefined) return;
          const after = apply(o, request);
          if (!after.ok) return;
          expect(carriedHistoryOf(after.order)).toBeDefined();
          const next = spoilt(requestFor(after.order, second), requestSpoils);
          expectAgreement(after.order, next, policy);
        },
      ),
      RUNS,
    );
  });
});

describe("the fused argument check, worked examples", () => {
  /** A sound order with lines and invoices. */
  const sound = (): Order =>
    fc
      .sample(orderArb({ maxLines: 2 }), { numRuns: 50, seed: 15 })
      .find((o) => o.lineItems.length > 0 && o.invoices.length > 0) as Order;

  it.each([
    ["null", null],
    ["a number", 42],
    ["a list", []],
    ["an empty record", {}],
    ["a Proxy whose every read throws", new Proxy({}, { get: hostile })],
    [
      "a Proxy whose ownKeys and has traps throw",
      new Proxy({}, { has: hostile, ownKeys: hostile }),
    ],
  ])("an order that is %s", (_, order) => {
    expect(accepted(soundArgumentIds(order, FULL_REFUND, "default"))).toBe(false);
    expectAgreement(order, FULL_REFUND, "default");
  });

  it("a faithful Proxy of a sound order is accepted, with the order's ids", () => {
    const o = sound();
    const proxy = new Proxy(o, {});
    expect(soundArgumentIds(proxy, FULL_REFUND, "default")).toEqual(orderIds(o));
    expectAgreement(proxy, FULL_REFUND, "default");
  });

  it("a bag of numbers, a quantity as a string, an array for a record: refused", () => {
    const o = sound();
    for (const spoil of [
      (c: Holder) => {
        ((c["lineItems"] as Holder[])[0] as Holder)["price"] = { shop: 1, presentment: 1 };
      },
      (c: Holder) => {
        ((c["lineItems"] as Holder[])[0] as Holder)["quantity"] = "1";
      },
      (c: Holder) => {
        (c["invoices"] as Holder[])[0] = Object.assign([], (c["invoices"] as Holder[])[0]);
      },
      (c: Holder) => {
        ((c["lineItems"] as Holder[])[0] as Holder)["sku"] = 7;
      },
    ]) {
      const copy = structuredClone(o) as unknown as Holder;
      spoil(copy);
      expect(accepted(soundArgumentIds(copy, FULL_REFUND, "default"))).toBe(false);
      expectAgreement(copy, FULL_REFUND, "default");
    }
  });

  it("isPolicyName says what a search of POLICY_NAMES says", () => {
    for (const value of [...POLICIES, "bankers ", "DEFAULT", new String("default")])
      expect(isPolicyName(value)).toBe((POLICY_NAMES as readonly unknown[]).includes(value));
  });
});

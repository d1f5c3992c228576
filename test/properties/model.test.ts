/**
 * Model-based test: random sequences of refund commands — q units of a line
 * (with restock), a shipping amount, an amount-only refund, a full refund,
 * and requests for too much — applied through `applyRefund`, checked after
 * every step against a simple model kept with exact rationals: the refunded
 * quantities, every component within half a minor unit of its exact share
 * `X·r/n`, shipping refunded, money left and `refundStatus`. The money is
 * followed invoice by invoice: every memo's transactions are checked
 * against the §3.8 (v2) payout rule worked with exact rationals
 * (`payoutReference.ts`), and the money left is what they leave.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { RefundError } from "../../src/errors.js";
import { findCurrency } from "../../src/money/currency.js";
import { formatMinorUnits } from "../../src/money/decimal.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { moneyLeft } from "../../src/order/moneyLeft.js";
import { refundStatus } from "../../src/refundStatus.js";
import { fractionArb, fractionOf } from "../arbitraries/money.js";
import { generatedOrderArb } from "../arbitraries/order.js";
import {
  decimalOf,
  exponentOf,
  FULL_REFUND,
  type LineChoice,
  lineChoiceArb,
  validLines,
} from "../arbitraries/request.js";
import {
  add,
  allShippingLeft,
  collected,
  lineComponentsRefunded,
  shippingNetOf,
  shippingRefunded,
  sub,
  total,
} from "../arbitraries/state.js";
import { expectPayoutAtInvoiceRates, type InvoicesLeft } from "./payoutReference.js";
import { apply, FEW_RUNS, SIDES } from "./support.js";

/** An exact rational number `num / den` (den > 0). */
interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** `|c − r| ≤ 1/2`, exactly. */
function withinHalf(c: bigint, r: Rational): boolean {
  const diff = c * r.den - r.num;
  return (diff < 0n ? -diff : diff) * 2n <= r.den;
}

/** The model: what a correct engine must have refunded, in exact terms. */
class Model {
  /** Units refunded per line index. */
  readonly units: number[];
  /** Presentment shipping refunded in all (amounts asked, remainders of full refunds). */
  shippingPresentment = 0n;
  /** Money refunded so far (sum of memo totals) on each side. */
  refunded: MoneyBag = { shop: 0n, presentment: 0n };
  /** Each invoice's money left, as the checked transactions left it. */
  invoices: InvoicesLeft;
  constructor(
    readonly order: Order,
    readonly collected: MoneyBag,
  ) {
    this.units = order.lineItems.map(() => 0);
    this.invoices = order.invoices.map((i) => ({ id: i.id, left: i.amount }));
  }
  get moneyLeft(): MoneyBag {
    return total(this.invoices.map((i) => i.left));
  }
  /** Shop money on invoices without presentment money: no transaction pays it (§3.8). */
  get strandedShop(): bigint {
    return this.invoices.reduce((s, i) => (i.left.presentment <= 0n ? s + i.left.shop : s), 0n);
  }
  get status(): string {
    const zero = (b: MoneyBag) => b.shop === 0n && b.presentment === 0n;
    if (zero(this.collected)) return "unpaid";
    if (zero(this.moneyLeft)) return "refunded";
    // Money returned is what the transactions took, not the memos' totals (§3.8 v2).
    return zero(sub(this.collected, this.moneyLeft)) ? "paid" : "partially_refunded";
  }
}

interface Real {
  order: Order;
}

const MONEY_CODES = ["OVER_REFUND", "NOT_PAID", "NEGATIVE_TOTAL"];

/** The real order agrees with the model (called after every command). */
function expectAgreement(model: Model, real: Real): void {
  const order = real.order;
  order.lineItems.forEach((line, i) => {
    const r = BigInt(model.units[i] ?? 0);
    const n = BigInt(line.quantity);
    const refunded = order.refunds
      .flatMap((m) => m.lineItems.filter((l) => l.lineItemId === line.id))
      .reduce((s, l) => s + l.quantity, 0);
    expect(refunded).toBe(model.units[i]);
    const c = lineComponentsRefunded(order, line);
    const check = (x: MoneyBag, got: MoneyBag | undefined) => {
      for (const side of SIDES) {
        expect(withinHalf(got?.[side] ?? 0n, { num: x[side] * r, den: n })).toBe(true);
        if (r === n) expect(got?.[side]).toBe(x[side]);
      }
    };
    line.discountAllocations.forEach((d, j) => {
      check(d.amount, c.discounts[j]);
    });
    line.taxLines.forEach((t, j) => {
      check(t.amount, c.taxes[j]);
    });
  });
  const shipping = total(order.shippingLines.map((l) => shippingRefunded(order, l).amount));
  expect(shipping.presentment).toBe(model.shippingPresentment);
  for (const line of order.shippingLines)
    for (const side of SIDES)
      expect(shippingRefunded(order, line).amount[side]).toBeLessThanOrEqual(
        shippingNetOf(line)[side],
      );
  expect(moneyLeft(order)).toEqual(model.moneyLeft);
  expect(refundStatus(order)).toBe(model.status);
}

/** Applies a request; on success updates the model's money and returns the memo. */
function run(model: Model, real: Real, request: RefundRequest) {
  const result = apply(real.order, request);
  if (result.ok) {
    real.order = result.order;
    model.refunded = add(model.refunded, result.memo.total);
    model.invoices = expectPayoutAtInvoiceRates(model.invoices, result.memo, true);
    const before = model.moneyLeft;
    for (const side of SIDES) expect(before[side]).toBeGreaterThanOrEqual(0n);
  }
  return result;
}

function format(order: Order, minor: bigint): string {
  const currency = findCurrency(order.presentmentCurrency);
  return currency === undefined ? "" : formatMinorUnits(minor, currency);
}

/** A rejection of a sound request may only be about money, and must say how much is left. */
function expectMoneyRejection(model: Model, order: Order, errors: readonly RefundError[]): void {
  for (const e of errors) expect(MONEY_CODES).toContain(e.code);
  const over = errors.find((e) => e.code === "OVER_REFUND");
  if (
    over !== undefined &&
    "subject" in over &&
    over.subject === "money" &&
    over.currency === order.presentmentCurrency
  )
    expect(over.maximum).toBe(format(order, model.moneyLeft.presentment));
}

class RefundUnits implements fc.Command<Model, Real> {
  constructor(readonly choice: LineChoice) {}
  check(model: Model): boolean {
    return model.order.lineItems.some((l, i) => (model.units[i] ?? 0) < l.quantity);
  }
  run(model: Model, real: Real): void {
    const [line] = validLines(real.order, [this.choice]);
    if (line === undefined) return;
    const result = run(model, real, {
      lineItems: [line],
      refundDuties: true,
      full: false,
      notify: false,
    });
    if (result.ok) {
      const i = real.order.lineItems.findIndex((l) =>
        line.lineItemId !== undefined ? l.id === line.lineItemId : l.sku === line.sku,
      );
      model.units[i] = (model.units[i] ?? 0) + (line.quantity ?? 0);
      expect(result.memo.lineItems.map((l) => [l.quantity, l.restock])).toEqual([
        [line.quantity, line.restock],
      ]);
    } else expectMoneyRejection(model, real.order, result.errors);
    expectAgreement(model, real);
  }
  toString(): string {
    return `units(${JSON.stringify(this.choice, (_, v) => (typeof v === "bigint" ? `${v}n` : v))})`;
  }
}

class RefundShipping implements fc.Command<Model, Real> {
  constructor(
    readonly fraction: bigint,
    readonly tooMuch: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const left = allShippingLeft(real.order).presentment;
    const amount = this.tooMuch
      ? left + 1n
      : left === 0n
        ? 0n
        : 1n + fractionOf(left - 1n, this.fraction);
    const result = run(model, real, {
      lineItems: [],
      shipping: { fullRefund: false, amount: decimalOf(amount, exponentOf(real.order)) },
      currency: real.order.presentmentCurrency,
      refundDuties: false,
      full: false,
      notify: false,
    });
    if (this.tooMuch) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors).toEqual([
          expect.objectContaining({
            code: "OVER_REFUND",
            subject: "shipping",
            requested: format(real.order, amount),
            maximum: format(real.order, left),
          }),
        ]);
    } else if (result.ok) {
      model.shippingPresentment += amount;
    } else if (amount === 0n) {
      // Nothing asked and nothing taken part: there may be nothing to refund at all.
      for (const e of result.errors) expect([...MONEY_CODES, "EMPTY_REFUND"]).toContain(e.code);
    } else expectMoneyRejection(model, real.order, result.errors);
    expectAgreement(model, real);
  }
  toString(): string {
    return `shipping(${this.fraction}n, ${this.tooMuch})`;
  }
}

class RefundAmount implements fc.Command<Model, Real> {
  constructor(
    readonly fraction: bigint,
    readonly tooMuch: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const left = model.moneyLeft;
    const amount = this.tooMuch
      ? left.presentment + 1n
      : fractionOf(left.presentment, this.fraction);
    const result = run(model, real, {
      lineItems: [],
      amount: decimalOf(amount, exponentOf(real.order)),
      currency: real.order.presentmentCurrency,
      refundDuties: false,
      full: false,
      notify: false,
    });
    if (this.tooMuch) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const zeroCollected = model.collected.shop === 0n && model.collected.presentment === 0n;
        expect(result.errors.map((e) => e.code)).toEqual([
          zeroCollected ? "NOT_PAID" : "OVER_REFUND",
        ]);
      }
    } else if (amount === 0n) {
      // Zero with no lines refunds nothing: EMPTY_REFUND.
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.code)).toEqual(["EMPTY_REFUND"]);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.memo.total.presentment).toBe(amount);
        expect(result.memo.adjustmentPositive.presentment).toBe(amount);
        if (amount === left.presentment) expect(result.memo.total.shop).toBe(left.shop);
        expect(result.memo.lineItems).toEqual([]);
      }
    }
    expectAgreement(model, real);
  }
  toString(): string {
    return `amount(${this.fraction}n, ${this.tooMuch})`;
  }
}

class RefundAll implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const shippingLeft = allShippingLeft(real.order).presentment;
    const moneyLeftBefore = model.moneyLeft;
    const result = run(model, real, FULL_REFUND);
    if (result.ok) {
      model.order.lineItems.forEach((l, i) => {
        model.units[i] = l.quantity;
      });
      model.shippingPresentment += shippingLeft;
      expect(result.memo.total).toEqual(moneyLeftBefore);
      // Every invoice's presentment money goes, and with it all its shop money (§3.8).
      expect(model.moneyLeft).toEqual({ shop: model.strandedShop, presentment: 0n });
    } else {
      expect(result.errors.map((e) => e.code)).toEqual(["EMPTY_REFUND"]);
    }
    expectAgreement(model, real);
  }
  toString(): string {
    return "full";
  }
}

const commands = [
  lineChoiceArb.map((c) => new RefundUnits(c) as fc.Command<Model, Real>),
  fc
    .tuple(fractionArb, fc.boolean())
    .map(([f, o]) => new RefundShipping(f, o) as fc.Command<Model, Real>),
  fc
    .tuple(
      fractionArb,
      fc.integer({ min: 1, max: 5 }).map((i) => i === 1),
    )
    .map(([f, o]) => new RefundAmount(f, o) as fc.Command<Model, Real>),
  fc.constant(new RefundAll() as fc.Command<Model, Real>),
];

describe("model-based: refund commands against an exact model", () => {
  test.prop(
    [
      generatedOrderArb({ coverage: ["exact", "over", "partial"], maxLines: 4 }),
      fc.commands(commands, { maxCommands: 12 }),
    ],
    FEW_RUNS,
  )("every step agrees with the model", (g, cmds) => {
    const setup = () => ({
      model: new Model(g.order, collected(g.order)),
      real: { order: g.order },
    });
    fc.modelRun(setup, cmds);
  });
});

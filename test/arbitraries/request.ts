/**
 * Refund requests against generated orders, as domain values.
 *
 * A sequence of refunds depends on the order as each refund leaves it, so the
 * generators draw *choices* (which line, what part of what is left, which
 * restock) and {@link validRequest} / {@link anyRequest} interpret them
 * against the current order. Valid requests pick existing lines and at most
 * the units left, with a restock the fulfilment allows; arbitrary ones may ask
 * for too much, name unknown lines, invoices and currencies, and carry any
 * free amount.
 */
import fc from "fast-check";
import type { RestockType } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type {
  RefundLineRequest,
  RefundRequest,
  ShippingRequest,
} from "../../src/domain/refundRequest.js";
import { findCurrency } from "../../src/money/currency.js";
import type { DecimalAmount } from "../../src/money/decimal.js";
import { FRACTION_DENOMINATOR, fractionArb, fractionOf } from "./money.js";
import {
  allShippingLeft,
  collected,
  invoiceLeft,
  lineUnits,
  sub,
  total,
  unitsLeft,
} from "./state.js";

/** A choice of one line to refund, interpreted against what is left. */
export interface LineChoice {
  readonly pick: number;
  /** Fraction (over 2^32) of the units left, at least one. */
  readonly units: bigint;
  readonly restock: number;
  /** Name the line by sku when it has one. */
  readonly bySku: boolean;
}

export const lineChoiceArb: fc.Arbitrary<LineChoice> = fc.record({
  pick: fc.nat(),
  units: fractionArb,
  restock: fc.nat(),
  bySku: fc.boolean(),
});

export type ShippingChoice =
  | { readonly kind: "none" }
  | { readonly kind: "full" }
  | { readonly kind: "amount"; readonly fraction: bigint };

export const shippingChoiceArb: fc.Arbitrary<ShippingChoice> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.constant({ kind: "full" as const }),
  fractionArb.map((fraction) => ({ kind: "amount" as const, fraction })),
);

/** A valid refund of lines and shipping, interpreted by {@link validRequest}. */
export interface StepChoice {
  readonly lines: readonly LineChoice[];
  readonly shipping: ShippingChoice;
  readonly refundDuties: boolean;
  /** Write amounts with fewer fraction digits when they allow it ("5" for 5.00). */
  readonly shortDecimals: boolean;
  readonly reason: boolean;
}

export function stepChoiceArb(options: { refundDuties?: boolean } = {}): fc.Arbitrary<StepChoice> {
  return fc.record({
    lines: fc.array(lineChoiceArb, { maxLength: 3 }),
    shipping: shippingChoiceArb,
    refundDuties:
      options.refundDuties === undefined ? fc.boolean() : fc.constant(options.refundDuties),
    shortDecimals: fc.boolean(),
    reason: fc.boolean(),
  });
}

/** The presentment currency's exponent. */
export function exponentOf(order: Order): number {
  return findCurrency(order.presentmentCurrency)?.exponent ?? 0;
}

/** `minor` presentment units as a request decimal, shortened when asked and possible. */
export function decimalOf(minor: bigint, exponent: number, short = false): DecimalAmount {
  let coefficient = minor;
  let scale = exponent;
  while (short && scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return { coefficient, scale };
}

/** `1 + floor((left − 1) · fraction)`: between 1 and `left` (for `left ≥ 1`). */
function partOf(left: bigint, fraction: bigint): bigint {
  return 1n + fractionOf(left - 1n, fraction);
}

/** Restocks a refund of `quantity` units may use, given the line's fulfilment and history. */
export function allowedRestocks(order: Order, lineIndex: number, quantity: number): RestockType[] {
  const line = order.lineItems[lineIndex];
  if (line === undefined) return ["no_restock"];
  const units = lineUnits(order, line);
  const allowed: RestockType[] = ["no_restock"];
  if (quantity <= line.fulfilledQuantity - units.returned) allowed.push("return");
  if (quantity <= line.quantity - line.fulfilledQuantity - units.cancelled) allowed.push("cancel");
  return allowed;
}

/** The lines of a valid request: distinct lines with units left, 1..left units each. */
export function validLines(order: Order, choices: readonly LineChoice[]): RefundLineRequest[] {
  const taken = new Set<number>();
  const result: RefundLineRequest[] = [];
  for (const choice of choices) {
    const candidates = order.lineItems
      .map((line, i) => ({ line, i }))
      .filter(({ line, i }) => !taken.has(i) && unitsLeft(order, line) > 0);
    const picked = candidates[choice.pick % Math.max(candidates.length, 1)];
    if (picked === undefined) break;
    taken.add(picked.i);
    const left = unitsLeft(order, picked.line);
    const quantity = Number(partOf(BigInt(left), choice.units));
    const restocks = allowedRestocks(order, picked.i, quantity);
    const restock = restocks[choice.restock % restocks.length] ?? "no_restock";
    const skuUnique =
      picked.line.sku !== undefined &&
      order.lineItems.filter((l) => l.sku === picked.line.sku).length === 1;
    const name =
      choice.bySku && skuUnique && picked.line.sku !== undefined
        ? { sku: picked.line.sku }
        : { lineItemId: picked.line.id };
    result.push({
      ...name,
      quantity,
      restock,
      ...(restock === "return" ? { locationId: "wh-1" } : {}),
    });
  }
  return result;
}

/** A valid shipping part: full, or an amount between one minor unit and the presentment remainder. */
export function validShipping(
  order: Order,
  choice: ShippingChoice,
  short: boolean,
): ShippingRequest | undefined {
  switch (choice.kind) {
    case "none":
      return undefined;
    case "full":
      return { fullRefund: true };
    case "amount": {
      const left = allShippingLeft(order).presentment;
      if (left <= 0n) return { fullRefund: true };
      return {
        fullRefund: false,
        amount: decimalOf(partOf(left, choice.fraction), exponentOf(order), short),
      };
    }
  }
}

/**
 * A valid request of lines and shipping, or `undefined` when the choice
 * names nothing left to refund.
 */
export function validRequest(order: Order, choice: StepChoice): RefundRequest | undefined {
  const lineItems = validLines(order, choice.lines);
  const shipping = validShipping(order, choice.shipping, choice.shortDecimals);
  if (lineItems.length === 0 && shipping === undefined) return undefined;
  return {
    lineItems,
    ...(shipping === undefined ? {} : { shipping }),
    ...(shipping?.amount === undefined ? {} : { currency: order.presentmentCurrency }),
    refundDuties: choice.refundDuties,
    full: false,
    notify: false,
    ...(choice.reason ? { reason: "return" } : {}),
  };
}

/** The request that refunds every unit, duty and all shipping left, without `full`. */
export function exhaustingRequest(order: Order): RefundRequest {
  const lineItems = order.lineItems
    .filter((line) => unitsLeft(order, line) > 0)
    .map((line) => ({
      lineItemId: line.id,
      quantity: unitsLeft(order, line),
      restock: "no_restock" as const,
    }));
  return {
    lineItems,
    shipping: { fullRefund: true },
    refundDuties: true,
    full: false,
    notify: false,
  };
}

export const FULL_REFUND: RefundRequest = {
  lineItems: [],
  refundDuties: false,
  full: true,
  notify: false,
};

/** An arbitrary request, interpreted against the order: often too much, sometimes nonsense. */
export interface AnyChoice {
  readonly step: StepChoice;
  /** Units asked beyond (or below) a valid quantity. */
  readonly quantityOffsets: readonly number[];
  readonly unknownLine: boolean;
  readonly shippingOver: bigint;
  readonly adjustmentPositive: bigint | undefined;
  readonly adjustmentNegative: bigint | undefined;
  /** Fraction of the money left (plus `amountOver`) as `amount`. */
  readonly amount: bigint | undefined;
  readonly amountOver: bigint;
  readonly amountOnly: boolean;
  readonly full: boolean;
  readonly payout: "suggested" | "invoice" | "unknownInvoice";
  readonly invoicePick: number;
  readonly currency: "presentment" | "none" | "other";
  readonly idempotencyKey: string | undefined;
}

/** True about once in `n`. */
const rarely = (n: number) => fc.integer({ min: 1, max: n }).map((i) => i === 1);

export const anyChoiceArb: fc.Arbitrary<AnyChoice> = fc.record({
  step: stepChoiceArb(),
  quantityOffsets: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 3 })), {
    maxLength: 3,
  }),
  unknownLine: rarely(10),
  shippingOver: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 3n })),
  adjustmentPositive: fc.option(fractionArb, { nil: undefined, freq: 3 }),
  adjustmentNegative: fc.option(fractionArb, { nil: undefined, freq: 3 }),
  amount: fc.option(fractionArb, { nil: undefined, freq: 2 }),
  amountOver: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n })),
  amountOnly: fc.boolean(),
  full: rarely(7),
  payout: fc.constantFrom("suggested", "suggested", "invoice", "unknownInvoice"),
  invoicePick: fc.nat(),
  currency: fc.constantFrom("presentment", "presentment", "presentment", "none", "other"),
  idempotencyKey: fc.option(fc.constantFrom("k1", "k2", "k3"), { nil: undefined, freq: 3 }),
});

/** The order's money left on the presentment side (collected less transactions). */
function presentmentMoneyLeft(order: Order): bigint {
  return sub(
    collected(order),
    total(order.refunds.flatMap((m) => m.transactions.map((t) => t.amount))),
  ).presentment;
}

/** An arbitrary request: a valid one bent by the choice (too many units, too much shipping or money). */
export function anyRequest(order: Order, choice: AnyChoice): RefundRequest {
  const exponent = exponentOf(order);
  const dec = (minor: bigint) =>
    decimalOf(minor < 0n ? 0n : minor, exponent, choice.step.shortDecimals);
  if (choice.full) {
    return {
      ...FULL_REFUND,
      ...(choice.adjustmentNegative === undefined
        ? {}
        : {
            adjustmentNegative: dec(
              fractionOf(presentmentMoneyLeft(order), choice.adjustmentNegative) / 4n,
            ),
          }),
      ...(choice.currency === "none" ? {} : { currency: currencyFor(order, choice) }),
      ...(choice.idempotencyKey === undefined ? {} : { idempotencyKey: choice.idempotencyKey }),
    };
  }
  const lines = validLines(order, choice.step.lines).map((line, i) => {
    const offset = choice.quantityOffsets[i] ?? 0;
    return offset === 0
      ? line
      : { ...line, quantity: (line.quantity ?? 0) + offset, restock: "no_restock" as const };
  });
  if (choice.unknownLine)
    lines.push({ lineItemId: "no-such-line", quantity: 1, restock: "no_restock" });
  const moneyLeft = presentmentMoneyLeft(order);
  const shippingLeft = allShippingLeft(order).presentment;
  let shipping: ShippingRequest | undefined;
  if (!choice.amountOnly) {
    shipping = validShipping(order, choice.step.shipping, choice.step.shortDecimals);
    if (shipping?.amount !== undefined && choice.shippingOver > 0n)
      shipping = { fullRefund: false, amount: dec(shippingLeft + choice.shippingOver) };
  }
  const amount =
    choice.amount === undefined
      ? undefined
      : fractionOf(moneyLeft, choice.amount) + choice.amountOver;
  const invoice = order.invoices[choice.invoicePick % Math.max(order.invoices.length, 1)];
  return {
    lineItems: choice.amountOnly ? [] : lines,
    ...(shipping === undefined ? {} : { shipping }),
    refundDuties: choice.step.refundDuties,
    full: false,
    notify: false,
    ...(choice.adjustmentPositive === undefined
      ? {}
      : { adjustmentPositive: dec(fractionOf(moneyLeft, choice.adjustmentPositive) / 4n) }),
    ...(choice.adjustmentNegative === undefined
      ? {}
      : { adjustmentNegative: dec(fractionOf(moneyLeft, choice.adjustmentNegative) / 8n) }),
    ...(amount === undefined ? {} : { amount: dec(amount) }),
    ...(choice.currency === "none" ? {} : { currency: currencyFor(order, choice) }),
    ...(choice.payout === "invoice" && invoice !== undefined ? { invoiceId: invoice.id } : {}),
    ...(choice.payout === "unknownInvoice" ? { invoiceId: "no-such-invoice" } : {}),
    ...(choice.idempotencyKey === undefined ? {} : { idempotencyKey: choice.idempotencyKey }),
    ...(choice.step.reason ? { reason: "damaged", note: "by phone", notify: true } : {}),
  };
}

function currencyFor(order: Order, choice: AnyChoice): string {
  return choice.currency === "other"
    ? order.presentmentCurrency === "USD"
      ? "EUR"
      : "USD"
    : order.presentmentCurrency;
}

/** The invoices' presentment money left, for explicit transactions. */
export function invoicesLeft(order: Order): { id: string; left: bigint }[] {
  return order.invoices.map((i) => ({ id: i.id, left: invoiceLeft(order, i.id).presentment }));
}

export { FRACTION_DENOMINATOR };

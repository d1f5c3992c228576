/**
 * Helpers shared by the property tests: running refund sequences through
 * `applyRefund`, reading Eithers, freezing inputs, exact rational bounds.
 */
import * as E from "fp-ts/lib/Either.js";
import { expect } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { RefundError } from "../../src/errors.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

/**
 * The number of runs of a property: a few dozen keep the whole suite fast.
 * `PROPERTY_RUNS_FACTOR=50 npx vitest run test/properties` searches deeper.
 */
const { PROPERTY_RUNS_FACTOR } = process.env;
const factor = Number(PROPERTY_RUNS_FACTOR ?? "1") || 1;
export const RUNS = { numRuns: Math.ceil(60 * factor) } as const;
export const FEW_RUNS = { numRuns: Math.ceil(25 * factor) } as const;

export const SIDES = ["shop", "presentment"] as const;

/** Applies a request; the new order and memo, or the errors. */
export function apply(
  order: Order,
  request: RefundRequest,
): { ok: true; order: Order; memo: CreditMemo } | { ok: false; errors: readonly RefundError[] } {
  const result = applyRefund(order, request);
  return E.isRight(result)
    ? { ok: true, order: result.right.order, memo: result.right.creditMemo }
    : { ok: false, errors: result.left };
}

/** Applies a request that must be accepted. */
export function applyOk(order: Order, request: RefundRequest): { order: Order; memo: CreditMemo } {
  const result = apply(order, request);
  if (!result.ok)
    expect.fail(
      `refund rejected: ${JSON.stringify(result.errors)} for ${JSON.stringify(request, bigintReplacer)}`,
    );
  return result;
}

export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${value}n` : value;
}

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * Checks `|share − X·q/n| ≤ tolerance` exactly, with the tolerance as a
 * fraction `num/den` of a minor unit: `|share·n − X·q|·den ≤ num·n`.
 */
export function withinRational(
  share: bigint,
  x: bigint,
  q: bigint,
  n: bigint,
  tolerance: { num: bigint; den: bigint },
): boolean {
  const error = share * n - x * q;
  const abs = error < 0n ? -error : error;
  return abs * tolerance.den <= tolerance.num * n;
}

export const HALF = { num: 1n, den: 2n } as const;
export const ONE = { num: 1n, den: 1n } as const;

/** Both sides of a bag as a readable pair for assertion messages. */
export function showBag(b: MoneyBag): string {
  return `${b.shop}/${b.presentment}`;
}

/**
 * Free amounts and their currency ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)): the amounts a request states
 * itself (`shipping.amount`, adjustments, `amount`, transaction amounts) are
 * presentment money; this module checks their currency, converts them to
 * minor units and gives each its shop side.
 *
 * @module
 */
import type { Order } from "../domain/order.js";
import { isMultiCurrency } from "../domain/order.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../errors.js";
import { type Currency, findCurrency } from "../money/currency.js";
import { type DecimalAmount, toMinorUnits } from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";
import { divideRounded, type RoundingMode } from "../money/rounding.js";

/**
 * The request's free amounts in presentment minor units, `undefined` where
 * the request gives none (or gives one that is wrong). Every field is
 * always present: one object shape, whatever the request states.
 */
export interface FreeAmounts {
  readonly shipping: bigint | undefined;
  readonly adjustmentPositive: bigint | undefined;
  readonly adjustmentNegative: bigint | undefined;
  readonly amount: bigint | undefined;
  /** One per `request.transactions` entry, in order. */
  readonly transactions: readonly bigint[] | undefined;
}

/** The free amounts read one by one into {@link FreeAmounts} (transactions are a list). */
type SingleAmount = "shipping" | "adjustmentPositive" | "adjustmentNegative" | "amount";

interface Named {
  readonly field: string;
  readonly path: string;
  readonly value: DecimalAmount;
  /** Where the amount goes in {@link FreeAmounts}; absent for a transaction's. */
  readonly key?: SingleAmount;
}

function namedFreeAmounts(request: RefundRequest): Named[] {
  const named: Named[] = [];
  const add = (key: SingleAmount, field: string, value: DecimalAmount | undefined) => {
    if (value !== undefined) named.push({ field, path: field, value, key });
  };
  add("shipping", "shipping.amount", request.shipping?.amount);
  add("adjustmentPositive", "adjustmentPositive", request.adjustmentPositive);
  add("adjustmentNegative", "adjustmentNegative", request.adjustmentNegative);
  add("amount", "amount", request.amount);
  for (const [i, t] of (request.transactions ?? []).entries())
    named.push({
      field: "transactions.amount",
      path: `transactions[${i}].amount`,
      value: t.amount,
    });
  // §3.9: line amounts are presentment money too (converted with the line, in lineSelection.ts).
  for (const [i, line] of request.lineItems.entries())
    if (line.amount !== undefined)
      named.push({ field: "lineItems.amount", path: `lineItems[${i}].amount`, value: line.amount });
  return named;
}

/** A request that states no free amount: no errors, no amounts (frozen, shared). */
const NO_FREE_AMOUNTS: {
  readonly errors: readonly RefundError[];
  readonly amounts: FreeAmounts;
} = Object.freeze({
  errors: Object.freeze([]),
  amounts: {
    shipping: undefined,
    adjustmentPositive: undefined,
    adjustmentNegative: undefined,
    amount: undefined,
    transactions: undefined,
  },
});

/**
 * Whether the request states a free amount ({@link namedFreeAmounts} would
 * name one, or it has `transactions`), read field by field without a list.
 */
function statesFreeAmounts(request: RefundRequest): boolean {
  if (
    request.shipping?.amount !== undefined ||
    request.adjustmentPositive !== undefined ||
    request.adjustmentNegative !== undefined ||
    request.amount !== undefined ||
    request.transactions !== undefined
  )
    return true;
  const lines = request.lineItems;
  for (let i = 0; i < lines.length; i++)
    if ((lines[i] as RefundRequest["lineItems"][number]).amount !== undefined) return true;
  return false;
}

/**
 * Checks the request's `currency` against the order and converts every free
 * amount to presentment minor units.
 *
 * Errors: `MISSING_CURRENCY` (multi-currency order, free amounts, no
 * `currency`), `CURRENCY_MISMATCH` (`currency` is not the presentment
 * currency), `INVALID_INPUT` (more fraction digits than the currency has).
 */
export function readFreeAmounts(
  order: Order,
  request: RefundRequest,
): { readonly errors: readonly RefundError[]; readonly amounts: FreeAmounts } {
  // Most requests state no amount and no other currency: nothing to read.
  if (
    (request.currency === undefined || request.currency === order.presentmentCurrency) &&
    !statesFreeAmounts(request)
  )
    return NO_FREE_AMOUNTS;
  return readEachFreeAmount(order, request);
}

/**
 * {@link readFreeAmounts} without its shortcut for a request that states
 * no free amount: the currency checked and each amount read, one by one.
 * Also the reference its shortcut is tested against.
 */
export function readEachFreeAmount(
  order: Order,
  request: RefundRequest,
): { readonly errors: readonly RefundError[]; readonly amounts: FreeAmounts } {
  const errors: RefundError[] = [];
  const named = namedFreeAmounts(request);
  const first = named[0];
  if (request.currency === undefined) {
    if (first !== undefined && isMultiCurrency(order))
      errors.push(refundErrors.missingCurrency("currency", first.field));
  } else if (request.currency !== order.presentmentCurrency) {
    errors.push(
      refundErrors.currencyMismatch("currency", order.presentmentCurrency, request.currency),
    );
  }
  const currency: Currency = findCurrency(order.presentmentCurrency) ?? {
    code: order.presentmentCurrency,
    exponent: 0,
  };
  const minor = (path: string, value: DecimalAmount | undefined): bigint | undefined => {
    if (value === undefined) return undefined;
    if (value.coefficient < 0n) {
      errors.push(
        refundErrors.invalidInput(path, "must not be negative (every amount in v1 is ≥ 0)"),
      );
      return undefined;
    }
    const converted = toMinorUnits(value, currency);
    if (converted === undefined)
      errors.push(
        refundErrors.invalidInput(
          path,
          `has more than ${currency.exponent} fraction digit(s), the most ${currency.code} has`,
        ),
      );
    return converted;
  };
  const read: { [K in SingleAmount]?: bigint } = {};
  for (const { key, path, value } of named) {
    if (key === undefined) continue;
    const converted = minor(path, value);
    if (converted !== undefined) read[key] = converted;
  }
  const transactions =
    request.transactions === undefined
      ? undefined
      : request.transactions.map((t, i) => minor(`transactions[${i}].amount`, t.amount) ?? 0n);
  const amounts: FreeAmounts = {
    shipping: read.shipping,
    adjustmentPositive: read.adjustmentPositive,
    adjustmentNegative: read.adjustmentNegative,
    amount: read.amount,
    transactions,
  };
  return { errors, amounts };
}

/**
 * The shop side of a free presentment amount `a` drawn from `pool` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)):
 * `round(a · pool.shop / pool.presentment)`, and the whole shop pool when
 * `a` is the whole presentment pool. On a single-currency order it is `a`;
 * zero is zero on both sides (even when the presentment pool is empty).
 */
export function shopSideOf(
  presentment: bigint,
  pool: MoneyBag,
  multiCurrency: boolean,
  rounding: RoundingMode,
): bigint {
  if (!multiCurrency || presentment === 0n) return presentment;
  if (presentment === pool.presentment) return pool.shop;
  return divideRounded(presentment * pool.shop, pool.presentment, rounding);
}

/** A free presentment amount as a bag, its shop side drawn from `pool`. */
export function freeAmountBag(
  presentment: bigint,
  pool: MoneyBag,
  multiCurrency: boolean,
  rounding: RoundingMode,
): MoneyBag {
  return { shop: shopSideOf(presentment, pool, multiCurrency, rounding), presentment };
}
